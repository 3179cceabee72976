import compile from 'icu-minify/compile';
import type { CompiledMessage } from 'icu-minify/format';

// The catalogue's messages as the browser gets them: each ICU message compiled on the server into icu-minify's
// small form, so the browser formats it with a 2 KB function instead of carrying an ICU parser and next-intl's client
// runtime (docs/decisions/051-no-web-font-and-brotli-assets.md). The server's pages format the same catalogue with
// next-intl; tests/unit/client-messages.test.ts formats every message of both catalogues both ways and finds the
// same text.

export type CompiledMessages = { [key: string]: CompiledMessage | CompiledMessages };

/**
 * A compiled message with plain objects only: icu-minify builds a select's or a plural's branches on objects without
 * a prototype, which React refuses to pass from a server component to a client one.
 */
function plain(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(plain);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, plain(value)]));
  return node;
}

/** Compiled subtrees of the catalogue, by the catalogue's own objects (a catalogue is loaded once per process). */
const cache = new WeakMap<object, CompiledMessages>();

/** `messages` (a catalogue, or a part picked from one) with every message compiled; namespaces keep their nesting. */
export function compileMessages(messages: Record<string, unknown>): CompiledMessages {
  const cached = cache.get(messages);
  if (cached) return cached;
  const compiled: CompiledMessages = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') compiled[key] = plain(compile(value)) as CompiledMessage;
    else if (value && typeof value === 'object' && !Array.isArray(value)) compiled[key] = compileMessages(value as Record<string, unknown>);
    else throw new Error(`catalogue entry ${key} is neither a message nor a namespace`);
  }
  cache.set(messages, compiled);
  return compiled;
}
