/** A message key from lib/i18n/messages (e.g. 'errors.forbidden'); actions never return sentences. */
export type MessageKey = string;

export type ActionResult<T = undefined> =
  | { ok: true; data: T; notice?: MessageKey }
  | { ok: false; error: MessageKey; fieldErrors?: Partial<Record<string, MessageKey>>; values?: Record<string, string> };

export const ok = <T>(data: T, notice?: MessageKey): ActionResult<T> => ({ ok: true, data, notice });
export const fail = (
  error: MessageKey,
  extra: { fieldErrors?: Partial<Record<string, MessageKey>>; values?: Record<string, string> } = {},
): ActionResult<never> => ({ ok: false, error, ...extra });
