import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';
import { requirePermission } from '../../_lib/current-province';

// The upload and apply forms (components/forms) answer in this namespace.
const FORM_NAMESPACES = ['imports'] as const;

export default async function ImportLayout({ children }: { children: ReactNode }) {
  await requirePermission('data.import');
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
