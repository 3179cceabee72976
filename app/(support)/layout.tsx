import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';

// The support pages' forms (docs/decisions/044-support-requests-and-working-groups.md) answer in `support`.
const FORM_NAMESPACES = ['support'] as const;

export default function SupportLayout({ children }: { children: ReactNode }) {
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
