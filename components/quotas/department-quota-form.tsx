'use client';

import { useTranslations } from '@/components/forms/translations';
import { saveDepartmentQuota } from '@/lib/actions/quotas/save-department-quota';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';

/** One department's quota of one year, beside its name; the department's version guards it. Works before hydration. */
export function DepartmentQuotaForm({ department, year }: { department: { id: number; code: string; name: string; version: number; quota: number | null }; year: number }) {
  const t = useTranslations('quotaYears');
  return (
    <ActionForm
      id={`department-quota-${department.id}`}
      testId={`department-quota-${department.code}`}
      namespace="quotaYears"
      stale={['quotaYears.errors.departmentStale']}
      action={saveDepartmentQuota}
      hidden={{ departmentId: department.id, version: department.version, year }}
      initial={{ quota: department.quota === null ? '' : String(department.quota) }}
      submitLabel={t('departments.save')}
      tone="secondary"
      className="flex flex-wrap items-end gap-3"
      statusAtEnd
    >
      {({ values, error }) => (
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
      )}
    </ActionForm>
  );
}
