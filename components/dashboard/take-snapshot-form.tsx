'use client';

import { useTranslations } from '@/components/forms/translations';
import { takeSnapshotNow } from '@/lib/actions/snapshots/take';
import { ActionForm } from '@/components/forms/action-form';

/** "Ghi nhận số liệu hôm nay" (Organizing Committee): records today's figures; a second time the same day replaces them. */
export function TakeSnapshotForm({ takenToday }: { takenToday: boolean }) {
  const t = useTranslations('dashboard.snapshot');
  return (
    <ActionForm
      id="take-snapshot"
      namespace="dashboard"
      action={takeSnapshotNow}
      intro={takenToday ? t('replaceNote') : t('note')}
      submitLabel={t('button')}
      tone="secondary"
      className="space-y-2"
      statusAtEnd
    />
  );
}
