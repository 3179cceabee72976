import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';

// The on-demand snapshot form is a client component (useActionState): it needs these namespaces, and only these.
const CLIENT_NAMESPACES = ['dashboard', 'errors'] as const;

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const messages = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(CLIENT_NAMESPACES.filter((name) => name in messages).map((name) => [name, messages[name]]));
  return <NextIntlClientProvider messages={picked as Parameters<typeof NextIntlClientProvider>[0]['messages']}>{children}</NextIntlClientProvider>;
}
