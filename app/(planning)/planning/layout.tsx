import type { ReactNode } from 'react';
import { FormMessages } from '@/components/forms/form-messages';
import { requirePermission } from '../../_lib/current-province';

// The planning register (docs/decisions/041-structure-and-planning.md) needs 'planning.view'; its forms answer in
// these namespaces (the decision fields' errors with the entries).
const FORM_NAMESPACES = ['planning', 'decisions.errors'] as const;

export default async function PlanningLayout({ children }: { children: ReactNode }) {
  await requirePermission('planning.view');
  return <FormMessages paths={FORM_NAMESPACES}>{children}</FormMessages>;
}
