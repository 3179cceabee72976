import { isAuditEventName, type AuditEntity, type AuditEventName } from './events';

// How each payload field of the audit contract (lib/audit/events.ts) reads: its kind of value, its label and
// its place in a row. lib/audit/present.ts formats the values; the labels are `audit.fields.<name>`.

/** What payloads refer to by code or id, resolved to names by the caller (lib/db/audit-queries.ts). */
export const REFERENCE_KINDS = ['commune', 'communeId', 'department', 'departmentId', 'position', 'positionId', 'cadre', 'cadreId', 'list'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

export type Kind =
  | 'text' | 'integer' | 'count' | 'signed' | 'date' | 'boolean' | 'bytes' | 'hidden' | 'state'
  | 'conclusion' | 'assignment' | 'closedAssignment' | 'absorbed' | 'importCounts' | 'lines' | 'sheets'
  | { catalogue: string; none?: string }
  | { ref: ReferenceKind | 'unit' }
  | { refs: ReferenceKind };

export type FieldSpec = { kind: Kind; label?: string };

const catalogue = (prefix: string, none?: string): Kind => ({ catalogue: prefix, none });
const ref = (kind: ReferenceKind | 'unit'): Kind => ({ ref: kind });

/**
 * Every payload field of lib/audit/events.ts and of the import's rows (lib/import/apply.ts), and the names the
 * entity-specific ones are labelled by (postKind…), in the order a row shows them. Its label is
 * `audit.fields.<name>` (tests/unit/audit-present.test.ts checks both catalogues).
 */
const FIELDS: readonly (readonly [string, Kind])[] = [
  ['state', 'state'],
  // Accounts
  ['username', 'text'], ['displayName', 'text'], ['role', catalogue('roles')], ['communeId', ref('communeId')], ['departmentId', ref('departmentId')],
  ['isActive', 'boolean'], ['mustChangePassword', 'boolean'], ['sessionsEnded', 'count'], ['otherSessionsEnded', 'count'],
  ['lockedBy', catalogue('audit.values.lockedBy')], ['attempted', 'text'], ['permission', 'text'],
  // People and their posts
  ['cadre', ref('cadre')], ['cadreId', ref('cadreId')], ['postKind', 'text'], ['code', 'text'], ['fullName', 'text'], ['gender', catalogue('gender')], ['birthDate', 'date'],
  ['employmentType', catalogue('employmentType')], ['education', catalogue('education')], ['field', catalogue('fields')], ['status', 'text'],
  ['communeCode', ref('commune')], ['unitCode', ref('unit')], ['commune', ref('commune')], ['preferredCommune', ref('commune')],
  ['fromCommune', ref('commune')], ['toCommune', ref('commune')], ['positionCode', ref('position')], ['position', ref('position')], ['primary', 'assignment'],
  ['closedPrimary', 'closedAssignment'], ['absorbedConcurrent', 'absorbed'], ['concurrentPositionCodes', { refs: 'position' }],
  ['concurrentElsewhere', 'count'], ['block', catalogue('blocks', 'blocks.none')], ['headcountBefore', 'count'], ['quota', 'count'],
  ['startDate', 'date'], ['effectiveDate', 'date'], ['endDate', 'date'], ['withdrawn', 'boolean'],
  ['leftOn', 'date'], ['leftReason', catalogue('roster.departure.reasons')], ['closedAssignments', 'count'],
  // The personnel dossier (docs/decisions/037-the-personnel-dossier.md) and the import's new cadre columns
  ['nationalId', 'text'], ['placeOfBirth', 'text'], ['homeTown', 'text'], ['ethnicity', 'text'], ['religion', 'text'],
  ['isPartyMember', 'boolean'], ['partyJoinDate', 'date'], ['partyOfficialDate', 'date'],
  ['politicalTheory', catalogue('dossier.politicalTheory')], ['stateManagement', catalogue('dossier.stateManagement')],
  ['rankCode', 'text'], ['salaryStep', 'integer'], ['salaryCoefficient', 'text'], ['salaryEffectiveOn', 'date'],
  ['entryKind', catalogue('dossier.entryKinds')], ['degree', catalogue('education')], ['educationField', 'text'], ['institution', 'text'], ['mode', 'text'],
  ['trainingKind', catalogue('dossier.trainingKinds')], ['certificate', 'text'], ['recognitionKind', catalogue('dossier.recognitionKinds')], ['form', 'text'], ['issuer', 'text'],
  // Needs
  ['positionId', ref('positionId')], ['count', 'count'], ['urgency', catalogue('vacancies.urgencies')], ['closedOn', 'date'], ['closeNote', 'text'],
  // Units, quotas and the positions catalogue
  ['name', 'text'], ['kind', 'text'], ['unitKind', 'text'], ['oldDistrictCode', 'text'], ['oldDistrictName', 'text'],
  ['mountainous', 'boolean'], ['extremelyDisadvantaged', 'boolean'], ['border', 'boolean'],
  ['year', 'integer'], ['quotaYear', 'integer'], ['party_front', 'count'], ['government', 'count'],
  ['copiedFrom', 'integer'], ['communes', 'count'], ['departments', 'count'], ['departmentQuota', 'count'],
  ['titleVi', 'text'], ['titleEn', 'text'], ['title', 'text'], ['key', 'boolean'], ['isKey', 'boolean'], ['isElected', 'boolean'], ['elected', 'boolean'],
  ['concurrentByDesign', 'boolean'], ['sortOrder', 'integer'],
  // Workbook imports
  ['fileName', 'text'], ['byteSize', 'bytes'], ['sha256', 'text'], ['ok', 'boolean'], ['problemCount', 'count'],
  ['uploadId', 'hidden'], ['conflictCount', 'count'], ['changeCount', 'count'],
  ['counts', 'importCounts'], ['sheets', 'sheets'], ['notes', 'lines'],
  // Figures and the report
  ['takenOn', 'date'], ['source', 'text'], ['snapshotSource', 'text'], ['transferSource', 'text'], ['headcount', 'count'], ['difference', 'signed'], ['keyVacancies', 'count'], ['unitsBoth', 'count'],
  ['documentNumber', 'text'], ['signerTitle', 'text'], ['signerName', 'text'], ['recommendations', 'text'],
  // Secondments
  ['number', 'integer'], ['dueDate', 'date'], ['phase', 'text'], ['listId', ref('list')], ['counted', 'count'], ['minimum', 'count'],
  ['late', 'boolean'], ['forwarded', 'count'], ['candidates', 'count'], ['conclusion', 'conclusion'], ['date', 'date'], ['early', 'boolean'],
  // Transfers
  ['crossDistrict', 'boolean'], ['side', catalogue('audit.values.side')],
  ['opinion', catalogue('transfer.opinions', 'transfer.opinions.none')], ['decisionNumber', 'text'], ['decisionDate', 'date'], ['executedOn', 'date'],
  // Support requests and working groups
  ['groupKind', 'text'], ['problemGroup', 'text'], ['workingGroup', 'text'], ['previousGroup', 'text'], ['warnings', 'lines'], ['visitedOn', 'date'],
  ['visitMembers', 'text'], ['summary', 'text'], ['body', 'text'], ['resolution', 'text'], ['mimeType', 'text'],
  ['headName', 'text'], ['memberNames', 'lines'], ['communeCodes', { refs: 'commune' }], ['problemGroups', 'lines'], ['department', ref('department')], ['nameVi', 'text'], ['nameEn', 'text'],
  // Receptions and the recruitment plan (`degree` is the dossier's)
  ['external', 'boolean'], ['insuranceMonths', 'count'], ['degreeField', catalogue('fields')],
  ['insuranceMet', 'boolean'], ['degreeMet', 'boolean'], ['fieldMet', 'boolean'], ['exceptionReason', 'text'], ['evidence', 'text'],
  ['councilResult', catalogue('reception.council')], ['councilScore', 'text'], ['plannedDate', 'date'], ['unused', 'count'],
  // Cancelling a roster change
  ['cancelled', catalogue('audit.actions')], ['sameDay', 'boolean'],
  // Annual ratings
  ['ratingGroup', catalogue('ratings.groups')], ['level', catalogue('ratings.levels')], ['score', 'text'], ['decidingBody', 'text'],
  ['excellent', 'count'], ['good', 'count'], ['completed', 'count'], ['notCompleted', 'count'], ['percent', 'integer'],
  ['roundState', catalogue('ratings.roundStates')], ['belowBandReason', 'text'], ['overLimitReason', 'text'],
  // The planning register
  ['term', 'text'], ['startYear', 'integer'], ['endYear', 'integer'], ['postLevel', 'integer'], ['currentLevel', 'integer'], ['removedOn', 'date'],
  // Free text last
  ['justification', 'text'], ['comment', 'text'], ['note', 'text'], ['reason', 'text'],
  // Bookkeeping nobody reads: row versions and internal ids.
  ['version', 'hidden'], ['assignmentId', 'hidden'], ['newAssignmentId', 'hidden'], ['closedAssignmentIds', 'hidden'], ['openAssignments', 'hidden'], ['eventId', 'hidden'],
  ['visitId', 'hidden'], ['answerId', 'hidden'], ['attachmentId', 'hidden'], ['headUserId', 'hidden'],
];

const FIELD_KINDS = new Map(FIELDS.map(([name, kind]) => [name, kind]));
const FIELD_ORDER = new Map(FIELDS.map(([name], index) => [name, index]));

/** The fields labelled from the catalogue (every one but the hidden): `audit.fields.<name>`. */
export const AUDIT_FIELD_NAMES: readonly string[] = [...FIELDS.filter(([, kind]) => kind !== 'hidden').map(([name]) => name), 'value'];

/** Fields whose name means another thing on one kind of entity. */
const ENTITY_FIELDS: Partial<Record<AuditEntity, Record<string, FieldSpec>>> = {
  commune: { kind: { kind: catalogue('unitKind'), label: 'unitKind' } },
  // A post's rank for planning (the catalogue's and the import's rows), not a rating's level.
  position: { level: { kind: 'integer', label: 'postLevel' } },
  secondment_candidate: { kind: { kind: catalogue('secondment.kinds'), label: 'postKind' } },
  cadre: { status: { kind: catalogue('audit.values.cadreStatus') } },
  vacancy: { status: { kind: catalogue('audit.values.vacancyStatus') } },
  quota_year: { status: { kind: catalogue('audit.values.quotaYearStatus') } },
  transfer: { source: { kind: catalogue('transfer.sources'), label: 'transferSource' } },
  working_group: { kind: { kind: catalogue('support.groups.kinds'), label: 'groupKind' } },
  province_snapshot: { source: { kind: catalogue('audit.values.snapshotSource'), label: 'snapshotSource' } },
  rating: { group: { kind: catalogue('ratings.groups'), label: 'ratingGroup' } },
  rating_round: { group: { kind: catalogue('ratings.groups'), label: 'ratingGroup' }, state: { kind: catalogue('ratings.roundStates'), label: 'roundState' } },
};

/** A proposed transfer's `from` is the commune it leaves, not a state. */
const EVENT_FIELDS: Partial<Record<AuditEventName, Record<string, FieldSpec>>> = {
  'transfer.propose': { from: { kind: ref('commune'), label: 'fromCommune' } },
};

/** The entities with a state machine: their events record `from` and `to` states, shown as one change. */
export const STATE_CATALOGUES: Partial<Record<string, string>> = {
  secondment_list: 'secondment.states.list',
  secondment_candidate: 'secondment.states.candidate',
  transfer: 'transfer.states',
  reception: 'reception.states',
  support_request: 'support.states',
};

/** Shown even when unchanged: what a before/after pair is about (the quota year). */
export const ALWAYS_SHOWN = new Set(['year', 'quotaYear']);

/** The field's kind and label on this event and entity. */
export function fieldSpec(name: string, action: string, entityType: string): FieldSpec {
  const event = isAuditEventName(action) ? EVENT_FIELDS[action]?.[name] : undefined;
  const entity = ENTITY_FIELDS[entityType as AuditEntity]?.[name];
  return event ?? entity ?? { kind: FIELD_KINDS.get(name) ?? 'text' };
}

/** Whether `from` or `to` is a state of the entity's machine on this event (not, say, a commune). */
export function isTransitionField(name: string, action: string, entityType: string): boolean {
  return (name === 'from' || name === 'to') && STATE_CATALOGUES[entityType] !== undefined && !(isAuditEventName(action) && EVENT_FIELDS[action]?.[name]);
}

/** A field's place in a row: by its label (a renamed field), else by its name (a field labelled after its entity). */
export function fieldOrder(name: string, spec: FieldSpec): number {
  return FIELD_ORDER.get(spec.label ?? name) ?? FIELD_ORDER.get(name) ?? FIELDS.length;
}
