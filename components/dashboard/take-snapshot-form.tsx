'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/result';
import { takeSnapshotNow } from '@/lib/actions/snapshots/take';
import { FormStatus } from '@/components/admin/form-status';
import { SubmitButton } from '@/components/ui/submit-button';

/** "Ghi nhận số liệu hôm nay" (Organizing Committee): records today's figures; a second time the same day replaces them. */
export function TakeSnapshotForm({ takenToday }: { takenToday: boolean }) {
  const t = useTranslations('dashboard.snapshot');
  const [state, formAction] = useActionState<ActionResult<{ takenOn: string }> | null, FormData>(takeSnapshotNow, null);
  return (
    <form action={formAction} className="space-y-2">
      <p className="text-sm text-stone-700">{takenToday ? t('replaceNote') : t('note')}</p>
      <SubmitButton tone="secondary">{t('button')}</SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
