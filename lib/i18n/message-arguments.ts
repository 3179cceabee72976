import type { CompiledMessage } from 'icu-minify/format';

// The arguments a message compiled by icu-minify reads (lib/i18n/compiled-messages.ts), with their kind and, for a
// select or a plural, the branches: the browser's formatter checks it has every value before formatting
// (components/forms/translations.tsx), and tests/unit/client-messages.test.ts picks values that take every branch.

export type MessageArgument = { kind: 'value' | 'select' | 'plural' | 'number' | 'date' | 'tag'; branches: string[] };

/**
 * A message, and a select's or plural's branch, is a string, 0 (#) or a list of strings, 0 and nodes; a node is
 * [name] (a value), [name, 1–3, branches] (select, plural, ordinal), [name, 4–6, style?] (number, date, time) or
 * [name, ...children] (a tag of rich text). A name read both as a plain value and otherwise takes the other kind.
 */
export function messageArguments(message: CompiledMessage): Map<string, MessageArgument> {
  const found = new Map<string, MessageArgument>();
  const visitList = (list: unknown) => {
    if (Array.isArray(list)) for (const element of list) if (Array.isArray(element)) visitNode(element);
  };
  const visitNode = (node: unknown[]) => {
    const [name, type] = [String(node[0]), node[1]];
    const kind: MessageArgument['kind'] =
      type === undefined ? 'value' : type === 1 ? 'select' : type === 2 || type === 3 ? 'plural' : type === 4 ? 'number' : type === 5 || type === 6 ? 'date' : 'tag';
    const branches = kind === 'select' || kind === 'plural' ? Object.keys(node[2] as object) : [];
    const known = found.get(name);
    if (!known || known.kind === 'value') found.set(name, { kind, branches: [...(known?.branches ?? []), ...branches] });
    if (kind === 'select' || kind === 'plural') for (const branch of Object.values(node[2] as object)) visitList(branch);
    else if (kind === 'tag') visitList(node.slice(1));
  };
  visitList(message);
  return found;
}
