import type { ReactNode } from 'react';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { requirePermission } from '../../_lib/current-province';

// The plan report's screen needs 'report.view'. Its draft form is a client component (useActionState) that
// needs these namespaces, and only these (the shared ActionForm reads secondment.forms).
const CLIENT_NAMESPACES = ['report', 'secondment', 'errors'] as const;

export default async function ReportLayout({ children }: { children: ReactNode }) {
  await requirePermission('report.view');
  const messages = (await getMessages()) as Record<string, unknown>;
  const picked = Object.fromEntries(CLIENT_NAMESPACES.filter((name) => name in messages).map((name) => [name, messages[name]]));
  return <NextIntlClientProvider messages={picked as Parameters<typeof NextIntlClientProvider>[0]['messages']}>{children}</NextIntlClientProvider>;
}
