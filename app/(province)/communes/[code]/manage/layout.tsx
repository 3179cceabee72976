import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';

// The roster and vacancy forms (components/forms) answer in these namespaces.
const FORM_NAMESPACES = ['roster', 'vacancies', 'decisions', 'dossier', 'nationalId.problems', 'nationalId.errors'] as const;

export default function ManageLayout({ children }: { children: ReactNode }) {
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
