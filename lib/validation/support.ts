import { z } from 'zod';
import { SUPPORT_URGENCIES } from '@/lib/domain/support';
import { isoDate } from './date';
import { blankToNull, id, optionalText, text, version } from './fields';

// The support requests' and working groups' forms and their actions (docs/decisions/044-support-requests-and-working-groups.md).
// Messages are keys (decision 003). A list of choices (members, communes, problem groups) is posted as one checkbox
// per choice named `<prefix><id>`: the action helper keeps one value per field name.

const required = (max: number, message: string) => text(message).trim().min(1, { error: message }).max(max, { error: 'errors.tooLong' });

export const RaiseSupportSchema = z.object({
  communeId: id(),
  problemGroupId: id('support.errors.problemGroup'),
  title: required(200, 'support.errors.title'),
  description: required(5000, 'support.errors.description'),
  urgency: z.enum(SUPPORT_URGENCIES, { error: 'support.errors.urgency' }),
});

export const AssignSupportSchema = z.object({
  requestId: id(),
  version,
  workingGroupId: id('support.errors.workingGroup'),
  // Asked only when the group does not cover the request (a warning the user confirms), so optional here.
  confirm: z.preprocess(blankToNull, z.literal('on').nullable()).optional(),
});

export const RecordVisitSchema = z.object({
  requestId: id(),
  visitedOn: isoDate('support.errors.visitedOn'),
  members: required(1000, 'support.errors.members'),
  summary: required(5000, 'support.errors.summary'),
});

export const AnswerSupportSchema = z.object({
  requestId: id(),
  body: required(5000, 'support.errors.body'),
});

export const ResolveSupportSchema = z.object({
  requestId: id(),
  version,
  resolution: required(5000, 'support.errors.resolution'),
});

export const ESCALATION_TARGETS = ['escalated_province', 'escalated_central'] as const;

export const EscalateSupportSchema = z.object({
  requestId: id(),
  version,
  to: z.enum(ESCALATION_TARGETS, { error: 'support.errors.escalateTo' }),
  summary: required(5000, 'support.errors.escalationSummary'),
});

/** The ids of the ticked checkboxes named `<prefix><id>`. */
export function tickedIds(raw: unknown, prefix: string): number[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter(([key, value]) => key.startsWith(prefix) && value === 'on' && /^\d{1,9}$/.test(key.slice(prefix.length)))
    .map(([key]) => Number(key.slice(prefix.length)))
    .sort((a, b) => a - b);
}

export const MEMBER_PREFIX = 'member_';
export const COMMUNE_PREFIX = 'commune_';
export const PROBLEM_PREFIX = 'problem_';

const WorkingGroupFields = z
  .object({
    name: required(200, 'support.groups.errors.name'),
    kind: z.enum(['provincial', 'department'], { error: 'support.groups.errors.kind' }),
    departmentId: z.preprocess(blankToNull, id('support.groups.errors.department').nullable()),
    headUserId: z.preprocess(blankToNull, id('support.groups.errors.head').nullable()),
    headName: optionalText(200),
    memberIds: z.array(id()),
    communeIds: z.array(id()),
    problemGroupIds: z.array(id()),
  })
  .superRefine((value, ctx) => {
    if ((value.kind === 'department') !== (value.departmentId !== null)) ctx.addIssue({ code: 'custom', path: ['departmentId'], message: 'support.groups.errors.department' });
    if (value.headUserId === null && value.headName === null) ctx.addIssue({ code: 'custom', path: ['headUserId'], message: 'support.groups.errors.head' });
  });

const withTicked = (raw: unknown) =>
  raw && typeof raw === 'object'
    ? { ...raw, memberIds: tickedIds(raw, MEMBER_PREFIX), communeIds: tickedIds(raw, COMMUNE_PREFIX), problemGroupIds: tickedIds(raw, PROBLEM_PREFIX) }
    : raw;

export const CreateWorkingGroupSchema = z.preprocess(withTicked, WorkingGroupFields);

export const UpdateWorkingGroupSchema = z.preprocess(
  withTicked,
  z.intersection(z.object({ groupId: id(), version }), WorkingGroupFields),
);

const problemCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'support.problemGroups.errors.code' });
const sortOrder = z.coerce.number({ error: 'errors.invalid' }).int({ error: 'errors.invalid' }).min(0, { error: 'errors.invalid' }).max(100_000, { error: 'errors.invalid' });

export const CreateProblemGroupSchema = z.object({
  code: problemCode,
  nameVi: required(200, 'support.problemGroups.errors.name'),
  nameEn: required(200, 'support.problemGroups.errors.name'),
  sortOrder,
});

export const UpdateProblemGroupSchema = z.object({
  problemGroupId: id(),
  version,
  nameVi: required(200, 'support.problemGroups.errors.name'),
  nameEn: required(200, 'support.problemGroups.errors.name'),
  sortOrder,
  isActive: z.enum(['active', 'inactive'], { error: 'errors.invalid' }),
});
