'use client';

import { useTranslations } from '@/components/forms/translations';
import { deactivateUser } from '@/lib/actions/users/deactivate-user';
import { reactivateUser } from '@/lib/actions/users/reactivate-user';
import { ActionForm } from '@/components/forms/action-form';

/** Deactivate (ending every session, after the confirm step) or reactivate, as the user's current state allows. */
export function UserStatusForm({ userId, version, isActive }: { userId: number; version: number; isActive: boolean }) {
  const t = useTranslations('admin.users');
  return isActive ? (
    <ActionForm
      id="deactivate"
      testId="user-status-form"
      namespace="admin"
      action={deactivateUser}
      hidden={{ userId, version }}
      intro={t('deactivateHint')}
      confirm={t('confirmDeactivate')}
      submitLabel={t('deactivate')}
      tone="danger"
    />
  ) : (
    <ActionForm id="reactivate" testId="user-status-form" namespace="admin" action={reactivateUser} hidden={{ userId, version }} submitLabel={t('reactivate')} tone="secondary" />
  );
}
