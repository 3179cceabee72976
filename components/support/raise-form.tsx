'use client';

import Link from 'next/link';
import { useTranslations } from '@/components/forms/translations';
import { ActionForm, type FormAction, type FormFieldSpec } from '@/components/forms/action-form';

/** The chairman's request for support; once sent, a link to the request's page, where files are attached. */
export function RaiseSupportForm({ action, token, communeId, fields }: { action: FormAction<{ requestId: number }>; token: string; communeId: number; fields: FormFieldSpec[] }) {
  const t = useTranslations('support.raise');
  return (
    <ActionForm
      id="raise"
      namespace="support"
      action={action}
      token={token}
      hidden={{ communeId }}
      fields={fields}
      submitLabel={t('submit')}
      replaceWhenDone
      done={(data) => (
        <p>
          <Link prefetch={false} href={`/support/${data.requestId}`} className="font-medium text-brand-800 underline hover:text-brand-900" data-testid="raised-link">{t('open')}</Link>
        </p>
      )}
    />
  );
}
