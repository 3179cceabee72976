import { Badge } from '@/components/ui/badge';

/** A warning beside a 5% candidate (none of them blocks): the label is translated by the caller. */
export function WarningBadge({ label }: { label: string }) {
  return <Badge tone="amber">{label}</Badge>;
}
