import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TransferState } from '@/lib/domain/transfer';

// The transfer's state as a badge: the label is translated by the caller; the text carries the meaning.
const TONES: Record<TransferState, BadgeTone> = { proposed: 'blue', approved: 'violet', executed: 'green', declined: 'red', cancelled: 'neutral' };

export function TransferStateBadge({ state, label }: { state: TransferState; label: string }) {
  return <Badge tone={TONES[state]}>{label}</Badge>;
}
