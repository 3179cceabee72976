import { z } from 'zod';

// The audit trail's contract (docs/decisions/020-typed-audit-events.md). Every event an application path, the
// import, the command line or the demo may write is declared here once: its name, the entity it is about and
// the zod schemas of its `before` and `after` payloads. The one writer (lib/db/audit-writer.ts) refuses
// anything else; the audit page and the workflow timelines render rows from these schemas, with the labels of
// the message catalogues (`audit.actions.<name>`, `audit.entities.<entity>`, `audit.fields.<field>`).
// Rows written before this contract existed are kept as they are (the trail is append-only) and shown with
// their raw payload when they do not parse.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const code = z.string().min(1);
const text = z.string();
const count = z.number().int().min(0);
const nullableText = text.nullable();

/** The entities an audit row may be about (`audit_log.entity_type`). */
export const AUDIT_ENTITIES = [
  'user', 'cadre', 'commune', 'department', 'oldDistrict', 'province', 'position', 'quota', 'quota_year', 'keyPositionNorm', 'vacancy',
  'import', 'import_upload', 'report_draft', 'province_snapshot',
  'secondment_phase', 'secondment_list', 'secondment_candidate', 'transfer',
  'rating', 'rating_round',
  'reception', 'recruitment_plan',
  'support_request', 'working_group', 'problem_group',
  'planning_term', 'planning_entry',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

type Payload = z.ZodType | null;
type EventSpec = { entity: AuditEntity | readonly AuditEntity[]; before: Payload; after: Payload };

const event = <E extends AuditEntity | readonly AuditEntity[], B extends Payload, A extends Payload>(entity: E, before: B, after: A) => ({ entity, before, after });

// ---- Shared payload shapes --------------------------------------------------------------------------------

const userSnapshot = z.strictObject({
  username: text, displayName: text, role: text, communeId: z.number().int().nullable(), departmentId: z.number().int().nullable(),
  isActive: z.boolean(), mustChangePassword: z.boolean(), version: z.number().int(),
});
const userChange = userSnapshot.extend({ sessionsEnded: count.optional() });
const positionSnapshot = z.strictObject({
  code, titleVi: text, titleEn: text.nullable(), block: z.enum(['party_front', 'government']).nullable(), isKey: z.boolean(), isElected: z.boolean(),
  concurrentByDesign: z.boolean(), field: text.nullable(), sortOrder: z.number().int(),
  // The post's rank for planning; absent from the rows written before the positions form edited it.
  level: z.number().int().optional(),
});
const communeAttributes = z.strictObject({
  oldDistrictCode: code, oldDistrictName: text, mountainous: z.boolean(), extremelyDisadvantaged: z.boolean(), border: z.boolean(),
});
const quotaSnapshot = z.strictObject({ year: z.number().int(), party_front: count.nullable().optional(), government: count.nullable().optional() });
const norms = z.record(z.string(), count);
/** What a quota year holds when it is opened or confirmed (entity id: the year). */
const quotaYearContent = {
  year: z.number().int(), communes: count, party_front: count, government: count, departments: count, departmentQuota: count,
};
const sheetCounts = z.strictObject({ created: count, updated: count, unchanged: count });
const importCounts = z.record(z.string(), sheetCounts);
const snapshotSummary = z.strictObject({
  takenOn: isoDate, source: text, quota: z.number().int(), headcount: z.number().int(), difference: z.number().int(),
  keyVacancies: count.optional(), unitsBoth: count,
});
/** Import rows: the sheet's columns as the import's plan snapshots them (one shape per sheet, see lib/import/apply.ts). */
const importRow = z.record(z.string(), z.unknown());
const listState = z.enum(['draft', 'submitted', 'returned', 'forwarded', 'decided']);
const candidateState = z.enum(['proposed', 'meets', 'does_not_meet', 'forwarded', 'approved', 'declined', 'placed', 'ended']);
const transferState = z.enum(['proposed', 'approved', 'executed', 'declined', 'cancelled']);
const supportState = z.enum(['open', 'assigned', 'escalated_province', 'escalated_central', 'resolved']);
const workingGroupSnapshot = z.strictObject({
  name: text, kind: z.enum(['provincial', 'department']), department: code.nullable(), headUserId: z.number().int().nullable(), headName: nullableText,
  memberNames: z.array(text), communeCodes: z.array(code), problemGroups: z.array(code),
});
const problemGroupSnapshot = z.strictObject({ code, nameVi: text, nameEn: text, isActive: z.boolean(), sortOrder: z.number().int() });
const conclusionRef = z.strictObject({ number: text, date: isoDate });
/** A person's rating of a year (docs/decisions/040-annual-ratings.md). */
const ratingLevel = z.enum(['excellent', 'good', 'completed', 'not_completed']);
const ratingSnapshot = z.strictObject({
  cadre: code, year: z.number().int(), communeCode: code, group: z.enum(['cadre', 'civil_servant']), level: ratingLevel,
  score: z.number().min(0).max(100).nullable(), belowBandReason: nullableText, decidingBody: nullableText, version: z.number().int(),
});
const assignmentRef = z.strictObject({ assignmentId: z.number().int(), positionCode: code, startDate: isoDate });
const receptionOpen = z.enum(['proposed', 'appraised']);
const receptionCouncil = z.enum(['passed', 'failed']);
const recruitmentTarget = z.strictObject({ year: z.number().int(), commune: code, position: code, count: z.number().int().min(1), plannedDate: isoDate });

/** The dossier's fields as an edit changed them (only those that changed, with the person's code and version). */
const dossierFields = z.strictObject({
  code, version: z.number().int(),
  nationalId: nullableText.optional(), placeOfBirth: nullableText.optional(), homeTown: nullableText.optional(), ethnicity: nullableText.optional(),
  religion: nullableText.optional(), isPartyMember: z.boolean().optional(), partyJoinDate: isoDate.nullable().optional(), partyOfficialDate: isoDate.nullable().optional(),
  politicalTheory: nullableText.optional(), stateManagement: nullableText.optional(), rankCode: nullableText.optional(),
  salaryStep: z.number().int().nullable().optional(), salaryCoefficient: nullableText.optional(), salaryEffectiveOn: isoDate.nullable().optional(),
});
/** One entry of a dossier's lists: education history, a training course, an award or a disciplinary measure. */
const dossierEntry = z.strictObject({
  code, entryKind: z.enum(['education', 'training', 'recognition']),
  degree: text.optional(), educationField: text.optional(), institution: nullableText.optional(), year: z.number().int().nullable().optional(), mode: nullableText.optional(),
  trainingKind: text.optional(), name: text.optional(), startDate: isoDate.nullable().optional(), endDate: isoDate.nullable().optional(), certificate: nullableText.optional(),
  recognitionKind: text.optional(), form: text.optional(), decisionNumber: text.optional(), decisionDate: isoDate.optional(), issuer: nullableText.optional(), reason: nullableText.optional(),
});

/** The roster changes a user may cancel (the person's latest one; lib/domain/roster.ts `cancelPermission`). */
export const CANCELLABLE_ROSTER_EVENTS = ['cadre.recruit', 'cadre.depart', 'cadre.changePrimaryPosition', 'cadre.addConcurrentPosition', 'cadre.removeConcurrentPosition'] as const;
export type CancellableRosterEvent = (typeof CANCELLABLE_ROSTER_EVENTS)[number];

// ---- The events -------------------------------------------------------------------------------------------

export const AUDIT_EVENTS = {
  // Sign-in and accounts
  'auth.signIn': event('user', null, null),
  'auth.signInFailed': event('user', null, null),
  'auth.signOut': event('user', null, null),
  // An attempt refused during a lock-out, and the counter at its limit (docs/decisions/034-trusted-proxies-and-the-client-address.md).
  'auth.signInLocked': event('user', null, z.strictObject({ lockedBy: z.enum(['username', 'address']) })),
  // No longer written (replaced by auth.signInLocked); declared for the rows recorded before.
  'auth.lockedOut': event('user', null, null),
  // An action refused on the policy or the row's scope (errors.forbidden), at most once a minute per user and action.
  'security.denied': event('user', null, z.strictObject({ attempted: text, permission: text })),
  'user.create': event('user', null, userSnapshot),
  'user.update': event('user', userSnapshot, userChange),
  'user.deactivate': event('user', userSnapshot, userChange),
  'user.reactivate': event('user', userSnapshot, userChange),
  'user.resetPassword': event('user', userSnapshot, userChange),
  // Items of the user's own inbox marked read (docs/decisions/045-inbox-and-reminders.md): how many, reminders included.
  'inbox.read': event('user', null, z.strictObject({ items: count })),
  'user.passwordChanged': event('user', z.strictObject({ mustChangePassword: z.boolean() }), z.strictObject({ mustChangePassword: z.boolean(), otherSessionsEnded: count })),

  // The roster
  'cadre.recruit': event('cadre', null, z.strictObject({
    code, fullName: text, gender: z.enum(['male', 'female']), employmentType: text, education: text.nullable(), field: text.nullable(),
    communeCode: code, positionCode: code, startDate: isoDate, block: z.enum(['party_front', 'government']), headcountBefore: count, quota: count,
  })),
  'cadre.changePrimaryPosition': event('cadre',
    z.strictObject({ code, version: z.number().int(), primary: assignmentRef }),
    z.strictObject({
      code, version: z.number().int(), communeCode: code,
      closedPrimary: z.strictObject({ assignmentId: z.number().int(), endDate: isoDate }),
      primary: assignmentRef,
      absorbedConcurrent: z.strictObject({
        assignmentId: z.number().int(), positionCode: code, startDate: isoDate.optional(), endDate: isoDate.optional(), withdrawn: z.literal(true).optional(),
      }).optional(),
    })),
  'cadre.addConcurrentPosition': event('cadre',
    z.strictObject({ code, version: z.number().int() }),
    z.strictObject({ code, version: z.number().int(), communeCode: code, assignmentId: z.number().int(), positionCode: code, startDate: isoDate })),
  'cadre.removeConcurrentPosition': event('cadre',
    z.strictObject({ code, version: z.number().int(), assignmentId: z.number().int(), positionCode: code, startDate: isoDate }),
    z.strictObject({
      code, version: z.number().int(), communeCode: code, assignmentId: z.number().int(), effectiveDate: isoDate,
      endDate: isoDate.optional(), withdrawn: z.literal(true).optional(),
    })),
  'cadre.depart': event('cadre',
    z.strictObject({ code, status: z.literal('active'), version: z.number().int(), openAssignments: z.array(z.number().int()) }),
    z.strictObject({ code, status: z.literal('left'), leftOn: isoDate, leftReason: text, version: z.number().int(), closedAssignments: count, communeCode: code })),
  'cadre.cancelChange': event('cadre',
    z.strictObject({ code, version: z.number().int(), cancelled: z.enum(CANCELLABLE_ROSTER_EVENTS), eventId: z.string().regex(/^\d+$/) }),
    z.strictObject({ code, version: z.number().int(), reason: text, sameDay: z.boolean() })),
  // The personnel dossier (docs/decisions/037-the-personnel-dossier.md): the fields that changed, and list entries.
  'cadre.updateDossier': event('cadre', dossierFields, dossierFields),
  'cadre.addDossierEntry': event('cadre', null, dossierEntry),
  'cadre.removeDossierEntry': event('cadre', dossierEntry, null),
  'vacancy.declare': event('vacancy', null, z.strictObject({
    communeCode: code, positionId: z.number().int().nullable(), field: text.nullable(), count: z.number().int().min(1), urgency: text, note: nullableText,
  })),
  'vacancy.close': event('vacancy',
    z.strictObject({ status: z.literal('open'), version: z.number().int() }),
    z.strictObject({ status: z.literal('closed'), closedOn: isoDate, closeNote: nullableText, version: z.number().int() })),

  // Catalogues, quotas and units
  'commune.updateAttributes': event('commune', communeAttributes, communeAttributes),
  'quota.save': event('quota', quotaSnapshot, quotaSnapshot),
  'departmentQuota.save': event('department', z.strictObject({ year: z.number().int(), quota: count.nullable() }), z.strictObject({ year: z.number().int(), quota: count })),
  'quotaYear.open': event('quota_year', null, z.strictObject({ ...quotaYearContent, status: z.literal('draft'), copiedFrom: z.number().int() })),
  'quotaYear.confirm': event('quota_year',
    z.strictObject({ year: z.number().int(), status: z.literal('draft') }),
    z.strictObject({ ...quotaYearContent, status: z.literal('confirmed') })),
  'keyPositionNorm.save': event('keyPositionNorm', norms, norms),
  'position.create': event('position', null, positionSnapshot),
  'position.update': event('position', positionSnapshot, positionSnapshot),
  'position.delete': event('position', positionSnapshot.extend({ version: z.number().int() }), null),

  // The workbook import
  'import.check': event('import_upload', null, z.strictObject({
    fileName: text, byteSize: count, sha256: z.string().regex(/^[0-9a-f]{64}$/), ok: z.boolean(), problemCount: count, counts: importCounts,
  })),
  'import.refused': event('import_upload', null, z.strictObject({ problemCount: count })),
  'import.markApplied': event('import_upload', null, z.strictObject({ counts: importCounts })),
  // The ratings sheet writes `rating` rows and the rounds it makes (`rating_round`; docs/decisions/040-annual-ratings.md).
  'import.create': event(['province', 'oldDistrict', 'commune', 'department', 'position', 'quota', 'keyPositionNorm', 'cadre', 'rating', 'rating_round'], null, importRow),
  'import.update': event(['province', 'oldDistrict', 'commune', 'department', 'position', 'quota', 'keyPositionNorm', 'cadre', 'rating'], importRow, importRow),
  'import.apply': event('import', null, z.record(z.string(), z.unknown())),

  // The commune workbook (docs/decisions/047-commune-workbook.md): its upload with the dry run, and its apply or refusal;
  // each change it makes is the form's own event.
  'communeWorkbook.check': event('commune', null, z.strictObject({
    uploadId: z.uuid(), fileName: text, byteSize: count, sha256: z.string().regex(/^[0-9a-f]{64}$/), ok: z.boolean(), problemCount: count, conflictCount: count, changeCount: count,
  })),
  'communeWorkbook.apply': event('commune', null, z.strictObject({ uploadId: z.uuid(), fileName: text, changeCount: count })),
  'communeWorkbook.refused': event('commune', null, z.strictObject({ uploadId: z.uuid(), problemCount: count, conflictCount: count })),

  // Figures and the report
  'snapshot.take': event('province_snapshot', snapshotSummary, snapshotSummary),
  'report.draft.save': event('report_draft',
    z.strictObject({ documentNumber: nullableText, signerTitle: nullableText, signerName: nullableText, recommendations: nullableText }),
    z.strictObject({ documentNumber: nullableText, signerTitle: nullableText, signerName: nullableText, recommendations: nullableText })),

  // The 5% secondment workflow
  'secondment.phase.create': event('secondment_phase', null, z.strictObject({ year: z.number().int(), number: z.number().int(), dueDate: isoDate, note: nullableText })),
  'secondment.phase.extend': event('secondment_phase', z.strictObject({ dueDate: isoDate }), z.strictObject({ dueDate: isoDate, note: nullableText })),
  'secondment.list.create': event('secondment_list', null, z.strictObject({ to: z.literal('draft'), phase: z.string().regex(/^\d+\/\d{4}$/) })),
  'secondment.list.submit': event('secondment_list', null, z.strictObject({
    from: listState, to: listState, counted: count, minimum: count, late: z.boolean(), justification: nullableText,
  })),
  'secondment.list.return': event('secondment_list', null, z.strictObject({ from: listState, to: listState, comment: nullableText, dueDate: isoDate.optional() })),
  'secondment.list.forward': event('secondment_list', null, z.strictObject({ from: listState, to: listState, forwarded: count })),
  'secondment.list.approve': event('secondment_list', null, z.strictObject({ from: listState, to: listState, conclusion: conclusionRef, candidates: count })),
  'secondment.list.decline': event('secondment_list', null, z.strictObject({ from: listState, to: listState, comment: text, candidates: count })),
  'secondment.candidate.propose': event('secondment_candidate', null, z.strictObject({
    to: z.literal('proposed'), cadre: code, kind: text, field: text.nullable(), preferredCommune: code.nullable(),
  })),
  'secondment.candidate.remove': event('secondment_candidate', z.strictObject({ state: candidateState, cadreId: z.number().int(), listId: z.number().int() }), null),
  'secondment.candidate.assess': event('secondment_candidate', null, z.strictObject({
    from: candidateState, to: candidateState, comment: nullableText, cadre: code,
  })),
  'secondment.candidate.forward': event('secondment_candidate', null, z.strictObject({ from: z.literal('meets'), to: z.literal('forwarded') })),
  'secondment.candidate.approve': event('secondment_candidate', null, z.strictObject({ from: z.literal('forwarded'), to: z.literal('approved'), conclusion: conclusionRef })),
  'secondment.candidate.decline': event('secondment_candidate', null, z.strictObject({ from: z.literal('forwarded'), to: z.literal('declined'), comment: text })),
  'secondment.candidate.place': event('secondment_candidate', null, z.strictObject({
    from: z.literal('approved'), to: z.literal('placed'), commune: code, position: code, startDate: isoDate, endDate: isoDate, cadre: code,
    // The decision (absent from placements recorded before decisions were).
    decisionNumber: z.string().optional(), decisionDate: isoDate.optional(),
  })),
  'secondment.candidate.end': event('secondment_candidate', null, z.strictObject({
    from: z.literal('placed'), to: z.literal('ended'), comment: nullableText, date: isoDate, early: z.boolean(),
    decisionNumber: z.string().optional(), decisionDate: isoDate.optional(),
  })),

  // Support requests and working groups (docs/decisions/044-support-requests-and-working-groups.md)
  'support.raise': event('support_request', null, z.strictObject({
    to: z.literal('open'), commune: code, problemGroup: code, title: text, urgency: z.enum(['normal', 'urgent', 'critical']),
  })),
  'support.assign': event('support_request', null, z.strictObject({
    from: supportState, to: z.literal('assigned'), workingGroup: text, previousGroup: nullableText,
    warnings: z.array(z.enum(['commune', 'problem'])),
  })),
  'support.visit': event('support_request', null, z.strictObject({
    visitId: z.number().int(), workingGroup: text, commune: code, visitedOn: isoDate, visitMembers: text, summary: text,
  })),
  'support.answer': event('support_request', null, z.strictObject({ answerId: z.number().int(), side: z.enum(['group', 'commune']), body: text })),
  'support.resolve': event('support_request', null, z.strictObject({ from: supportState, to: z.literal('resolved'), resolution: text })),
  'support.escalate': event('support_request', null, z.strictObject({
    from: supportState, to: z.enum(['escalated_province', 'escalated_central']), summary: text,
  })),
  'support.attach': event('support_request', null, z.strictObject({
    attachmentId: z.number().int(), fileName: text, mimeType: text, byteSize: count,
  })),
  'workingGroup.create': event('working_group', null, workingGroupSnapshot),
  'workingGroup.update': event('working_group', workingGroupSnapshot, workingGroupSnapshot),
  'problemGroup.create': event('problem_group', null, problemGroupSnapshot),
  'problemGroup.update': event('problem_group', problemGroupSnapshot, problemGroupSnapshot),

  // Transfers between communes
  'transfer.propose': event('transfer', null, z.strictObject({
    to: z.literal('proposed'), source: z.enum(['manual', 'engine']), cadre: code, from: code, toCommune: code, position: code,
    effectiveDate: isoDate, crossDistrict: z.boolean(), comment: nullableText, justification: nullableText,
  })),
  'transfer.opinion': event('transfer', null, z.strictObject({
    side: z.enum(['from', 'to']), commune: code, opinion: z.enum(['agree', 'disagree']).nullable(), comment: nullableText,
  })),
  'transfer.approve': event('transfer', null, z.strictObject({
    from: z.literal('proposed'), to: transferState, decisionNumber: nullableText, decisionDate: isoDate.nullable(), cadre: code, effectiveDate: isoDate,
    newAssignmentId: z.number().int(), closedAssignmentIds: z.array(z.number().int()),
  })),
  'transfer.decline': event('transfer', null, z.strictObject({ from: z.literal('proposed'), to: z.literal('declined'), comment: nullableText, cadre: code })),
  'transfer.cancel': event('transfer', null, z.strictObject({ from: z.literal('proposed'), to: z.literal('cancelled'), comment: nullableText, cadre: code })),
  // No longer written: execution is read from the effective date (migration 20261207000300_derived_states). Declared
  // for the rows recorded before, which the audit page and the timelines still read.
  'transfer.execute': event('transfer', null, z.strictObject({ from: z.literal('approved'), to: z.literal('executed'), executedOn: isoDate })),
  // Annual ratings (docs/decisions/040-annual-ratings.md): a rating recorded, changed or removed in a draft round; a
  // round confirmed (with the reason when beyond the 20% rule, and the counts it was confirmed with).
  'rating.record': event('rating', null, ratingSnapshot),
  'rating.change': event('rating', ratingSnapshot, ratingSnapshot),
  'rating.remove': event('rating', ratingSnapshot, null),
  'rating.confirmRound': event('rating_round',
    z.strictObject({ communeCode: code, year: z.number().int(), group: z.enum(['cadre', 'civil_servant']), state: z.literal('draft'), version: z.number().int() }),
    z.strictObject({
      communeCode: code, year: z.number().int(), group: z.enum(['cadre', 'civil_servant']), state: z.literal('confirmed'),
      excellent: count, good: count, completed: count, notCompleted: count, percent: z.number().min(0).max(100), overLimitReason: nullableText,
    })),

  // Reception into the commune civil service and the recruitment plan (docs/decisions/043-reception-and-recruitment.md)
  'reception.propose': event('reception', null, z.strictObject({
    to: z.literal('proposed'), commune: code, position: code, cadre: code.nullable(), fullName: text, external: z.boolean(),
    insuranceMonths: count, degree: text.nullable(), degreeField: text.nullable(),
    insuranceMet: z.boolean(), degreeMet: z.boolean(), fieldMet: z.boolean(), exceptionReason: nullableText, evidence: nullableText,
  })),
  'reception.appraise': event('reception', null, z.strictObject({
    from: z.literal('proposed'), to: z.literal('appraised'), insuranceMet: z.boolean(), degreeMet: z.boolean(), fieldMet: z.boolean(),
    councilResult: receptionCouncil, councilScore: nullableText, note: nullableText,
  })),
  'reception.refuse': event('reception', null, z.strictObject({ from: receptionOpen, to: z.literal('refused'), comment: text })),
  'reception.withdraw': event('reception', null, z.strictObject({ from: receptionOpen, to: z.literal('withdrawn'), comment: nullableText })),
  'reception.decide': event('reception', null, z.strictObject({
    from: z.literal('appraised'), to: z.literal('decided'), decisionNumber: text, decisionDate: isoDate, effectiveDate: isoDate,
    cadre: code, commune: code, position: code, block: z.enum(['party_front', 'government']), headcountBefore: count, quota: count,
    newAssignmentId: z.number().int(), closedAssignmentIds: z.array(z.number().int()),
  })),
  'recruitment.createPlan': event('recruitment_plan', null, z.strictObject({ year: z.number().int(), note: nullableText })),
  'recruitment.saveTarget': event('recruitment_plan',
    recruitmentTarget.nullable(),
    recruitmentTarget.extend({ block: z.enum(['party_front', 'government']), quota: count, headcount: count, unused: count })),
  'recruitment.removeTarget': event('recruitment_plan', recruitmentTarget, null),

  // The planning register (docs/decisions/041-structure-and-planning.md): a term opened; a person planned for a post
  // of a commune or a department by a decision, or taken out by a later one (the row stays).
  'planning.createTerm': event('planning_term', null, z.strictObject({ name: text, startYear: z.number().int(), endYear: z.number().int() })),
  'planning.addEntry': event('planning_entry', null, z.strictObject({
    term: text, commune: code.nullable(), department: code.nullable(), position: code, cadre: code,
    postLevel: z.number().int(), currentLevel: z.number().int(), decisionNumber: text, decisionDate: isoDate,
  })),
  'planning.removeEntry': event('planning_entry',
    z.strictObject({ term: text, commune: code.nullable(), department: code.nullable(), position: code, cadre: code, version: z.number().int() }),
    z.strictObject({ removedOn: isoDate, decisionNumber: text, decisionDate: isoDate, reason: nullableText, version: z.number().int() })),
} as const satisfies Record<string, EventSpec>;

export type AuditEventName = keyof typeof AUDIT_EVENTS;
export const AUDIT_EVENT_NAMES = Object.keys(AUDIT_EVENTS) as AuditEventName[];

type Spec<N extends AuditEventName> = (typeof AUDIT_EVENTS)[N];
type PayloadOf<P> = P extends z.ZodType ? z.input<P> : undefined;
type EntityOf<N extends AuditEventName> = Spec<N>['entity'] extends readonly (infer E)[] ? E : Spec<N>['entity'];

/**
 * The envelope of a dated change (docs/domain.md, Decisions and effective dates): the first day it holds, its decision, the reason it was
 * entered after the start of the month it takes effect in, the event it cancels, and whether it moves the figures.
 */
export type AuditEnvelope = {
  /** YYYY-MM-DD */
  effectiveOn?: string | null;
  decisionId?: number | null;
  backdatedReason?: string | null;
  cancelsEventId?: string | bigint | null;
  affectsFigures?: boolean;
};

/** One audit event as a mutation hands it to the writer: typed by its name. */
export type AuditEvent<N extends AuditEventName = AuditEventName> = {
  [K in N]: {
    action: K;
    entityId?: string | number | null;
    envelope?: AuditEnvelope;
    /** Only for events about several kinds of entity (the import's create/update). */
    entityType?: EntityOf<K>;
  } & (Spec<K>['before'] extends z.ZodType ? { before?: PayloadOf<Spec<K>['before']> | null } : { before?: undefined })
    & (Spec<K>['after'] extends z.ZodType ? { after: PayloadOf<Spec<K>['after']> | null } : { after?: undefined });
}[N];

export const isAuditEventName = (value: string): value is AuditEventName => Object.hasOwn(AUDIT_EVENTS, value);

/** The entity types an event may be about (its first one is the default). */
export function entitiesOf(name: AuditEventName): readonly AuditEntity[] {
  const entity = AUDIT_EVENTS[name].entity;
  return typeof entity === 'string' ? [entity] : entity;
}

export type ParsedAuditEvent = { action: AuditEventName; entityType: AuditEntity; before: unknown; after: unknown };

export class AuditContractError extends Error {
  constructor(action: string, detail: string) {
    super(`audit event ${action}: ${detail}`);
    this.name = 'AuditContractError';
  }
}

/**
 * Checks an event against its declaration and returns what is stored: the entity type and the payloads as
 * their schemas parse them (text NFC). Throws AuditContractError for an undeclared event, an entity the event
 * is not about, or a payload that does not match: a programming error, never a user's.
 */
export function checkAuditEvent(action: string, entityType: string | undefined, before: unknown, after: unknown): ParsedAuditEvent {
  if (!isAuditEventName(action)) throw new AuditContractError(action, 'not declared in lib/audit/events.ts');
  const spec: EventSpec = AUDIT_EVENTS[action];
  const entities = entitiesOf(action);
  const entity = (entityType ?? entities[0]) as AuditEntity;
  if (!entities.includes(entity)) throw new AuditContractError(action, `entity ${entityType} is not one of ${entities.join(', ')}`);
  const parse = (side: 'before' | 'after', schema: Payload, value: unknown) => {
    if (value === undefined || value === null) return null;
    if (schema === null) throw new AuditContractError(action, `has no ${side} payload`);
    const parsed = schema.safeParse(nfc(value));
    if (!parsed.success) throw new AuditContractError(action, `${side}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
    return parsed.data;
  };
  return { action, entityType: entity, before: parse('before', spec.before, before), after: parse('after', spec.after, after) };
}

/** Reads a stored row against the contract: its payloads, or null when the row predates it or does not match. */
export function readAuditPayloads(action: string, before: unknown, after: unknown): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } | null {
  if (!isAuditEventName(action)) return null;
  const spec: EventSpec = AUDIT_EVENTS[action];
  const side = (schema: Payload, value: unknown) => {
    if (value === undefined || value === null) return { ok: true as const, value: null };
    if (schema === null) return { ok: false as const };
    const parsed = schema.safeParse(value);
    return parsed.success ? { ok: true as const, value: parsed.data as Record<string, unknown> } : { ok: false as const };
  };
  const b = side(spec.before, before);
  const a = side(spec.after, after);
  return b.ok && a.ok ? { before: b.value, after: a.value } : null;
}

function nfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(nfc);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, nfc(v)]));
  return value;
}
