// The one-time token of a form whose action is idempotent (docs/decisions/036-one-time-form-tokens.md): the page
// renders a fresh one into the form (a hidden field, so it holds without JavaScript), the form makes a new one after
// each success, and the action helper records it with the change, so the same form posted twice makes one change.
// Shared by the pages, the form layer and lib/actions/define-action.ts; runs in the browser and on the server.

/** The hidden field's name, shared by the form and the action helper. */
export const FORM_TOKEN_FIELD = 'formToken' as const;

/** 128 random bits as 32 lowercase hexadecimal digits. */
export const FORM_TOKEN_PATTERN = /^[0-9a-f]{32}$/;

/** A new token from the platform's cryptographic generator (Web Crypto, in Node as in the browser). */
export function newFormToken(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
