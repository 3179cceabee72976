import { datedEnvelope } from '@/lib/actions/dated-change';
import type { AuditEvent } from '@/lib/audit/events';
import { recordDecision } from '@/lib/db/decision-mutations';
import { poolOf, type Db } from '@/lib/db/prisma';
import * as secondments from '@/lib/db/secondment-mutations';
import { getSubmissionCheck } from '@/lib/db/secondment-submission';
import { countedEmploymentSql } from '@/lib/db/staffing-counts';
import { checkDecisionDates, decisionDateProblem } from '@/lib/domain/decisions';
import {
  checkCandidateTransition, checkListTransition, type CandidateAction, type CandidateState, type CandidateTransitionInput, type ListAction, type ListState,
  type ListTransitionInput, type TransitionResult,
} from '@/lib/domain/secondment';
import type { Prisma } from '@/lib/generated/prisma/client';
import { StoryReplay, type StoryActor } from './replay';
import {
  PLACEMENT_DECISION, PLACEMENT_END, PLACEMENT_START, STORY_YEAR, planSecondmentStory, type ActorKey, type CommuneInfo, type DepartmentInfo,
  type ListKey, type SecondmentStep, type Staff,
} from './secondment-story';
import { storyClock } from './story-time';

// The 5% secondment story (lib/demo/secondment-story.ts), loaded after the demo province and its accounts by
// seedDemo, replayed step by step as the server actions of lib/actions/secondments take them: the state machine
// with the actor's policy, then the mutations of lib/db/secondment-mutations.ts and the action's audit events, in
// one transaction on the story's clock (lib/demo/replay.ts); a sitting in which an officer proposes, or the
// Organizing Committee assesses, several candidates of one list is one transaction, each on its own minute. Actors
// are the demo accounts (so.noivu for the Home Affairs officer, bantochuc, thuongtruc, noivu); the officers of other
// departments have no account: actor_id NULL, actor_name "Cán bộ <department>", role department_officer. A
// placement is recorded by the decision PLACEMENT_DECISION, with the envelope of a dated change.

type Tx = Prisma.TransactionClient;
type ListRow = { state: ListState; version: number; dueDate: string; openedOn: string; candidates: { id: number; state: CandidateState; version: number }[] };

async function readInputs(db: Db, provinceId: number) {
  const pool = poolOf(db);
  const { rows: departmentRows } = await pool.query<{ id: number; code: string; name: string; quota: number | null }>(
    `SELECT d.id, d.code, d.name, dq.quota FROM department d
       LEFT JOIN department_quota dq ON dq.department_id = d.id AND dq.year = $2
      WHERE d.province_id = $1 ORDER BY d.code`, [provinceId, STORY_YEAR]);
  const { rows: staffRows } = await pool.query<Staff & { department: string }>(
    `SELECT d.code AS department, c.id, c.code, c.full_name AS "fullName", c.employment_type::text AS "employmentType", c.field, to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate",
            c.gender::text AS gender, p.code AS "positionCode", to_char(a.start_date, 'YYYY-MM-DD') AS "postSince", c.political_theory::text AS "politicalTheory"
       FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN department d ON d.id = a.department_id JOIN position p ON p.id = a.position_id
      WHERE d.province_id = $1 AND a.is_primary AND a.end_date IS NULL AND c.status = 'active'
      ORDER BY d.code, c.code COLLATE "C"`, [provinceId]);
  const { rows: communeRows } = await pool.query<CommuneInfo>(
    `WITH latest AS (
       SELECT DISTINCT ON (q.commune_id) q.commune_id, q.year FROM quota q JOIN commune cm ON cm.id = q.commune_id
        WHERE cm.province_id = $1 ORDER BY q.commune_id, q.year DESC),
     quotas AS (SELECT q.commune_id, sum(q.quota)::int AS quota FROM quota q JOIN latest l USING (commune_id, year) GROUP BY q.commune_id),
     heads AS (
       SELECT a.commune_id, count(DISTINCT a.cadre_id)::int AS n FROM assignment a JOIN cadre c ON c.id = a.cadre_id
        WHERE c.province_id = $1 AND a.commune_id IS NOT NULL AND a.is_primary AND a.end_date IS NULL AND c.status = 'active'
          AND ${countedEmploymentSql('c')}
        GROUP BY a.commune_id)
     SELECT cm.id, cm.code, cm.mountainous, cm.extremely_disadvantaged AS "extremelyDisadvantaged", COALESCE(q.quota, 0) - COALESCE(h.n, 0) AS shortage
       FROM commune cm LEFT JOIN quotas q ON q.commune_id = cm.id LEFT JOIN heads h ON h.commune_id = cm.id
      WHERE cm.province_id = $1 ORDER BY cm.code COLLATE "C"`, [provinceId]);
  const { rows: positionRows } = await pool.query<{ id: number; code: string; has_block: boolean; is_elected: boolean }>(
    'SELECT id, code, block IS NOT NULL AS has_block, is_elected FROM position WHERE province_id = $1', [provinceId]);
  const { rows: accountRows } = await pool.query<{ id: number; username: string; name: string; role: StoryActor['role'] }>(
    'SELECT id, username, display_name AS name, role::text AS role FROM app_user WHERE province_id = $1', [provinceId]);
  const { rows: bodyRows } = await pool.query<{ id: number }>(
    'SELECT id FROM issuing_body WHERE province_id = $1 AND commune_id IS NULL AND code = $2', [provinceId, PLACEMENT_DECISION.issuingBody]);
  const departments = new Map<string, DepartmentInfo>();
  for (const d of departmentRows) departments.set(d.code, { id: d.id, code: d.code, name: d.name, quota: d.quota ?? 0, staff: [] });
  for (const { department, ...s } of staffRows) departments.get(department)?.staff.push(s);
  return {
    departments,
    communes: communeRows,
    positions: new Map(positionRows.map((p) => [p.code, p])),
    accounts: new Map(accountRows.map((a) => [a.username, a])),
    placementBodyId: bodyRows[0]?.id ?? null,
  };
}

type Inputs = Awaited<ReturnType<typeof readInputs>>;

const nfc = (text: string) => text.normalize('NFC');
const nfcOrNull = (text: string | null) => (text === null ? null : nfc(text));

/** The state a transition leads to; a refusal is a bug in the story. */
function expectTo<S>(result: TransitionResult<S>, what: string): S {
  if (!result.ok) throw new Error(`demo secondments: ${what} refused by the state machine (${result.error})`);
  return result.to;
}

/** Replays the story's steps in order, keeping the ids the application gave each phase, list and candidate. */
class SecondmentReplay extends StoryReplay {
  private readonly phaseIds = new Map<number, number>();
  private readonly listIds = new Map<string, number>();
  private readonly candidateIds = new Map<string, number>();

  constructor(db: Db, provinceId: number, private readonly inputs: Inputs) {
    super(db, provinceId);
  }

  actor(key: ActorKey): StoryActor {
    if (key.startsWith('dept:')) return { id: null, name: `Cán bộ ${this.inputs.departments.get(key.slice(5))!.name}`, role: 'department_officer' };
    const account = this.inputs.accounts.get(key);
    if (!account) throw new Error(`demo secondments: no demo account ${key}`);
    return { id: account.id, name: account.name, role: account.role };
  }

  private listId(list: ListKey) {
    return this.known(this.listIds, `${list.phase}:${list.department}`);
  }

  private candidateId(list: ListKey, cadre: string) {
    return this.known(this.candidateIds, `${list.phase}:${list.department}:${cadre}`);
  }

  private known<K>(ids: Map<K, number>, key: K): number {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`demo secondments: ${String(key)} was not created by an earlier step`);
    return id;
  }

  /** The list as its page shows it to the next actor: state, version, its phase's dates and its candidates (one statement). */
  private async readList(tx: Tx, listId: number): Promise<ListRow> {
    const [row] = await tx.$queryRaw<ListRow[]>`
      SELECT l.state::text AS state, l.version, to_char(COALESCE(l.due_date, ph.due_date), 'YYYY-MM-DD') AS "dueDate", to_char(ph.opened_on, 'YYYY-MM-DD') AS "openedOn",
             COALESCE(json_agg(json_build_object('id', c.id, 'state', c.state, 'version', c.version) ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL), '[]') AS candidates
        FROM secondment_list l JOIN secondment_phase ph ON ph.id = l.phase_id LEFT JOIN secondment_candidate c ON c.list_id = l.id
       WHERE l.id = ${listId}
       GROUP BY l.id, ph.id`;
    if (!row) throw new Error(`demo secondments: no list ${listId}`);
    return row;
  }

  private checkList(action: ListAction, state: ListState, actor: StoryActor, input: ListTransitionInput, what: string) {
    return expectTo(checkListTransition(action, state, (p) => this.allows(actor, p), input), what);
  }

  private checkCandidate(action: CandidateAction, state: CandidateState, listState: ListState, actor: StoryActor, input: CandidateTransitionInput, what: string) {
    return expectTo(checkCandidateTransition(action, state, listState, (p) => this.allows(actor, p), input), what);
  }

  async step(step: SecondmentStep): Promise<void> {
    const actor = this.actor(step.actor);
    const clock = storyClock(step.at);
    const what = 'list' in step ? `${step.kind} ${step.list.department} ${step.list.phase}/${STORY_YEAR}` : `${step.kind} ${step.phase.number}/${STORY_YEAR}`;
    switch (step.kind) {
      case 'openPhase': {
        this.allow(actor, 'secondment.review', what);
        const { number, dueDate } = step.phase;
        const note = nfc(step.phase.note);
        this.phaseIds.set(number, await this.write(actor, clock, what, async (tx) => {
          const { phaseId } = await secondments.createPhase(tx, { provinceId: this.provinceId, year: STORY_YEAR, number, dueDate, note, openedOn: clock.today }, clock.at);
          return { audit: { action: 'secondment.phase.create', entityId: phaseId, after: { year: STORY_YEAR, number, dueDate, note } }, value: phaseId };
        }));
        return;
      }
      case 'createList': {
        this.allow(actor, 'secondment.propose', what);
        const phaseId = this.known(this.phaseIds, step.list.phase);
        const departmentId = this.inputs.departments.get(step.list.department)!.id;
        this.listIds.set(`${step.list.phase}:${step.list.department}`, await this.write(actor, clock, what, async (tx) => {
          const { listId } = await secondments.createList(tx, { phaseId, departmentId }, clock.at);
          return { audit: { action: 'secondment.list.create', entityId: listId, after: { to: 'draft', phase: `${step.list.phase}/${STORY_YEAR}` } }, value: listId };
        }));
        return;
      }
      case 'propose': {
        this.allow(actor, 'secondment.propose', what);
        const listId = this.listId(step.list);
        await this.transaction(what, clock.today, async (tx) => {
          let { version } = await this.readList(tx, listId);
          for (const proposal of step.proposals) {
            const { cadre, postKind: kind, field } = proposal;
            const preferred = proposal.preferredCommune === null ? null : this.inputs.communes.find((c) => c.code === proposal.preferredCommune)!;
            const at = storyClock(proposal.at);
            const { candidateId } = await secondments.proposeCandidate(tx, { listId, version, cadreId: cadre.id, kind, field, preferredCommuneId: preferred?.id ?? null }, at.at);
            version += 1;
            await this.audit(tx, actor, {
              action: 'secondment.candidate.propose', entityId: candidateId, after: { to: 'proposed', cadre: cadre.code, kind, field, preferredCommune: preferred?.code ?? null },
            }, at);
            this.candidateIds.set(`${step.list.phase}:${step.list.department}:${cadre.code}`, candidateId);
          }
        });
        return;
      }
      case 'submit': {
        const listId = this.listId(step.list);
        const department = this.inputs.departments.get(step.list.department)!;
        // As the action: the 5% count is read from what the earlier steps committed.
        const { minimum, counted, belowMinimum } = await getSubmissionCheck(this.db, { id: listId, departmentId: department.id, year: STORY_YEAR });
        const typed = nfcOrNull(step.justification);
        await this.write(actor, clock, what, async (tx) => {
          const list = await this.readList(tx, listId);
          const to = this.checkList('submit', list.state, actor, { candidates: list.candidates.map((c) => c.state), justification: typed, belowMinimum }, what);
          const justification = belowMinimum ? typed : null;
          await secondments.submitList(tx, { listId, version: list.version, to, submittedOn: clock.today, justification }, clock.at);
          const late = clock.today > list.dueDate;
          return { audit: { action: 'secondment.list.submit', entityId: listId, after: { from: list.state, to, justification, counted, minimum, late } }, value: undefined };
        });
        return;
      }
      case 'assess': {
        const listId = this.listId(step.list);
        await this.transaction(what, clock.today, async (tx) => {
          const list = await this.readList(tx, listId);
          for (const verdict of step.verdicts) {
            const candidateId = this.candidateId(step.list, verdict.cadre);
            const candidate = list.candidates.find((c) => c.id === candidateId)!;
            const reason = nfcOrNull(verdict.reason);
            const to = this.checkCandidate(reason === null ? 'assess_meets' : 'assess_not_meets', candidate.state, list.state, actor, { reason }, `${what} ${verdict.cadre}`);
            const at = storyClock(verdict.at);
            await secondments.assessCandidate(tx, { listId, candidateId, version: candidate.version, to, reason }, at.at);
            await this.audit(tx, actor, { action: 'secondment.candidate.assess', entityId: candidateId, after: { from: candidate.state, to, comment: reason, cadre: verdict.cadre } }, at);
            Object.assign(candidate, { state: to, version: candidate.version + 1 });
          }
        });
        return;
      }
      case 'return': {
        const listId = this.listId(step.list);
        const comment = nfc(step.comment);
        await this.write(actor, clock, what, async (tx) => {
          const list = await this.readList(tx, listId);
          const to = this.checkList('return', list.state, actor, { candidates: list.candidates.map((c) => c.state), comment }, what);
          await secondments.returnList(tx, { listId, version: list.version, to, dueDate: step.dueDate }, clock.at);
          return { audit: { action: 'secondment.list.return', entityId: listId, after: { from: list.state, to, comment, dueDate: step.dueDate } }, value: undefined };
        });
        return;
      }
      case 'forward': {
        const listId = this.listId(step.list);
        await this.write(actor, clock, what, async (tx) => {
          const list = await this.readList(tx, listId);
          const to = this.checkList('forward', list.state, actor, { candidates: list.candidates.map((c) => c.state) }, what);
          const { forwardedIds } = await secondments.forwardList(tx, { listId, version: list.version, to }, clock.at);
          return {
            audit: [
              { action: 'secondment.list.forward', entityId: listId, after: { from: list.state, to, forwarded: forwardedIds.length } },
              ...forwardedIds.map((id) => ({ action: 'secondment.candidate.forward', entityId: id, after: { from: 'meets', to: 'forwarded' } }) as const),
            ],
            value: undefined,
          };
        });
        return;
      }
      case 'decide':
        await this.decide(step, actor, clock, what);
        return;
      case 'place':
        await this.place(step, actor, clock, `${what} ${step.cadre}`);
        return;
    }
  }

  /** As the decision form takes them: one decision per reason for the candidates declined, then the approval of the rest. */
  private async decide(step: Extract<SecondmentStep, { kind: 'decide' }>, actor: StoryActor, clock: ReturnType<typeof storyClock>, what: string) {
    const listId = this.listId(step.list);
    const waiting = (await this.db.secondmentCandidate.findMany({
      where: { listId, state: 'forwarded' }, select: { id: true, cadre: { select: { code: true } } }, orderBy: { id: 'asc' },
    })).map((c) => ({ id: c.id, code: c.cadre.code }));
    const reasons = [...new Set(waiting.flatMap((c) => (step.declined.has(c.code) ? [step.declined.get(c.code)!] : [])))];
    const decisions: { ids: number[]; decision: secondments.Decision }[] = [
      ...reasons.map((reason) => ({ ids: waiting.filter((c) => step.declined.get(c.code) === reason).map((c) => c.id), decision: { kind: 'decline', reason: nfc(reason) } as const })),
      { ids: waiting.filter((c) => !step.declined.has(c.code)).map((c) => c.id), decision: { kind: 'approve', conclusionNumber: step.conclusion.number, conclusionDate: step.conclusion.date } as const },
    ].filter((d) => d.ids.length > 0);
    for (const { ids, decision } of decisions) {
      await this.write(actor, clock, `${what} ${decision.kind}`, async (tx) => {
        const list = await this.readList(tx, listId);
        const input = decision.kind === 'approve'
          ? { conclusionNumber: decision.conclusionNumber, conclusionDate: decision.conclusionDate, today: clock.today, phaseOpenedOn: list.openedOn }
          : { reason: decision.reason };
        for (const id of ids) this.checkCandidate(decision.kind, list.candidates.find((c) => c.id === id)!.state, list.state, actor, input, what);
        const { listState, conclusionDate } = await secondments.decideCandidates(tx, { listId, version: list.version, provinceId: this.provinceId, candidateIds: ids, decision }, clock.at);
        const audit: AuditEvent[] = [];
        if (decision.kind === 'approve') {
          if (conclusionDate !== decision.conclusionDate) throw new Error(`demo secondments: ${decision.conclusionNumber} was recorded dated ${conclusionDate}`);
          const conclusion = { number: decision.conclusionNumber, date: decision.conclusionDate };
          for (const id of ids) audit.push({ action: 'secondment.candidate.approve', entityId: id, after: { from: 'forwarded', to: 'approved', conclusion } });
          audit.push({ action: 'secondment.list.approve', entityId: listId, after: { from: 'forwarded', to: listState, conclusion, candidates: ids.length } });
        } else {
          const comment = decision.reason ?? '';
          for (const id of ids) audit.push({ action: 'secondment.candidate.decline', entityId: id, after: { from: 'forwarded', to: 'declined', comment } });
          audit.push({ action: 'secondment.list.decline', entityId: listId, after: { from: 'forwarded', to: listState, comment, candidates: ids.length } });
        }
        return { audit, value: undefined };
      });
    }
  }

  /**
   * Placement by the decision of PLACEMENT_DECISION, dated on or after the Conclusion that approved the cadre and never
   * after the day it is recorded; the start date is the change's effective date (docs/decisions/023).
   */
  private async place(step: Extract<SecondmentStep, { kind: 'place' }>, actor: StoryActor, clock: ReturnType<typeof storyClock>, what: string) {
    const candidateId = this.candidateId(step.list, step.cadre);
    const commune = this.inputs.communes.find((c) => c.code === step.commune);
    const position = this.inputs.positions.get(step.position);
    if (!commune || !position?.has_block || position.is_elected) throw new Error(`demo secondments: ${what} into ${step.commune} ${step.position}, not a post a placement fills`);
    if (this.inputs.placementBodyId === null) throw new Error(`demo secondments: the province has no issuing body ${PLACEMENT_DECISION.issuingBody}`);
    const fields = { decisionNumber: nfc(PLACEMENT_DECISION.number), decisionDate: PLACEMENT_DECISION.date, issuingBodyId: this.inputs.placementBodyId, backdatedReason: null };
    await this.write(actor, clock, what, async (tx) => {
      const candidate = await tx.secondmentCandidate.findUniqueOrThrow({
        where: { id: candidateId },
        select: { state: true, version: true, cadreId: true, conclusion: { select: { date: true } }, list: { select: { state: true, departmentId: true } } },
      });
      const conclusionDate = candidate.conclusion ? candidate.conclusion.date.toISOString().slice(0, 10) : null;
      this.checkCandidate('place', candidate.state, candidate.list.state, actor, {
        placement: { communeId: commune.id, positionId: position.id, startDate: PLACEMENT_START, endDate: PLACEMENT_END, conclusionDate },
      }, what);
      const { problems, backdated } = checkDecisionDates({ decisionDate: fields.decisionDate, effectiveDate: PLACEMENT_START, today: clock.today, backdatedReason: null });
      if (problems.length > 0 || (conclusionDate && decisionDateProblem(fields.decisionDate, { today: clock.today, openedOn: conclusionDate }) === 'beforeOpening')) {
        throw new Error(`demo secondments: ${what}: the placement's decision dates are refused (${JSON.stringify(problems)})`);
      }
      const decision = await recordDecision(tx, {
        provinceId: this.provinceId, communeId: null, issuingBodyId: fields.issuingBodyId, number: fields.decisionNumber, date: fields.decisionDate, kind: 'secondment',
      }, clock.at);
      await secondments.placeCandidate(tx, {
        candidateId, version: candidate.version, cadreId: candidate.cadreId, departmentId: candidate.list.departmentId, communeId: commune.id, positionId: position.id,
        startDate: PLACEMENT_START, endDate: PLACEMENT_END, decisionId: decision.id,
      }, clock.at);
      return {
        audit: {
          action: 'secondment.candidate.place',
          entityId: candidateId,
          envelope: datedEnvelope(PLACEMENT_START, decision.id, fields, backdated),
          after: {
            from: 'approved', to: 'placed', commune: step.commune, position: step.position, startDate: PLACEMENT_START, endDate: PLACEMENT_END, cadre: step.cadre,
            decisionNumber: fields.decisionNumber, decisionDate: fields.decisionDate,
          },
        },
        value: undefined,
      };
    });
  }
}

/**
 * Replays the story into province `provinceCode` (the demo Nghệ An, with its demo accounts) unless it already has a
 * secondment phase. Returns whether anything was written.
 */
export async function seedDemoSecondments(db: Db, provinceCode = 'NA'): Promise<boolean> {
  const province = await db.province.findUnique({ where: { code: provinceCode }, select: { id: true } });
  if (!province) return false;
  if (await db.secondmentPhase.findFirst({ where: { provinceId: province.id }, select: { id: true } })) return false;
  const inputs = await readInputs(db, province.id);
  const replay = new SecondmentReplay(db, province.id, inputs);
  for (const step of planSecondmentStory(inputs.departments, inputs.communes)) await replay.step(step);
  return true;
}
