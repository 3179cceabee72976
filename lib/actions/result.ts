/** A message key from lib/i18n/messages (e.g. 'errors.forbidden'); actions never return sentences. */
export type MessageKey = string;

/** Values a message interpolates ("{position} đã có {holders}"): names, numbers, dates already as dd/MM/yyyy. */
export type MessageParams = Record<string, string | number>;

export type ActionResult<T = undefined> =
  | { ok: true; data: T; notice?: MessageKey }
  | {
      ok: false;
      error: MessageKey;
      fieldErrors?: Partial<Record<string, MessageKey>>;
      /** The parameters of the error and field-error messages, rendered at the edge. */
      params?: MessageParams;
      values?: Record<string, string>;
    };

export const ok = <T>(data: T, notice?: MessageKey): ActionResult<T> => ({ ok: true, data, notice });
export const fail = (
  error: MessageKey,
  extra: { fieldErrors?: Partial<Record<string, MessageKey>>; params?: MessageParams; values?: Record<string, string> } = {},
): ActionResult<never> => ({ ok: false, error, ...extra });
