import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { requireSecondmentView } from './access';

// Every page of the 5% lists needs 'secondment.view' (each page checks its own scope again). The forms are
// client components (useActionState): they need these namespaces, and only these.
const CLIENT_NAMESPACES = ['secondment', 'errors'] as const;

export default async function SecondmentsLayout({ children }: { children: ReactNode }) {
  await requireSecondmentView();
  const messages = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(CLIENT_NAMESPACES.filter((name) => name in messages).map((name) => [name, messages[name]]));
  return <NextIntlClientProvider messages={picked as Parameters<typeof NextIntlClientProvider>[0]['messages']}>{children}</NextIntlClientProvider>;
}
