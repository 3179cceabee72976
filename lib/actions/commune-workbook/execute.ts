import type { AuditEvent } from '@/lib/audit/events';
import type { CommuneRef } from '@/lib/db/roster-queries';
import { keyPlaceFrom, lastEndedHolding, latestStart, openPrimary } from '@/lib/db/roster-queries';
import type { WorkbookPerson, WorkbookPosition, WorkbookState } from '@/lib/db/commune-workbook-queries';
import { findNationalIdHolder } from '@/lib/db/dossier-queries';
import { inSavepoint } from '@/lib/db/commune-workbook-mutations';
import * as dossierWrites from '@/lib/db/dossier-mutations';
import { guardMessage, Refusal, StaleWrite } from '@/lib/db/errors';
import type { Db } from '@/lib/db/prisma';
import { checkBlockQuota } from '@/lib/db/quota-guard';
import * as roster from '@/lib/db/roster-mutations';
import * as vacancies from '@/lib/db/vacancy-mutations';
import { isDecisionNumber } from '@/lib/domain/decisions';
import { checkDossierFields, isPartyMemberWith } from '@/lib/domain/dossier';
import { countsAsStaff } from '@/lib/domain/employment';
import { formatDate } from '@/lib/domain/format';
import {
  checkConcurrentAddition, checkConcurrentRemoval, checkDepartureDate, checkElectedPost, checkKeyPlace, checkPrimaryChange, checkRecruitmentDates,
  dayBefore, endingOf, nextCadreCode,
} from '@/lib/domain/roster';
import type { Block } from '@/lib/domain/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { headerOf } from '@/lib/commune-workbook/contract';
import type { ParsedWorkbook } from '@/lib/commune-workbook/parse';
import type { CadreRow, FieldChange, NeedDiff, NeedRow, PersonDiff, WorkbookConflict, WorkbookProblem, WorkbookReport } from '@/lib/commune-workbook/types';
import type { DecisionFields } from '@/lib/validation/decision';
import { RECRUIT_EMPLOYMENT_TYPES } from '@/lib/validation/roster';
import { checkDecision, datedEnvelope } from '../dated-change';
import { recordRosterDecision } from '../roster/load';

// The commune workbook's changes, run through the same lib/db mutations, domain checks, decisions and audit events
// as the roster, dossier and vacancy forms (docs/decisions/047-commune-workbook.md). One run serves the dry run (in a
// transaction rolled back) and the apply (committed only when nothing was refused): every change is tried in a
// savepoint, so one refusal is listed and the next change is still checked. Order: departures first (they free
// places), then changes of post and dossier, recruitments last, needs after people.

type Tx = Prisma.TransactionClient;

export type RunContext = { db: Db; today: string; userId: number };

export type RunResult = { report: WorkbookReport; events: AuditEvent[]; earliestEffective: string | null };

const CADRE_FIELD_COLUMNS: Record<string, string> = {
  positionId: 'position_code', decisionNumber: 'decision_number', decisionDate: 'decision_date', issuingBodyId: 'issuing_body',
  backdatedReason: 'backdated_reason', effectiveDate: 'effective_date', date: 'effective_date', startDate: 'effective_date', birthDate: 'birth_date',
  gender: 'gender', employmentType: 'employment_type', nationalId: 'national_id', partyJoinDate: 'party_join_date',
};

const DOSSIER_COLUMNS = {
  nationalId: 'national_id', ethnicity: 'ethnicity', partyJoinDate: 'party_join_date', politicalTheory: 'political_theory',
  stateManagement: 'state_management', rankCode: 'rank_code', salaryStep: 'salary_step', salaryCoefficient: 'salary_coefficient',
} as const;
type DossierKey = keyof typeof DOSSIER_COLUMNS;

/** What this workbook adds to or takes from each block, for the quota guard (its reads see committed rows only). */
class BlockLedger {
  private readonly entries: { block: Block; date: string; delta: 1 | -1 }[] = [];
  add(block: Block, date: string) {
    this.entries.push({ block, date, delta: 1 });
  }
  free(block: Block, date: string) {
    this.entries.push({ block, date, delta: -1 });
  }
  /**
   * The people this workbook has already brought into `block`, whatever their date (counting them on every date
   * can only refuse more), less those it took out of it on or before `date` (out for good from that day on).
   */
  before(block: Block, date: string): number {
    return this.entries.filter((e) => e.block === block && (e.delta > 0 || e.date <= date)).reduce((sum, e) => sum + e.delta, 0);
  }
}

type DatedInput = DecisionFields & { effectiveDate: string };

type PersonPlan = {
  row: CadreRow;
  person: WorkbookPerson;
  dossier: Partial<Record<DossierKey, string | number>>;
  departure: CadreRow['departureReason'];
  primary: WorkbookPosition | null;
  removed: WorkbookPerson['openAssignments'];
  added: WorkbookPosition[];
  dated: DatedInput | null;
};

type RecruitPlan = { row: CadreRow; position: WorkbookPosition; dated: DatedInput; dossier: Partial<Record<DossierKey, string | number>> };

const str = (value: string | number | null | undefined) => (value === null || value === undefined ? null : String(value));

export async function runWorkbook(tx: Tx, run: RunContext, commune: CommuneRef, state: WorkbookState, wb: ParsedWorkbook, parseProblems: WorkbookProblem[]): Promise<RunResult> {
  const problems: WorkbookProblem[] = [...parseProblems];
  const conflicts: WorkbookConflict[] = [];
  const people: PersonDiff[] = [];
  const needs: NeedDiff[] = [];
  const events: AuditEvent[] = [];
  let unchanged = 0;
  let earliestEffective: string | null = null;
  const effective = (date: string) => {
    if (earliestEffective === null || date < earliestEffective) earliestEffective = date;
  };

  const cadreProblem = (row: number, column: string | null, key: string, params?: Record<string, string | number>) =>
    problems.push({ sheet: 'cadres', row, column: column === null ? null : headerOf('cadres', column), key, params: params && stringParams(params) });
  const needProblem = (row: number, column: string | null, key: string, params?: Record<string, string | number>) =>
    problems.push({ sheet: 'needs', row, column: column === null ? null : headerOf('needs', column), key, params: params && stringParams(params) });

  const byCode = new Map(state.people.map((p) => [p.code, p]));
  const positionByCode = new Map(state.positions.map((p) => [p.code, p]));
  const bodyByCode = new Map(state.bodies.map((b) => [b.code, b]));
  const seen = new Map<string, number>();

  const position = (row: number, code: string): WorkbookPosition | null => {
    const found = positionByCode.get(code);
    if (!found) cadreProblem(row, 'position_code', 'communeWorkbook.problems.unknownPosition', { code });
    return found ?? null;
  };

  /** The decision and effective date of a dated change: every field present, the body one of the commune's. */
  const datedInput = (row: CadreRow): DatedInput | null => {
    const before = problems.length;
    if (!row.effectiveDate) cadreProblem(row.row, 'effective_date', 'communeWorkbook.problems.required');
    if (!row.decisionNumber) cadreProblem(row.row, 'decision_number', 'communeWorkbook.problems.required');
    else if (!isDecisionNumber(row.decisionNumber)) cadreProblem(row.row, 'decision_number', 'decisions.errors.number');
    if (!row.decisionDate) cadreProblem(row.row, 'decision_date', 'communeWorkbook.problems.required');
    const body = row.issuingBody ? bodyByCode.get(row.issuingBody) : undefined;
    if (!row.issuingBody) cadreProblem(row.row, 'issuing_body', 'communeWorkbook.problems.required');
    else if (!body) cadreProblem(row.row, 'issuing_body', 'communeWorkbook.problems.unknownBody', { code: row.issuingBody });
    if (problems.length > before || !body) return null;
    return { effectiveDate: row.effectiveDate!, decisionNumber: row.decisionNumber!, decisionDate: row.decisionDate!, issuingBodyId: body.id, backdatedReason: row.backdatedReason };
  };

  const decisionOf = (dated: DatedInput) => ({
    number: dated.decisionNumber, date: dated.decisionDate, issuingBody: state.bodies.find((b) => b.id === dated.issuingBodyId)!.code,
  });

  // ---- Reading the rows against the commune: the diff, and what is refused before anything is tried ----
  const plans: PersonPlan[] = [];
  const recruits: RecruitPlan[] = [];
  for (const row of wb.cadres) {
    if (row.code) {
      const first = seen.get(row.code);
      if (first !== undefined) {
        cadreProblem(row.row, 'code', 'communeWorkbook.problems.duplicate', { code: row.code, first });
        continue;
      }
      seen.set(row.code, row.row);
      const person = byCode.get(row.code);
      if (!person) {
        cadreProblem(row.row, 'code', 'communeWorkbook.problems.notInCommune', { code: row.code });
        continue;
      }
      const plan = planPerson(row, person);
      if (plan) plans.push(plan);
    } else {
      const recruit = planRecruit(row);
      if (recruit) recruits.push(recruit);
    }
  }

  function planPerson(row: CadreRow, person: WorkbookPerson): PersonPlan | null {
    const before = problems.length;
    const d = person.dossier;
    const current = openPrimary(person);
    // Who the person is, and under which type he is employed, is changed by its own decisions, not by this file.
    const identity: [string, unknown, unknown][] = [
      ['full_name', row.fullName, person.fullName], ['gender', row.gender, d.gender], ['birth_date', row.birthDate, d.birthDate],
      ['employment_type', row.employmentType, person.employmentType], ['education', row.education, d.education], ['field', row.field, d.field],
    ];
    for (const [column, given, stored] of identity) {
      if (given !== undefined && given !== stored) cadreProblem(row.row, column, 'communeWorkbook.problems.readOnly');
    }
    const changes: FieldChange[] = [];
    const dossier: PersonPlan['dossier'] = {};
    const storedDossier: Record<DossierKey, string | number | null> = {
      nationalId: d.nationalId, ethnicity: d.ethnicity, partyJoinDate: d.partyJoinDate, politicalTheory: d.politicalTheory, stateManagement: d.stateManagement,
      rankCode: d.rankCode, salaryStep: d.salaryStep, salaryCoefficient: d.salaryCoefficient === null ? null : Number(d.salaryCoefficient),
    };
    for (const key of Object.keys(DOSSIER_COLUMNS) as DossierKey[]) {
      const given = row.dossier[key];
      if (given === undefined || given === storedDossier[key]) continue;
      dossier[key] = given;
      changes.push({ column: DOSSIER_COLUMNS[key], before: str(storedDossier[key]), after: str(given) });
    }
    let primary: WorkbookPosition | null = null;
    if (row.positionCode !== undefined && row.positionCode !== current?.positionCode) {
      primary = position(row.row, row.positionCode);
      changes.push({ column: 'position_code', before: current?.positionCode ?? null, after: row.positionCode });
    }
    const newPrimaryCode = row.positionCode ?? current?.positionCode ?? null;
    const heldConcurrent = person.openAssignments.filter((a) => !a.isPrimary && a.endDate === null);
    let removed: PersonPlan['removed'] = [];
    const added: WorkbookPosition[] = [];
    if (row.concurrentPresent && row.concurrentCodes !== undefined) {
      const wanted = row.concurrentCodes.filter((code) => code !== newPrimaryCode);
      // A concurrent post that becomes the primary one ends with the change of post (lib/db/roster-mutations.ts).
      removed = heldConcurrent.filter((a) => !wanted.includes(a.positionCode) && a.positionCode !== newPrimaryCode);
      for (const code of wanted.filter((c) => !heldConcurrent.some((a) => a.positionCode === c))) {
        const found = position(row.row, code);
        if (found) added.push(found);
      }
      if (removed.length > 0 || added.length > 0 || wanted.some((code) => !positionByCode.has(code))) {
        changes.push({ column: 'concurrent_position_codes', before: heldConcurrent.map((a) => a.positionCode).join('; ') || null, after: wanted.join('; ') || null });
      }
    }
    const departure = row.departureReason;
    if (departure) changes.push({ column: 'departure_reason', before: null, after: departure });
    if (changes.length === 0) {
      if (problems.length === before) unchanged += 1;
      return null;
    }
    if (row.rowVersion === null) {
      cadreProblem(row.row, 'row_version', 'communeWorkbook.problems.required');
      return null;
    }
    if (row.rowVersion !== person.version) {
      conflicts.push({ row: row.row, code: person.code, fullName: person.fullName, downloadedVersion: row.rowVersion, currentVersion: person.version });
      return null;
    }
    // Every change that takes effect on a date, whether or not its post code was found: its decision is checked too.
    const isDated = departure !== null || (row.positionCode !== undefined && row.positionCode !== current?.positionCode) || removed.length > 0 || added.length > 0
      || changes.some((c) => c.column === 'concurrent_position_codes');
    if (departure && (primary || removed.length > 0 || added.length > 0)) cadreProblem(row.row, 'departure_reason', 'communeWorkbook.problems.departureAlone');
    const dated = isDated ? datedInput(row) : null;
    if (isDated && person.pendingFrom !== null) cadreProblem(row.row, 'effective_date', 'roster.errors.pendingChange', { date: formatDate(person.pendingFrom) });
    if (problems.length > before || (isDated && !dated)) return null;
    people.push({
      row: row.row, kind: departure ? 'left' : 'changed', code: person.code, fullName: person.fullName, changes,
      effectiveDate: dated?.effectiveDate ?? null, decision: dated ? decisionOf(dated) : null,
    });
    return { row, person, dossier, departure, primary, removed, added, dated };
  }

  function planRecruit(row: CadreRow): RecruitPlan | null {
    const before = problems.length;
    const required: [string, unknown][] = [
      ['full_name', row.fullName], ['gender', row.gender], ['birth_date', row.birthDate], ['employment_type', row.employmentType],
      ['education', row.education], ['position_code', row.positionCode],
    ];
    for (const [column, value] of required) if (value === undefined) cadreProblem(row.row, column, 'communeWorkbook.problems.required');
    if (row.employmentType !== undefined && !(RECRUIT_EMPLOYMENT_TYPES as readonly string[]).includes(row.employmentType)) {
      cadreProblem(row.row, 'employment_type', 'communeWorkbook.problems.recruitType');
    }
    if (row.departureReason) cadreProblem(row.row, 'departure_reason', 'communeWorkbook.problems.newRowOnly');
    if (row.concurrentCodes && row.concurrentCodes.length > 0) cadreProblem(row.row, 'concurrent_position_codes', 'communeWorkbook.problems.newRowOnly');
    const found = row.positionCode !== undefined ? position(row.row, row.positionCode) : null;
    const dated = datedInput(row);
    if (problems.length > before || !found || !dated) return null;
    const dossier: RecruitPlan['dossier'] = {};
    const changes: FieldChange[] = [
      { column: 'full_name', before: null, after: row.fullName! }, { column: 'gender', before: null, after: row.gender! },
      { column: 'birth_date', before: null, after: row.birthDate! }, { column: 'employment_type', before: null, after: row.employmentType! },
      { column: 'education', before: null, after: row.education! }, ...(row.field ? [{ column: 'field', before: null, after: row.field }] : []),
      { column: 'position_code', before: null, after: found.code },
    ];
    for (const key of Object.keys(DOSSIER_COLUMNS) as DossierKey[]) {
      const given = row.dossier[key];
      if (given === undefined) continue;
      dossier[key] = given;
      changes.push({ column: DOSSIER_COLUMNS[key], before: null, after: str(given) });
    }
    people.push({ row: row.row, kind: 'new', code: null, fullName: row.fullName!, changes, effectiveDate: dated.effectiveDate, decision: decisionOf(dated) });
    return { row, position: found, dated, dossier };
  }

  // ---- Needs ----
  const needById = new Map(state.needs.map((n) => [n.id, n]));
  const needPlans: { row: NeedRow; kind: 'new' | 'closed' }[] = [];
  for (const row of wb.needs) {
    const before = problems.length;
    if (row.id !== null) {
      const need = needById.get(row.id);
      if (!need) {
        needProblem(row.row, 'id', 'communeWorkbook.problems.needNotInCommune', { id: row.id });
        continue;
      }
      const edited: [string, unknown, unknown][] = [
        ['position_code', row.positionCode, need.positionCode], ['field', row.field, need.field], ['count', row.count, need.count],
        ['urgency', row.urgency, need.urgency], ['note', row.note, need.note],
      ];
      for (const [column, given, stored] of edited) if (given !== null && given !== stored) needProblem(row.row, column, 'communeWorkbook.problems.needReadOnly');
      if (!row.close || problems.length > before) {
        if (problems.length === before) unchanged += 1;
        continue;
      }
      if (row.rowVersion !== need.version) {
        needProblem(row.row, 'row_version', 'communeWorkbook.problems.needChanged');
        continue;
      }
      needs.push({ row: row.row, kind: 'closed', id: need.id, positionCode: need.positionCode, field: need.field, count: need.count, urgency: need.urgency });
      needPlans.push({ row, kind: 'closed' });
    } else {
      if (row.positionCode !== null && !positionByCode.has(row.positionCode)) needProblem(row.row, 'position_code', 'communeWorkbook.problems.unknownPosition', { code: row.positionCode });
      if (row.positionCode === null && row.field === null) needProblem(row.row, 'position_code', 'vacancies.errors.whatRequired');
      if (row.count === null || row.count < 1 || row.count > 999) needProblem(row.row, 'count', 'vacancies.errors.count');
      if (row.close) needProblem(row.row, 'close', 'communeWorkbook.problems.newRowOnly');
      if (problems.length > before) continue;
      const urgency = row.urgency ?? 'normal';
      needs.push({ row: row.row, kind: 'new', id: null, positionCode: row.positionCode, field: row.field, count: row.count!, urgency });
      needPlans.push({ row, kind: 'new' });
    }
  }

  // ---- Trying every change, in a savepoint each ----
  const ledger = new BlockLedger();
  const mapField = (field: string) => CADRE_FIELD_COLUMNS[field] ?? DOSSIER_COLUMNS[field as DossierKey] ?? null;
  const attempt = async (row: number, sheet: 'cadres' | 'needs', work: () => Promise<void>): Promise<void> => {
    try {
      await inSavepoint(tx, work);
    } catch (error) {
      const report = sheet === 'cadres' ? cadreProblem : needProblem;
      if (error instanceof Refusal) {
        const fields = Object.entries(error.fieldErrors ?? {});
        if (fields.length === 0) report(row, null, error.key, error.params);
        for (const [field, key] of fields) report(row, mapField(field), key ?? error.key, error.params);
      } else if (error instanceof StaleWrite) {
        report(row, 'row_version', 'communeWorkbook.problems.changedMeanwhile');
      } else {
        const guard = guardMessage(error);
        if (!guard) throw error;
        report(row, guard.field ? mapField(guard.field) : null, guard.key);
      }
    }
  };

  const guardQuota = async (block: Block, date: string) => {
    const adding = 1 + ledger.before(block, date);
    const outcome = await checkBlockQuota(tx, run.db, commune, block, date, adding);
    if (!outcome.ok) {
      throw new Refusal('errors.validation', { positionId: 'communeWorkbook.problems.overQuota' }, {
        block, headcount: outcome.breach.headcount, quota: outcome.breach.quota, date: formatDate(outcome.breach.at), adding,
      });
    }
    return outcome.figures;
  };

  const guardKeyPlace = async (position: WorkbookPosition, date: string, cadreId: number) => {
    const place = checkKeyPlace(await keyPlaceFrom(tx, commune.id, position, date), cadreId);
    if (place) throw new Refusal('errors.validation', { positionId: place.error }, { position: position.titleVi, positionEn: position.titleEn, holders: place.holders });
  };

  const writeDossier = async (person: { id: number; code: string; gender: 'male' | 'female'; birthDate: string }, version: number, current: WorkbookPerson['dossier'] | null, given: PersonPlan['dossier']) => {
    const base: Pick<WorkbookPerson['dossier'], 'nationalId' | 'placeOfBirth' | 'homeTown' | 'ethnicity' | 'religion' | 'isPartyMember' | 'partyJoinDate' | 'partyOfficialDate' | 'rankCode' | 'salaryStep' | 'salaryCoefficient' | 'salaryEffectiveOn'> & {
      politicalTheory: dossierWrites.DossierFields['politicalTheory']; stateManagement: dossierWrites.DossierFields['stateManagement'];
    } = current ? { ...current, politicalTheory: current.politicalTheory as dossierWrites.DossierFields['politicalTheory'], stateManagement: current.stateManagement as dossierWrites.DossierFields['stateManagement'] } : {
      nationalId: null, placeOfBirth: null, homeTown: null, ethnicity: null, religion: null, isPartyMember: false, partyJoinDate: null, partyOfficialDate: null,
      politicalTheory: null, stateManagement: null, rankCode: null, salaryStep: null, salaryCoefficient: null, salaryEffectiveOn: null,
    };
    const fields: dossierWrites.DossierFields = {
      nationalId: (given.nationalId as string | undefined) ?? base.nationalId, placeOfBirth: base.placeOfBirth, homeTown: base.homeTown,
      ethnicity: (given.ethnicity as string | undefined) ?? base.ethnicity, religion: base.religion,
      isPartyMember: isPartyMemberWith(base.isPartyMember, (given.partyJoinDate as string | undefined) ?? base.partyJoinDate),
      partyJoinDate: (given.partyJoinDate as string | undefined) ?? base.partyJoinDate, partyOfficialDate: base.partyOfficialDate,
      politicalTheory: (given.politicalTheory as dossierWrites.DossierFields['politicalTheory'] | undefined) ?? base.politicalTheory,
      stateManagement: (given.stateManagement as dossierWrites.DossierFields['stateManagement'] | undefined) ?? base.stateManagement,
      rankCode: (given.rankCode as string | undefined) ?? base.rankCode, salaryStep: (given.salaryStep as number | undefined) ?? base.salaryStep,
      salaryCoefficient: (given.salaryCoefficient as number | undefined) ?? (base.salaryCoefficient === null ? null : Number(base.salaryCoefficient)),
      salaryEffectiveOn: base.salaryEffectiveOn,
    };
    const fieldProblems = checkDossierFields(fields, { gender: person.gender, birthDate: person.birthDate }, run.today);
    if (fieldProblems.length > 0) throw new Refusal('errors.validation', Object.fromEntries(fieldProblems.map((p) => [p.field, p.key])), fieldProblems.find((p) => p.params)?.params);
    if (fields.nationalId !== null && fields.nationalId !== base.nationalId) {
      const holder = await findNationalIdHolder(tx, fields.nationalId, person.id);
      if (holder) throw new Refusal('errors.validation', { nationalId: 'nationalId.errors.taken' }, { code: holder.code, unit: holder.unitName ?? holder.unitCode ?? '—' });
    }
    const stored: Record<string, unknown> = { ...fields, salaryCoefficient: fields.salaryCoefficient === null ? null : fields.salaryCoefficient.toFixed(2) };
    const previous: Record<string, unknown> = { ...base, salaryCoefficient: base.salaryCoefficient === null ? null : Number(base.salaryCoefficient).toFixed(2) };
    const changed = Object.keys(stored).filter((key) => stored[key] !== previous[key]);
    if (changed.length === 0) return version;
    await dossierWrites.updateDossier(tx, person.id, version, fields);
    const pick = (source: Record<string, unknown>) => Object.fromEntries(changed.map((key) => [key, source[key]]));
    events.push({
      action: 'cadre.updateDossier', entityId: person.id,
      before: { code: person.code, version, ...pick(previous) }, after: { code: person.code, version: version + 1, ...pick(stored) },
    } as AuditEvent);
    return version + 1;
  };

  // Departures first: a place they free counts for the recruitments after them.
  const ordered = [...plans.filter((p) => p.departure), ...plans.filter((p) => !p.departure)];
  for (const plan of ordered) {
    const { person, row, dated } = plan;
    await attempt(row.row, 'cadres', async () => {
      let version = person.version;
      const d = person.dossier;
      if (Object.keys(plan.dossier).length > 0) version = await writeDossier({ id: person.id, code: person.code, gender: d.gender, birthDate: d.birthDate }, version, d, plan.dossier);
      if (!dated) return;
      const date = dated.effectiveDate;
      const current = openPrimary(person);
      if (plan.departure) {
        const dateError = checkDepartureDate(date, run.today, latestStart(person));
        if (dateError) throw new Refusal('errors.validation', { date: dateError });
        const { backdated } = checkDecision(dated, date, 'date');
        const decision = await recordRosterDecision(tx, commune, dated, 'departure');
        const { closedAssignments } = await roster.recordDeparture(tx, { cadreId: person.id, version, communeId: commune.id, date, reason: plan.departure, decisionId: decision.id });
        events.push({
          action: 'cadre.depart', entityId: person.id, envelope: datedEnvelope(date, decision.id, dated, backdated),
          before: { code: person.code, status: 'active', version, openAssignments: person.openAssignments.map((a) => a.id) },
          after: { code: person.code, status: 'left', leftOn: date, leftReason: plan.departure, version: version + 1, closedAssignments, communeCode: commune.code },
        });
        if (current?.block && countsAsStaff(person.employmentType)) ledger.free(current.block, date);
        effective(date);
        return;
      }
      const { backdated } = checkDecision(dated, date, 'effectiveDate');
      if (plan.primary) {
        const target = plan.primary;
        if (!current) throw new Refusal('roster.errors.noPrimaryHere');
        const problem = checkPrimaryChange({ currentPositionId: current.positionId, currentStart: current.startDate, newPositionId: target.id, effectiveDate: date, today: run.today });
        if (problem) throw new Refusal('errors.validation', { [problem.field]: problem.error });
        const elected = checkElectedPost(target, person.employmentType);
        if (elected) throw new Refusal('errors.validation', { positionId: elected });
        await roster.lockCommune(tx, commune.id);
        await guardKeyPlace(target, date, person.id);
        const counted = countsAsStaff(person.employmentType);
        if (current.block !== target.block && counted) await guardQuota(target.block, date);
        const absorbed = person.openAssignments.find((a) => !a.isPrimary && a.positionId === target.id) ?? null;
        const absorbedEnding = absorbed ? endingOf(absorbed.startDate, date) : null;
        const closeOn = dayBefore(date);
        const decision = await recordRosterDecision(tx, commune, dated, target.isElected ? 'election' : 'appointment');
        const created = await roster.changePrimaryPosition(tx, {
          decisionId: decision.id, cadreId: person.id, version, communeId: commune.id, currentAssignmentId: current.id, closeOn, positionId: target.id, effectiveDate: date,
          absorbed: absorbed && absorbedEnding ? { assignmentId: absorbed.id, ending: absorbedEnding } : null,
        });
        events.push({
          action: 'cadre.changePrimaryPosition', entityId: person.id, envelope: datedEnvelope(date, decision.id, dated, backdated),
          before: { code: person.code, version, primary: { assignmentId: current.id, positionCode: current.positionCode, startDate: current.startDate } },
          after: {
            code: person.code, version: version + 1, communeCode: commune.code, closedPrimary: { assignmentId: current.id, endDate: closeOn },
            primary: { assignmentId: created.assignmentId, positionCode: target.code, startDate: date },
            ...(absorbed && absorbedEnding
              ? { absorbedConcurrent: { assignmentId: absorbed.id, positionCode: absorbed.positionCode, startDate: absorbed.startDate, ...(absorbedEnding.kind === 'end' ? { endDate: absorbedEnding.endDate } : { withdrawn: true as const }) } }
              : {}),
          },
        });
        version += 1;
        if (current.block !== target.block && counted) {
          if (current.block) ledger.free(current.block, date);
          ledger.add(target.block, date);
        }
      }
      for (const assignment of plan.removed) {
        const dateError = checkConcurrentRemoval(assignment.startDate, date, run.today);
        if (dateError) throw new Refusal('errors.validation', { date: dateError });
        const ending = endingOf(assignment.startDate, date);
        const decision = await recordRosterDecision(tx, commune, dated, 'dismissal');
        await roster.removeConcurrentPosition(tx, { cadreId: person.id, version, assignmentId: assignment.id, ending, decisionId: decision.id });
        events.push({
          action: 'cadre.removeConcurrentPosition', entityId: person.id, envelope: datedEnvelope(date, decision.id, dated, backdated),
          before: { code: person.code, version, assignmentId: assignment.id, positionCode: assignment.positionCode, startDate: assignment.startDate },
          after: {
            code: person.code, version: version + 1, communeCode: commune.code, assignmentId: assignment.id, effectiveDate: date,
            ...(ending.kind === 'end' ? { endDate: ending.endDate } : { withdrawn: true as const }),
          },
        });
        version += 1;
      }
      const primaryId = plan.primary?.id ?? current?.positionId ?? null;
      const keptConcurrent = person.openAssignments.filter((a) => !a.isPrimary && !plan.removed.includes(a) && a.positionId !== plan.primary?.id).map((a) => a.positionId);
      for (const target of plan.added) {
        const problem = checkConcurrentAddition({
          positionId: target.id, primaryPositionId: primaryId, concurrentPositionIds: keptConcurrent,
          lastEnded: await lastEndedHolding(run.db, person.id, commune.id, target.id), startDate: date, today: run.today,
        });
        if (problem) throw new Refusal('errors.validation', { [problem.field]: problem.error });
        await roster.lockCommune(tx, commune.id);
        await guardKeyPlace(target, date, person.id);
        const decision = await recordRosterDecision(tx, commune, dated, target.isElected ? 'election' : 'appointment');
        const { assignmentId } = await roster.addConcurrentPosition(tx, { cadreId: person.id, version, communeId: commune.id, positionId: target.id, startDate: date, decisionId: decision.id });
        events.push({
          action: 'cadre.addConcurrentPosition', entityId: person.id, envelope: datedEnvelope(date, decision.id, dated, backdated),
          before: { code: person.code, version },
          after: { code: person.code, version: version + 1, communeCode: commune.code, assignmentId, positionCode: target.code, startDate: date },
        });
        keptConcurrent.push(target.id);
        version += 1;
      }
      effective(date);
    });
  }

  for (const recruit of recruits) {
    const { row, position: target, dated } = recruit;
    await attempt(row.row, 'cadres', async () => {
      const date = dated.effectiveDate;
      const employmentType = row.employmentType as (typeof RECRUIT_EMPLOYMENT_TYPES)[number];
      const elected = checkElectedPost(target, employmentType);
      if (elected) throw new Refusal('errors.validation', { positionId: elected });
      const dateProblem = checkRecruitmentDates(row.birthDate!, date, run.today, row.gender!);
      if (dateProblem) throw new Refusal('errors.validation', { [dateProblem.field]: dateProblem.error });
      const { backdated } = checkDecision(dated, date, 'startDate');
      await roster.lockCommune(tx, commune.id);
      await guardKeyPlace(target, date, 0);
      const figures = await guardQuota(target.block, date);
      const decision = await recordRosterDecision(tx, commune, dated, 'recruitment');
      const cadre = await roster.insertRecruit(tx, {
        provinceId: commune.provinceId, communeId: commune.id, positionId: target.id, startDate: date, decisionId: decision.id, nextCode: nextCadreCode,
        person: { fullName: row.fullName!, gender: row.gender!, birthDate: row.birthDate!, education: row.education!, field: row.field ?? null, employmentType },
      });
      events.push({
        action: 'cadre.recruit', entityId: cadre.id, envelope: datedEnvelope(date, decision.id, dated, backdated),
        after: {
          code: cadre.code, fullName: row.fullName!, gender: row.gender!, employmentType, education: row.education!, field: row.field ?? null,
          communeCode: commune.code, positionCode: target.code, startDate: date, block: target.block, headcountBefore: figures.headcount, quota: figures.quota,
        },
      });
      ledger.add(target.block, date);
      if (Object.keys(recruit.dossier).length > 0) await writeDossier({ id: cadre.id, code: cadre.code, gender: row.gender!, birthDate: row.birthDate! }, 1, null, recruit.dossier);
      effective(date);
    });
  }

  for (const plan of needPlans) {
    const row = plan.row;
    await attempt(row.row, 'needs', async () => {
      if (plan.kind === 'closed') {
        await vacancies.closeVacancy(tx, { vacancyId: row.id!, version: row.rowVersion!, closedOn: run.today, closedById: run.userId, closeNote: row.closeNote });
        events.push({
          action: 'vacancy.close', entityType: 'vacancy', entityId: row.id!,
          before: { status: 'open', version: row.rowVersion! }, after: { status: 'closed', closedOn: run.today, closeNote: row.closeNote, version: row.rowVersion! + 1 },
        });
        return;
      }
      const positionId = row.positionCode === null ? null : positionByCode.get(row.positionCode)!.id;
      const urgency = row.urgency ?? 'normal';
      const vacancyId = await vacancies.insertVacancy(tx, {
        communeId: commune.id, positionId, field: row.field, count: row.count!, urgency, note: row.note, declaredById: run.userId, declaredOn: run.today,
      });
      events.push({
        action: 'vacancy.declare', entityType: 'vacancy', entityId: vacancyId,
        after: { communeCode: commune.code, positionId, field: row.field, count: row.count!, urgency, note: row.note },
      });
    });
  }

  problems.sort((a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || (a.row ?? 0) - (b.row ?? 0));
  people.sort((a, b) => a.row - b.row);
  needs.sort((a, b) => a.row - b.row);
  const report: WorkbookReport = {
    ok: problems.length === 0 && conflicts.length === 0, communeCode: commune.code, problems, conflicts, people, needs, unchanged, applied: false,
  };
  return { report, events, earliestEffective };
}

function stringParams(params: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
}
