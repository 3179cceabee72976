import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';

// The inbox's forms answer in this namespace.
const FORM_NAMESPACES = ['inbox'] as const;

export default function InboxLayout({ children }: { children: ReactNode }) {
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
