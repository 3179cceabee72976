import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

// The quota and attribute forms are client components (useActionState): they need these namespaces, and only these.
const CLIENT_NAMESPACES = ['quotas', 'quotaYears', 'communeAttributes', 'errors', 'blocks'] as const;

export default async function QuotasLayout({ children }: { children: ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(CLIENT_NAMESPACES.filter((name) => name in messages).map((name) => [name, messages[name]]));
  return <NextIntlClientProvider messages={picked as Parameters<typeof NextIntlClientProvider>[0]['messages']}>{children}</NextIntlClientProvider>;
}
