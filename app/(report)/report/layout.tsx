import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';
import { requirePermission } from '../../_lib/current-province';

// The plan report's screen needs 'report.view'. Its draft form (components/forms) answers in this namespace.
const FORM_NAMESPACES = ['report'] as const;

export default async function ReportLayout({ children }: { children: ReactNode }) {
  await requirePermission('report.view');
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
