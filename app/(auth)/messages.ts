import { getMessages } from 'next-intl/server';

/** Message keys → text for the given namespaces ('auth.signIn.invalid' → '…'), for client forms. */
export async function flatMessages(namespaces: string[]): Promise<Record<string, string>> {
  const messages = (await getMessages()) as Record<string, unknown>;
  const out: Record<string, string> = {};
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === 'string') out[prefix] = value;
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
  };
  for (const ns of namespaces) walk(ns, messages[ns]);
  return out;
}
