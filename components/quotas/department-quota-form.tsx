'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { saveDepartmentQuota } from '@/lib/actions/quotas/save-department-quota';
import type { ActionResult } from '@/lib/actions/result';
import { FormStatus } from '@/components/admin/form-status';
import { useMessage } from '@/components/admin/use-message';
import { Field } from '@/components/ui/field';
import { formFeedback } from '@/components/ui/form-feedback';
import { SubmitButton } from '@/components/ui/submit-button';
import { StaleReloadLink } from './stale-reload-link';

/** One department's quota of one year, beside its name; the department's version guards it. Works before hydration. */
export function DepartmentQuotaForm({
  department,
  year,
  reloadHref,
}: {
  department: { id: number; code: string; name: string; version: number; quota: number | null };
  year: number;
  reloadHref: string;
}) {
  const t = useTranslations('quotaYears');
  const message = useMessage();
  const [state, formAction] = useActionState<ActionResult | null, FormData>(saveDepartmentQuota, null);
  const { values, error } = formFeedback(state, message, { quota: department.quota === null ? '' : String(department.quota) });
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate data-testid={`department-quota-${department.code}`}>
      <input type="hidden" name="departmentId" value={department.id} />
      <input type="hidden" name="version" value={department.version} />
      <input type="hidden" name="year" value={year} />
      <div className="w-full sm:w-80">
        <Field
          id={`department-quota-${department.id}`}
          name="quota"
          label={department.name}
          hint={t('departments.code', { code: department.code })}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          required
          defaultValue={values.quota}
          error={error('quota')}
        />
      </div>
      <SubmitButton tone="secondary">{t('departments.save')}</SubmitButton>
      <div className="basis-full">
        <FormStatus state={state} />
        {state && !state.ok && state.error === 'quotaYears.errors.departmentStale' ? <StaleReloadLink href={reloadHref} /> : null}
      </div>
    </form>
  );
}
