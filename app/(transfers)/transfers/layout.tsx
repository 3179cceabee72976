import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';
import { TransferSubNav } from '@/components/transfers/sub-nav';
import { requireTransferView } from './access';

// Every transfer page needs 'transfer.view' (each page checks its own scope again). The forms (components/forms)
// answer in these namespaces (the decision fields' errors with the approval).
const FORM_NAMESPACES = ['transfer', 'transferPlan', 'decisions.errors'] as const;

export default async function TransfersLayout({ children }: { children: ReactNode }) {
  const user = await requireTransferView();
  return (
    <FormMessages paths={FORM_NAMESPACES}>
      <TransferSubNav user={user} />
      {children}
    </FormMessages>
  );
}
