import { z } from 'zod';

// The confirm step of irreversible actions (docs/decisions/029-one-form-layer.md): their form has a required
// checkbox (components/forms/confirm-field.tsx) and their schema refuses a post without it, with a message shown
// beside the box. Messages are keys (decision 003).

import { CONFIRM_FIELD } from './confirm-name';

export { CONFIRM_FIELD };

/** A ticked checkbox posts "on"; an unticked one posts nothing. */
export const confirmed = z.literal('on', { error: 'forms.confirmRequired' });

/** The schema's field for the confirm step: spread into an object schema (`{ ...CONFIRM }`). */
export const CONFIRM = { confirm: confirmed } satisfies Record<typeof CONFIRM_FIELD, z.ZodType>;
