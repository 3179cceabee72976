import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';

// The on-demand snapshot form (components/forms) answers in this namespace.
const FORM_NAMESPACES = ['dashboard'] as const;

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
