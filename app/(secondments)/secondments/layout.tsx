import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';
import { requireSecondmentView } from './access';

// Every page of the 5% lists needs 'secondment.view' (each page checks its own scope again). The forms
// (components/forms) answer in these namespaces (the decision fields' errors with the placement).
const FORM_NAMESPACES = ['secondment', 'decisions.errors'] as const;

export default async function SecondmentsLayout({ children }: { children: ReactNode }) {
  await requireSecondmentView();
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
