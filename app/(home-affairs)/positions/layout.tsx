import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { requirePermission } from '../../_lib/current-province';

// Home Affairs and administrators only (the pages and actions check again). The catalogue forms are client
// components (useActionState): they need these namespaces, and only these.
const CLIENT_NAMESPACES = ['positions', 'errors', 'blocks'] as const;

export default async function PositionsLayout({ children }: { children: ReactNode }) {
  await requirePermission('quota.edit');
  const messages = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(CLIENT_NAMESPACES.filter((name) => name in messages).map((name) => [name, messages[name]]));
  return <NextIntlClientProvider messages={picked as Parameters<typeof NextIntlClientProvider>[0]['messages']}>{children}</NextIntlClientProvider>;
}
