import { getTranslations } from 'next-intl/server';
import { ActionForm, type FormAction } from '@/components/forms/action-form';
import type { FormFieldSpec } from '@/components/forms/spec-fields';
import type { WorkingGroupRow } from '@/lib/db/support-queries';
import { COMMUNE_PREFIX, MEMBER_PREFIX, PROBLEM_PREFIX } from '@/lib/validation/support';

type Choices = {
  departments: { id: number; name: string }[];
  users: { id: number; displayName: string; username: string }[];
  communes: { id: number; name: string; oldDistrict: string }[];
  problems: { id: number; name: string }[];
};

/**
 * A working group's form, to set one up or to edit it: name, kind (the Provincial People's Committee's or a
 * department's), head (an account, or the name of a leader without one), members, communes and problem groups
 * covered (one checkbox each, so it works without JavaScript).
 */
export async function WorkingGroupForm<T>({ action, group, choices, submitLabel }: { action: FormAction<T>; group: WorkingGroupRow | null; choices: Choices; submitLabel: string }) {
  const t = await getTranslations('support.groups');
  const fields: FormFieldSpec[] = [
    { type: 'text', name: 'name', label: t('name'), required: true, maxLength: 200, wide: true },
    { type: 'radio', name: 'kind', label: t('kind'), required: true, inline: true, options: (['provincial', 'department'] as const).map((k) => ({ value: k, label: t(`kinds.${k}`) })) },
    { type: 'select', name: 'departmentId', label: t('department'), hint: t('departmentHint'), options: [{ value: '', label: t('none') }, ...choices.departments.map((d) => ({ value: String(d.id), label: d.name }))] },
    { type: 'select', name: 'headUserId', label: t('head'), hint: t('headHint'), options: [{ value: '', label: t('none') }, ...choices.users.map((u) => ({ value: String(u.id), label: `${u.displayName} (${u.username})` }))] },
    { type: 'text', name: 'headName', label: t('headName'), maxLength: 200, wide: true },
    { type: 'checkboxes', name: 'members', label: t('members'), options: choices.users.map((u) => ({ name: `${MEMBER_PREFIX}${u.id}`, label: `${u.displayName} (${u.username})` })) },
    { type: 'checkboxes', name: 'problems', label: t('problems'), options: choices.problems.map((p) => ({ name: `${PROBLEM_PREFIX}${p.id}`, label: p.name })) },
    { type: 'checkboxes', name: 'communes', label: t('communes'), options: choices.communes.map((c) => ({ name: `${COMMUNE_PREFIX}${c.id}`, label: `${c.name} (${c.oldDistrict})` })) },
  ];
  const initial: Record<string, string> = group
    ? {
        name: group.name, kind: group.kind, departmentId: group.department ? String(group.department.id) : '', headUserId: group.head ? String(group.head.id) : '',
        headName: group.headName ?? '',
        ...Object.fromEntries(group.members.map((m) => [`${MEMBER_PREFIX}${m.id}`, 'on'])),
        ...Object.fromEntries(group.communes.map((c) => [`${COMMUNE_PREFIX}${c.id}`, 'on'])),
        ...Object.fromEntries(group.problems.map((p) => [`${PROBLEM_PREFIX}${p.id}`, 'on'])),
      }
    : { kind: 'provincial' };
  return (
    <ActionForm
      id="working-group"
      namespace="support"
      action={action}
      hidden={group ? { groupId: group.id, version: group.version } : {}}
      fields={fields}
      initial={initial}
      submitLabel={submitLabel}
      stale={['support.groups.errors.stale']}
    />
  );
}
