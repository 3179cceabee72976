import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';

// The quota and attribute forms (components/forms) answer in these namespaces.
const FORM_NAMESPACES = ['quotas', 'quotaYears', 'communeAttributes', 'blocks'] as const;

export default function QuotasLayout({ children }: { children: ReactNode }) {
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
