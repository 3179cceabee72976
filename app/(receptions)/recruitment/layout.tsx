import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';
import { requirePermission } from '../../_lib/current-province';

// The recruitment plan's page needs 'recruitment.view'; its forms answer in the `recruitment` namespace.
export default async function RecruitmentLayout({ children }: { children: ReactNode }) {
  await requirePermission('recruitment.view');
  return <FormMessages paths={['recruitment']}>{children}</FormMessages>;
}
