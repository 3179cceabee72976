'use client';

import { useTranslations } from '@/components/forms/translations';
import { ROLES } from '@/lib/auth/roles';
import type { ScopeOptions } from '@/lib/db/user-queries';
import { Field } from '@/components/forms/field';

type Values = { role?: string; communeId?: string; departmentId?: string };

/**
 * Role, commune and department. Both unit selects are always there (the form works without JS); the
 * action keeps only the one the role needs, and the database's app_user_scope check enforces it too.
 */
export function ScopeFields({
  idPrefix,
  options,
  values,
  errors,
}: {
  idPrefix: string;
  options: ScopeOptions;
  values: Values;
  errors: (field: string) => string | null;
}) {
  const t = useTranslations();
  return (
    <>
      <Field
        id={`${idPrefix}-role`}
        name="role"
        label={t('admin.users.role')}
        required
        defaultValue={values.role}
        error={errors('role')}
        options={[{ value: '', label: t('admin.users.chooseRole') }, ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))]}
      />
      <Field
        id={`${idPrefix}-commune`}
        name="communeId"
        label={t('admin.users.commune')}
        defaultValue={values.communeId}
        error={errors('communeId')}
        options={[
          { value: '', label: t('admin.users.chooseCommune') },
          ...options.communes.map((commune) => ({ value: String(commune.id), label: `${commune.name} (${commune.code})` })),
        ]}
      />
      <Field
        id={`${idPrefix}-department`}
        name="departmentId"
        label={t('admin.users.department')}
        defaultValue={values.departmentId}
        error={errors('departmentId')}
        options={[
          { value: '', label: t('admin.users.chooseDepartment') },
          ...options.departments.map((department) => ({ value: String(department.id), label: department.name })),
        ]}
      />
    </>
  );
}
