'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { deactivateUser } from '@/lib/actions/users/deactivate-user';
import { reactivateUser } from '@/lib/actions/users/reactivate-user';
import type { ActionResult } from '@/lib/actions/result';
import { SubmitButton } from '@/components/ui/submit-button';
import { FormStatus } from './form-status';

/** Deactivate (ending every session) or reactivate, as the user's current state allows. */
export function UserStatusForm({ userId, version, isActive }: { userId: number; version: number; isActive: boolean }) {
  const t = useTranslations('admin.users');
  const [state, formAction] = useActionState<ActionResult | null, FormData>(isActive ? deactivateUser : reactivateUser, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <FormStatus state={state} />
      {isActive ? <p className="text-sm text-stone-700">{t('deactivateHint')}</p> : null}
      <SubmitButton tone={isActive ? 'danger' : 'secondary'}>{isActive ? t('deactivate') : t('reactivate')}</SubmitButton>
    </form>
  );
}
