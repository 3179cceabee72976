import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';
import { requirePermission } from '../../_lib/current-province';

// Home Affairs and administrators only (the pages and actions check again). The catalogue forms
// (components/forms) answer in these namespaces.
const FORM_NAMESPACES = ['positions', 'blocks'] as const;

export default async function PositionsLayout({ children }: { children: ReactNode }) {
  await requirePermission('quota.edit');
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
