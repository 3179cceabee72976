import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';

// The sign-in and password forms (components/forms) answer in this namespace.
const FORM_NAMESPACES = ['auth'] as const;

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
