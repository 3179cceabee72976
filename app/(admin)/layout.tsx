import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';

// The administration forms (components/forms): their actions answer in these namespaces; `auth` carries the
// password rules' messages; `support.problemGroups` the problem groups' catalogue.
const FORM_NAMESPACES = ['admin', 'roles', 'auth', 'support.problemGroups', 'support.errors'] as const;

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
