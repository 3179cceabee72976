import { getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TransferStatus } from '@/lib/domain/transfer';
import { getFormatters } from '@/lib/i18n/server';

// The transfer's status at the date shown (lib/domain/transfer.ts transferStatus) as a badge; the text carries the
// meaning. Once executed it names the day it took effect: "Đã thực hiện từ ngày 01/12/2025".
const TONES: Record<TransferStatus, BadgeTone> = { proposed: 'blue', approved: 'violet', executed: 'green', declined: 'red', cancelled: 'neutral' };

export async function TransferStatusBadge({ status, effectiveDate }: { status: TransferStatus; effectiveDate: string }) {
  const [t, format] = await Promise.all([getTranslations('transfer.states'), getFormatters()]);
  return <Badge tone={TONES[status]}>{status === 'executed' ? t('executedSince', { date: format.date(effectiveDate) }) : t(status)}</Badge>;
}
