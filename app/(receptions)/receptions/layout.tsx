import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';
import { requireReceptionView } from './access';

// Every reception page needs 'reception.view' (each page checks its own scope again). The forms answer in these
// namespaces (the decision fields' and the personal ID's errors with the decision, the person's with the roster's).
const FORM_NAMESPACES = ['reception', 'decisions.errors', 'nationalId.errors', 'roster.errors'] as const;

export default async function ReceptionsLayout({ children }: { children: ReactNode }) {
  await requireReceptionView();
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
