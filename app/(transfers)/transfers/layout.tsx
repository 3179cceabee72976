import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { TransferSubNav } from '@/components/transfers/sub-nav';
import { requireTransferView } from './access';

// Every transfer page needs 'transfer.view' (each page checks its own scope again). The forms are client
// components (useActionState): they need these namespaces (the shared form reads secondment.forms).
const CLIENT_NAMESPACES = ['transfer', 'transferPlan', 'secondment', 'errors'] as const;

export default async function TransfersLayout({ children }: { children: ReactNode }) {
  const user = await requireTransferView();
  const messages = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(CLIENT_NAMESPACES.filter((name) => name in messages).map((name) => [name, messages[name]]));
  return (
    <NextIntlClientProvider messages={picked as Parameters<typeof NextIntlClientProvider>[0]['messages']}>
      <TransferSubNav user={user} />
      {children}
    </NextIntlClientProvider>
  );
}
