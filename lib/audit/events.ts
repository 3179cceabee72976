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
const conclusionRef = z.strictObject({ number: text, date: isoDate });
const assignmentRef = z.strictObject({ assignmentId: z.number().int(), positionCode: code, startDate: isoDate });

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
  'import.create': event(['province', 'oldDistrict', 'commune', 'department', 'position', 'quota', 'keyPositionNorm', 'cadre'], null, importRow),
  'import.update': event(['province', 'oldDistrict', 'commune', 'department', 'position', 'quota', 'keyPositionNorm', 'cadre'], importRow, importRow),
  'import.apply': event('import', null, z.record(z.string(), z.unknown())),

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
  'secondment.list.return': event('secondment_list', null, z.strictObject({ from: listState, to: listState, comment: nullableText })),
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
