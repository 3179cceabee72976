import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listIncompleteRecords } from '@/lib/db/completeness-queries';

/** On a commune's workspace: how many of its counted records are incomplete, and the way to the list to fix them. */
export async function IncompleteRecordsNotice({ commune }: { commune: { id: number; code: string } }) {
  const [records, t] = await Promise.all([listIncompleteRecords(db(), commune.id, today()), getTranslations('completeness')]);
  if (records.length === 0) return null;
  return (
    <p className="mt-8 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="incomplete-records-notice">
      {t('incomplete.count', { count: records.length })}{' '}
      <Link prefetch={false} href={`/communes/${encodeURIComponent(commune.code)}/manage/completeness`} className="font-medium underline">
        {t('incomplete.open')}
      </Link>
    </p>
  );
}
