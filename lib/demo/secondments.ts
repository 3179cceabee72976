import type pg from 'pg';
import type { AuditEvent, AuditEventName } from '@/lib/audit/events';
import { recordAuditRows } from '@/lib/db/audit-writer';
import { isAllowed } from '@/lib/auth/policy';
import type { Role } from '@/lib/auth/roles';
import {
  candidateOnForward, candidateWarnings, checkCandidateTransition, checkListTransition, countListed, holdsCadre,
  listAfterDecisions, minimumListSize, retirementDate, type CandidateAction, type CandidateState, type ListAction, type ListState,
  type PostKind,
} from '@/lib/domain/secondment';
import { countedEmploymentSql } from '@/lib/db/staffing-counts';
import { POSITION_BY_CODE } from './catalogue';

// The demo story of the 5% secondment lists (docs/domain.md, Published figures and The 5% secondment lists), loaded
// after the demo province and its accounts by seedDemo. Phase 1 of 2025 (due 10/09/2025): the Department of
// Home Affairs lists 29, the Organizing Committee finds 22 meeting the standards, the Standing Committee
// approves them by Conclusion 599-KL/TU of 19/09/2025, and some are placed in mountainous communes short of
// staff from 01/10/2025 for 36 months. Other departments show every state (draft, submitted, returned,
// forwarded, decided; one below its 5% minimum with a justification; overdue ones); phase 2 is due 14/11/2025.
// Every step is taken through the state machines of lib/domain/secondment.ts with the role's policy, so the
// data is a state the application could have reached. Secondees stay on their department's staff: this file
// writes no assignment, so current headcounts and key vacancies (the published figures) do not change.
//
// THE AUDIT CONTRACT (the timeline view reads it). One audit_log row per transition, actor = the demo account
// (so.noivu for the Home Affairs officer, bantochuc, thuongtruc, noivu); the officers of other departments have
// no account: actor_id NULL, actor_name "Cán bộ <department>", actor_role 'department_officer'. `before` is NULL;
// `at` is the story's date and time (+07:00). Dates in `after` are ISO (YYYY-MM-DD), communes and positions by code.
//   entity_type 'secondment_phase', entity_id = secondment_phase.id
//     secondment.phase.create      after {from: null, to: 'open', year, number, dueDate, note}
//   entity_type 'secondment_list', entity_id = secondment_list.id
//     secondment.list.create       after {from: null, to: 'draft'}
//     secondment.list.submit       after {from: 'draft'|'returned', to: 'submitted', round, listed, minimum, justification?}
//     secondment.list.return       after {from: 'submitted', to: 'returned', round, comment}
//     secondment.list.forward      after {from: 'submitted', to: 'forwarded', round, forwarded}
//     secondment.list.decide       after {from: 'forwarded', to: 'decided', conclusion, conclusionDate}
//   entity_type 'secondment_candidate', entity_id = secondment_candidate.id
//     secondment.candidate.propose after {from: null, to: 'proposed', kind, field, preferredCommune?}
//     secondment.candidate.assess  after {from, to: 'meets'|'does_not_meet', comment?}   (comment = the reason)
//     secondment.candidate.forward after {from: 'meets', to: 'forwarded'}
//     secondment.candidate.approve after {from: 'forwarded', to: 'approved', conclusion, conclusionDate}
//     secondment.candidate.decline after {from: 'forwarded', to: 'declined', comment, conclusion, conclusionDate}
//     secondment.candidate.place   after {from: 'approved', to: 'placed', commune, position, startDate, endDate}

export const STORY_YEAR = 2025;
export const CONCLUSION_599 = { number: '599-KL/TU', date: '2025-09-19' } as const;
export const PLACEMENT_START = '2025-10-01';
export const PLACEMENT_END = '2028-09-30'; // 36 months (DEFAULT_TERM_MONTHS)

const PHASES = [
  { number: 1, dueDate: '2025-09-10', createdAt: '2025-08-20T09:00',
    note: 'Thực hiện Kết luận số 586-KL/TU ngày 13/08/2025 của Ban Thường vụ Tỉnh ủy: mỗi sở, ban, ngành lập danh sách tối thiểu 5% cán bộ, công chức để biệt phái, điều động, tăng cường về các xã khó khăn.' },
  { number: 2, dueDate: '2025-11-14', createdAt: '2025-09-30T09:00',
    note: 'Thực hiện Kết luận số 599-KL/TU ngày 19/09/2025 và Thông báo số 35-TB/TU: các sở, ban, ngành tiếp tục rà soát, lập danh sách bổ sung; trình Ban Thường vụ Tỉnh ủy trước ngày 15/11/2025.' },
] as const;

// ---- Inputs read from the seeded province ---------------------------------------------------------------

type Staff = {
  code: string; fullName: string; employmentType: string; field: string | null; birthDate: string; gender: 'male' | 'female';
  positionCode: string; postSince: string; politicalTheory: string;
};
type DepartmentInfo = { code: string; name: string; quota: number; staff: Staff[] };
type CommuneInfo = { code: string; mountainous: boolean; extremelyDisadvantaged: boolean; shortage: number };
type Account = { id: number; name: string; role: Role };

// ---- The story, built through the domain's state machines ----------------------------------------------

type ActorKey = 'so.noivu' | 'bantochuc' | 'thuongtruc' | 'noivu' | `dept:${string}`;
type EntityKey = { type: 'secondment_phase'; phase: number } | { type: 'secondment_list'; phase: number; department: string }
  | { type: 'secondment_candidate'; phase: number; department: string; cadre: string };
type StoryEvent = { at: string; actor: ActorKey; action: AuditEventName; entity: EntityKey; after: Record<string, unknown> };

type CandidateRow = {
  cadre: Staff; kind: PostKind; field: string; preferredCommune: string | null; state: CandidateState;
  assessmentReason: string | null; decisionReason: string | null; conclusion: string | null; version: number; createdAt: string; updatedAt: string;
};
type PlacementRow = { phase: number; department: string; cadre: string; commune: string; position: string; startDate: string; endDate: string; createdAt: string };

const ROLE_OF: Record<'so.noivu' | 'bantochuc' | 'thuongtruc' | 'noivu', Role> = {
  'so.noivu': 'department_officer', bantochuc: 'organizing_committee', thuongtruc: 'standing_committee', noivu: 'home_affairs',
};
const roleOf = (actor: ActorKey): Role => (actor.startsWith('dept:') ? 'department_officer' : ROLE_OF[actor as keyof typeof ROLE_OF]);

class Story {
  readonly events: StoryEvent[] = [];
  readonly lists: ListStory[] = [];
  readonly placements: PlacementRow[] = [];
  /** Cadres held by a candidate row (holdsCadre) or an active secondment: never listed twice. */
  readonly taken = new Set<string>();

  constructor(readonly departments: Map<string, DepartmentInfo>) {
    for (const phase of PHASES) {
      this.events.push({ at: phase.createdAt, actor: 'bantochuc', action: 'secondment.phase.create', entity: { type: 'secondment_phase', phase: phase.number },
        after: { year: STORY_YEAR, number: phase.number, dueDate: phase.dueDate, note: phase.note } });
    }
  }

  list(phase: number, department: string, createdAt: string): ListStory {
    const list = new ListStory(this, phase, this.departments.get(department)!, createdAt);
    this.lists.push(list);
    return list;
  }

  /** Distinct cadres and civil servants on the department's submitted-or-later lists of the year (countListed). */
  countedFor(department: string, including: ListStory): number {
    const rows = this.lists.flatMap((list, listId) =>
      list.department.code !== department
        ? []
        : [...list.candidates.values()].map((c) => ({ cadreId: c.cadre.code, employmentType: c.cadre.employmentType, listState: list.state, listId })),
    );
    return countListed(rows, this.lists.indexOf(including));
  }
}

const at = (date: string, time: string) => `${date}T${time}`;

class ListStory {
  state: ListState = 'draft';
  round = 0;
  version = 1;
  submittedOn: string | null = null;
  justification: string | null = null;
  updatedAt: string;
  readonly candidates = new Map<string, CandidateRow>();
  private readonly officer: ActorKey;

  constructor(private readonly story: Story, readonly phase: number, readonly department: DepartmentInfo, readonly createdAt: string) {
    this.officer = department.code === 'SNV' ? 'so.noivu' : `dept:${department.code}`;
    this.updatedAt = createdAt;
    this.event(createdAt, this.officer, 'secondment.list.create', { to: 'draft', phase: `${phase}/${STORY_YEAR}` });
  }

  private event(when: string, actor: ActorKey, action: AuditEventName, after: Record<string, unknown>, cadre?: string) {
    const entity: EntityKey = cadre === undefined
      ? { type: 'secondment_list', phase: this.phase, department: this.department.code }
      : { type: 'secondment_candidate', phase: this.phase, department: this.department.code, cadre };
    this.story.events.push({ at: when, actor, action, entity, after });
  }

  private moveList(action: ListAction, actor: ActorKey, input: { justification?: string | null; belowMinimum?: boolean; comment?: string | null }) {
    const result = checkListTransition(action, this.state, (p) => isAllowed(roleOf(actor), p), { candidates: [...this.candidates.values()].map((c) => c.state), ...input });
    if (!result.ok) throw new Error(`demo secondments: ${this.department.code} phase ${this.phase} ${action} from ${this.state}: ${result.error}`);
    const from = this.state;
    this.state = result.to;
    this.version += 1;
    return from;
  }

  private moveCandidate(code: string, action: CandidateAction, actor: ActorKey, when: string, input: Parameters<typeof checkCandidateTransition>[4] = {}) {
    const candidate = this.candidates.get(code);
    if (!candidate) throw new Error(`demo secondments: ${code} is not on ${this.department.code} phase ${this.phase}`);
    const result = checkCandidateTransition(action, candidate.state, this.state, (p) => isAllowed(roleOf(actor), p), input);
    if (!result.ok) throw new Error(`demo secondments: ${code} ${action} from ${candidate.state}: ${result.error}`);
    const from = candidate.state;
    candidate.state = result.to;
    candidate.version += 1;
    candidate.updatedAt = when;
    return { candidate, from };
  }

  /** The department officer adds candidates from the department's own staff (editable lists only). */
  propose(when: string, people: readonly { cadre: Staff; kind: PostKind; field?: string; preferredCommune?: string | null }[]): this {
    if (this.state !== 'draft' && this.state !== 'returned') throw new Error('demo secondments: the list is not editable');
    people.forEach(({ cadre, kind, field, preferredCommune }, i) => {
      if (this.story.taken.has(cadre.code)) throw new Error(`demo secondments: ${cadre.code} is already held`);
      this.story.taken.add(cadre.code);
      const time = at(when.slice(0, 10), `${when.slice(11, 13)}:${String(Number(when.slice(14, 16)) + Math.floor(i / 6)).padStart(2, '0')}`);
      const row: CandidateRow = {
        cadre, kind, field: field ?? cadre.field ?? 'administration', preferredCommune: preferredCommune ?? null, state: 'proposed',
        assessmentReason: null, decisionReason: null, conclusion: null, version: 1, createdAt: time, updatedAt: time,
      };
      this.candidates.set(cadre.code, row);
      this.event(time, this.officer, 'secondment.candidate.propose',
        { to: 'proposed', cadre: cadre.code, kind, field: row.field, preferredCommune: row.preferredCommune }, cadre.code);
    });
    this.updatedAt = when;
    return this;
  }

  submit(date: string, justification: string | null = null): this {
    const minimum = minimumListSize(this.department.quota);
    const listed = this.story.countedFor(this.department.code, this);
    const from = this.moveList('submit', this.officer, { justification, belowMinimum: listed < minimum });
    this.round += 1;
    this.submittedOn = date;
    this.justification = listed < minimum ? justification : null;
    this.updatedAt = at(date, '14:00');
    const dueDate = PHASES.find((p) => p.number === this.phase)!.dueDate;
    this.event(this.updatedAt, this.officer, 'secondment.list.submit',
      { from, to: this.state, counted: listed, minimum, late: date > dueDate, justification: this.justification });
    return this;
  }

  /** The Organizing Committee records "meets the standards and conditions" (null reason) or not (with the reason). */
  assess(date: string, verdicts: readonly (readonly [code: string, reason: string | null])[]): this {
    verdicts.forEach(([code, reason], i) => {
      const when = at(date, `10:${String(i % 60).padStart(2, '0')}`);
      const { candidate, from } = this.moveCandidate(code, reason === null ? 'assess_meets' : 'assess_not_meets', 'bantochuc', when, { reason });
      candidate.assessmentReason = reason;
      this.event(when, 'bantochuc', 'secondment.candidate.assess', { from, to: candidate.state, comment: reason, cadre: code }, code);
    });
    this.updatedAt = at(date, '10:59');
    return this;
  }

  return(date: string, comment: string): this {
    const from = this.moveList('return', 'bantochuc', { comment });
    this.updatedAt = at(date, '15:30');
    this.event(this.updatedAt, 'bantochuc', 'secondment.list.return', { from, to: this.state, comment });
    return this;
  }

  forward(date: string): this {
    const from = this.moveList('forward', 'bantochuc', {});
    this.updatedAt = at(date, '15:00');
    let forwarded = 0;
    for (const candidate of this.candidates.values()) {
      const to = candidateOnForward(candidate.state);
      if (to === candidate.state) continue;
      this.event(this.updatedAt, 'bantochuc', 'secondment.candidate.forward', { from: candidate.state, to }, candidate.cadre.code);
      candidate.state = to;
      candidate.version += 1;
      candidate.updatedAt = this.updatedAt;
      forwarded += 1;
    }
    this.event(this.updatedAt, 'bantochuc', 'secondment.list.forward', { from, to: this.state, forwarded });
    for (const candidate of this.candidates.values()) if (!holdsCadre(candidate.state, this.state)) this.story.taken.delete(candidate.cadre.code);
    return this;
  }

  /**
   * The Standing Committee declines some forwarded candidates (with a reason), then approves the others by the
   * Conclusion: two decisions, recorded as the application records them (one event per candidate and one for
   * the list each time).
   */
  decide(conclusion: { number: string; date: string }, declined: ReadonlyMap<string, string> = new Map()): this {
    const when = at(conclusion.date, '16:00');
    const forwarded = [...this.candidates.values()].filter((c) => c.state === 'forwarded');
    const declining = forwarded.filter((c) => declined.has(c.cadre.code));
    const approving = forwarded.filter((c) => !declined.has(c.cadre.code));
    const settle = () => {
      const from = this.state;
      this.state = listAfterDecisions(this.state, [...this.candidates.values()].map((c) => c.state));
      if (this.state !== from) this.version += 1;
      return from;
    };
    if (declining.length > 0) {
      // One reason for the decision as a whole, as the form takes it; each candidate's own reason is kept on its row.
      const comment = declining.map((c) => declined.get(c.cadre.code)!).join(' ');
      for (const candidate of declining) {
        const reason = declined.get(candidate.cadre.code)!;
        this.moveCandidate(candidate.cadre.code, 'decline', 'thuongtruc', when, { reason, conclusionNumber: conclusion.number, conclusionDate: conclusion.date });
        candidate.decisionReason = reason;
        this.story.taken.delete(candidate.cadre.code);
        this.event(when, 'thuongtruc', 'secondment.candidate.decline', { from: 'forwarded', to: 'declined', comment: reason }, candidate.cadre.code);
      }
      const from = settle();
      this.event(when, 'thuongtruc', 'secondment.list.decline', { from, to: this.state, comment, candidates: declining.length });
    }
    if (approving.length > 0) {
      const ref = { number: conclusion.number, date: conclusion.date };
      for (const candidate of approving) {
        this.moveCandidate(candidate.cadre.code, 'approve', 'thuongtruc', when, { reason: null, conclusionNumber: conclusion.number, conclusionDate: conclusion.date });
        candidate.conclusion = conclusion.number;
        this.event(when, 'thuongtruc', 'secondment.candidate.approve', { from: 'forwarded', to: 'approved', conclusion: ref }, candidate.cadre.code);
      }
      const from = settle();
      this.event(when, 'thuongtruc', 'secondment.list.approve', { from, to: this.state, conclusion: ref, candidates: approving.length });
    }
    this.updatedAt = when;
    return this;
  }

  place(date: string, actor: 'bantochuc' | 'noivu', code: string, commune: string, position: string): this {
    const when = at(date, '09:00');
    const placement = { communeId: 0, positionId: 0, startDate: PLACEMENT_START, endDate: PLACEMENT_END };
    const { candidate, from } = this.moveCandidate(code, 'place', actor, when, { placement });
    this.story.placements.push({ phase: this.phase, department: this.department.code, cadre: code, commune, position, startDate: PLACEMENT_START, endDate: PLACEMENT_END, createdAt: when });
    if (from !== 'approved' || candidate.state !== 'placed') throw new Error(`demo secondments: ${code} placed from ${from}`);
    this.event(when, actor, 'secondment.candidate.place', { from, to: candidate.state, commune, position, startDate: PLACEMENT_START, endDate: PLACEMENT_END, cadre: code }, code);
    return this;
  }
}

// ---- Choosing the people --------------------------------------------------------------------------------

const ASSESSED_ON = '2025-09-12';
const KINDS: readonly PostKind[] = ['secondment', 'reinforcement', 'secondment', 'assignment'];
// Communes the articles name, for the candidates who state a preference.
const NAMED_COMMUNES = ['NA043', 'NA108', 'NA034', 'NA094', 'NA109', 'NA065'] as const; // Keng Đu, Tam Thái, Mường Xén, Tiên Đồng, Tương Dương, Quế Phong

const isRankAndFile = (s: Staff) => s.employmentType === 'civil_servant' && (s.positionCode === 'DEPT_SPECIALIST' || s.positionCode === 'DEPT_HEAD_OF_DIVISION');
const warningsOf = (s: Staff, today: string) => candidateWarnings({ birthDate: s.birthDate, gender: s.gender, employmentType: s.employmentType, currentPostSince: s.postSince, today });
const isClean = (s: Staff, today: string) => warningsOf(s, today).length === 0;
const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A pool of one department's staff, handed out in code order, never the same person twice. */
class Pool {
  private readonly used = new Set<string>();
  constructor(private readonly staff: readonly Staff[]) {}
  take(count: number, accept: (s: Staff) => boolean = () => true): Staff[] {
    const picked = this.takeUpTo(count, accept);
    if (picked.length < count) throw new Error(`demo secondments: only ${picked.length} of ${count} suitable staff`);
    return picked;
  }
  /** Up to `count` people (fewer when the department has fewer). */
  takeUpTo(count: number, accept: (s: Staff) => boolean = () => true): Staff[] {
    const picked: Staff[] = [];
    for (const s of this.staff) {
      if (picked.length === count) break;
      if (!this.used.has(s.code) && accept(s)) { picked.push(s); this.used.add(s.code); }
    }
    return picked;
  }
}

const GENERIC_REASONS = [
  'Đang được cử đi đào tạo thạc sĩ tập trung đến tháng 6/2026, chưa thể nhận nhiệm vụ ở cơ sở.',
  'Hoàn cảnh gia đình đặc biệt khó khăn (con nhỏ dưới 36 tháng tuổi, bố mẹ già yếu), đề nghị xem xét ở đợt sau.',
  'Chuyên môn đào tạo không phù hợp với nhu cầu của các xã đang thiếu cán bộ, công chức.',
  'Đang là thành viên tổ công tác sắp xếp đơn vị sự nghiệp công lập của Sở đến hết năm 2025.',
  'Sức khỏe không bảo đảm để công tác dài hạn tại xã miền núi, vùng cao.',
  'Chưa đủ thời gian công tác tối thiểu 05 năm theo tiêu chuẩn vị trí dự kiến bố trí.',
  'Đang trong thời gian xem xét xử lý kỷ luật, chưa đủ điều kiện biệt phái.',
];

function reasonFor(s: Staff, index: number): string {
  const warnings = warningsOf(s, ASSESSED_ON);
  if (warnings.includes('retiresWithinTerm')) {
    return `Đến tuổi nghỉ hưu ngày ${ddmmyyyy(retirementDate(s.birthDate, s.gender))}, trước khi hết thời hạn biệt phái 36 tháng (Nghị định 135/2020/NĐ-CP).`;
  }
  if (warnings.includes('recentlyAppointed')) return `Mới nhận vị trí công tác hiện tại từ ngày ${ddmmyyyy(s.postSince)}, chưa đủ 12 tháng.`;
  return GENERIC_REASONS[index % GENERIC_REASONS.length];
}

/** Mountainous communes short of staff, the extremely disadvantaged and the most short first. */
function rankTargets(communes: readonly CommuneInfo[]): CommuneInfo[] {
  return communes.filter((c) => c.mountainous && c.shortage > 0)
    .sort((a, b) => Number(b.extremelyDisadvantaged) - Number(a.extremelyDisadvantaged) || b.shortage - a.shortage || (a.code < b.code ? -1 : 1));
}

function people(staff: readonly Staff[], offset = 0, withPreference = true) {
  return staff.map((cadre, i) => ({
    cadre, kind: KINDS[(i + offset) % KINDS.length],
    preferredCommune: withPreference && (i + offset) % 3 === 1 ? NAMED_COMMUNES[(i + offset) % NAMED_COMMUNES.length] : null,
  }));
}

/** The whole story, from the seeded staff and communes; pure. */
export function planSecondmentStory(departments: Map<string, DepartmentInfo>, communes: readonly CommuneInfo[]): Story {
  const story = new Story(departments);
  const pool = (code: string) => {
    const department = departments.get(code);
    if (!department) throw new Error(`demo secondments: no department ${code}`);
    return new Pool(department.staff.filter(isRankAndFile));
  };
  const clean = (s: Staff) => isClean(s, ASSESSED_ON);
  const targets = rankTargets(communes);
  const isTarget = (code: string) => targets.some((c) => c.code === code);
  const others = targets.filter((c) => c.code !== 'NA113' && c.code !== 'NA042').map((c) => c.code);

  // Home Affairs, phase 1: 29 listed, 22 meet the standards, all 22 approved by 599-KL/TU, 8 placed.
  // Placements where the communes lack people: Nga My's and Bắc Lý's vacant posts (docs/domain.md, Published figures), then
  // specialists for the next mountainous communes short of staff.
  const slots: { commune: string; position: string; kind: PostKind }[] = [
    ...(isTarget('NA113') ? [
      { commune: 'NA113', position: 'ECONOMIC_HEAD', kind: 'secondment' as const },
      { commune: 'NA113', position: 'CULTURE_DEPUTY', kind: 'secondment' as const },
      { commune: 'NA113', position: 'SERVICE_CENTER_DEPUTY', kind: 'reinforcement' as const },
    ] : []),
    ...(isTarget('NA042') ? [
      { commune: 'NA042', position: 'PARTY_OFFICE_DEPUTY', kind: 'secondment' as const },
      { commune: 'NA042', position: 'LAND_OFFICER', kind: 'reinforcement' as const },
    ] : []),
    { commune: others[0], position: 'IT_OFFICER', kind: 'reinforcement' },
    { commune: others[1], position: 'ACCOUNTANT', kind: 'secondment' },
    { commune: others[2], position: 'JUSTICE_OFFICER', kind: 'secondment' },
  ];
  const snv = pool('SNV');
  const placed = slots.map((slot) => {
    const field = POSITION_BY_CODE.get(slot.position)!.field!;
    const matching = snv.takeUpTo(1, (s) => clean(s) && s.field === field);
    const [cadre] = matching.length > 0 ? matching : snv.take(1, clean);
    return { ...slot, cadre, field };
  });
  const restMeeting = snv.take(22 - placed.length, clean);
  const warned = snv.takeUpTo(3, (s) => !clean(s));
  const notMeeting = [...warned, ...snv.take(7 - warned.length, clean)];
  const snvList = story.list(1, 'SNV', '2025-08-22T08:30')
    .propose('2025-08-22T08:30', [
      ...placed.map((p, i) => ({ cadre: p.cadre, kind: p.kind, field: p.field, preferredCommune: i % 2 === 0 ? p.commune : null })),
      ...people(restMeeting, 1),
      ...people(notMeeting, 2, false),
    ])
    .submit('2025-09-08')
    .assess(ASSESSED_ON, [
      ...[...placed.map((p) => p.cadre), ...restMeeting].map((s) => [s.code, null] as const),
      ...notMeeting.map((s, i) => [s.code, reasonFor(s, i)] as const),
    ])
    .forward('2025-09-15')
    .decide(CONCLUSION_599);
  for (const p of placed) snvList.place('2025-09-26', 'noivu', p.cadre.code, p.commune, p.position);

  // Finance, phase 1: decided by the same Conclusion; one did not meet, one declined, two placed.
  const stc = pool('STC');
  const stcAccountants = [...stc.takeUpTo(2, (s) => clean(s) && s.field === 'accounting')];
  stcAccountants.push(...stc.take(2 - stcAccountants.length, clean));
  const stcOthers = stc.take(6, clean);
  const stcList = story.list(1, 'STC', '2025-08-25T10:00')
    .propose('2025-08-25T10:00', people([...stcAccountants, ...stcOthers]))
    .submit('2025-09-09')
    .assess(ASSESSED_ON, [...stcAccountants, ...stcOthers].map((s, i) => [s.code, i === 7 ? GENERIC_REASONS[0] : null] as const))
    .forward('2025-09-15')
    .decide(CONCLUSION_599, new Map([[stcOthers[4].code,
      'Sở Tài chính đang thiếu công chức thẩm định, quyết toán ngân sách; đề nghị giữ lại để bảo đảm nhiệm vụ chuyên môn, xem xét ở đợt sau.']]));
  stcList.place('2025-09-26', 'bantochuc', stcAccountants[0].code, others[3], 'ACCOUNTANT');
  stcList.place('2025-09-26', 'bantochuc', stcAccountants[1].code, others[4], 'ACCOUNTANT');

  // Construction, phase 1: submitted late, assessed, forwarded and awaiting the Standing Committee.
  const sxd = pool('SXD').take(8, clean);
  story.list(1, 'SXD', '2025-09-05T08:00')
    .propose('2025-09-05T08:00', people(sxd, 2))
    .submit('2025-09-29')
    .assess('2025-10-13', sxd.map((s, i) => [s.code, i === 5 ? GENERIC_REASONS[3] : null] as const))
    .forward('2025-10-20');

  // Justice, phase 1: returned twice (the history keeps both rounds) and overdue since 10/09/2025.
  const stp = pool('STP');
  const stpFirst = [...stp.take(2, clean), ...stp.takeUpTo(1, (s) => !clean(s))];
  stpFirst.push(...stp.take(3 - stpFirst.length, clean));
  const stpLate = stp.take(1, clean);
  story.list(1, 'STP', '2025-08-28T09:00')
    .propose('2025-08-28T09:00', people(stpFirst, 0))
    .submit('2025-09-09')
    .assess(ASSESSED_ON, stpFirst.map((s, i) => [s.code, i === 2 ? reasonFor(s, 0) : null] as const))
    .return('2025-09-15', `${stpFirst[2].gender === 'male' ? 'Ông' : 'Bà'} ${stpFirst[2].fullName} không đủ điều kiện (xem lý do); đề nghị Sở Tư pháp bổ sung người thay thế để bảo đảm tối thiểu 5% biên chế được giao.`)
    .propose('2025-09-24T09:00', people(stpLate, 1))
    .submit('2025-09-25')
    .return('2025-10-02', 'Hồ sơ người được bổ sung chưa có bản nhận xét, đánh giá của cơ quan và bản tự kê khai; đề nghị hoàn thiện và gửi lại trước ngày 15/10/2025.');

  // Agriculture and Environment, phase 1: a draft never submitted, overdue since 10/09/2025.
  story.list(1, 'SNNMT', '2025-08-29T14:00').propose('2025-08-29T14:00', people(pool('SNNMT').take(10, clean), 0));

  // Phase 2 (due 14/11/2025, not yet overdue on 10/11/2025).
  story.list(2, 'SNV', '2025-11-03T08:30').propose('2025-11-03T08:30', people(snv.take(3, clean), 0));
  // Health: submitted below its 5% minimum, with the written justification the reviewers see.
  story.list(2, 'SYT', '2025-10-30T09:00')
    .propose('2025-10-30T09:00', people(pool('SYT').take(3, clean), 1))
    .submit('2025-11-05', 'Sở Y tế được giao 97 biên chế năm 2025 nhưng hiện còn thiếu 03 công chức so với chỉ tiêu và đang thực hiện sắp xếp các trung tâm y tế sau hợp nhất; đợt này Sở đăng ký 03 công chức, sẽ bổ sung ở đợt sau khi tuyển dụng đủ biên chế.');
  // Industry and Trade: submitted, review under way (two assessed, a public employee listed with a warning).
  const sct = pool('SCT');
  const sctPeople = [...sct.take(4, clean), ...departments.get('SCT')!.staff.filter((s) => s.employmentType === 'public_employee').slice(0, 1)];
  story.list(2, 'SCT', '2025-10-28T10:00')
    .propose('2025-10-28T10:00', people(sctPeople, 2))
    .submit('2025-11-06')
    .assess('2025-11-07', sctPeople.slice(0, 2).map((s) => [s.code, null] as const));
  // Science and Technology: returned once with comments, being revised.
  story.list(2, 'SKHCN', '2025-10-20T08:00')
    .propose('2025-10-20T08:00', people(pool('SKHCN').take(5, clean), 3))
    .submit('2025-10-27')
    .return('2025-11-04', 'Đề nghị ghi rõ lĩnh vực chuyên môn và hình thức (biệt phái, điều động, tăng cường) cho từng người, ưu tiên lĩnh vực công nghệ thông tin – chuyển đổi số mà các xã đang thiếu; gửi lại trước hạn 14/11/2025.');
  // Education and Training: a draft in progress.
  story.list(2, 'SGDDT', '2025-11-06T15:00').propose('2025-11-06T15:00', people(pool('SGDDT').take(2, clean), 0));
  return story;
}

// ---- Loading -------------------------------------------------------------------------------------------

async function readInputs(client: pg.ClientBase, provinceId: number) {
  const { rows: departmentRows } = await client.query<{ code: string; name: string; quota: number | null }>(
    `SELECT d.code, d.name, dq.quota FROM department d
       LEFT JOIN department_quota dq ON dq.department_id = d.id AND dq.year = $2
      WHERE d.province_id = $1 ORDER BY d.code`, [provinceId, STORY_YEAR]);
  const { rows: staffRows } = await client.query<Staff & { department: string }>(
    `SELECT d.code AS department, c.code, c.full_name AS "fullName", c.employment_type::text AS "employmentType", c.field, to_char(c.birth_date, 'YYYY-MM-DD') AS "birthDate",
            c.gender::text AS gender, p.code AS "positionCode", to_char(a.start_date, 'YYYY-MM-DD') AS "postSince", c.political_theory::text AS "politicalTheory"
       FROM assignment a JOIN cadre c ON c.id = a.cadre_id JOIN department d ON d.id = a.department_id JOIN position p ON p.id = a.position_id
      WHERE d.province_id = $1 AND a.is_primary AND a.end_date IS NULL AND c.status = 'active'
      ORDER BY d.code, c.code COLLATE "C"`, [provinceId]);
  const { rows: communeRows } = await client.query<CommuneInfo>(
    `WITH latest AS (
       SELECT DISTINCT ON (q.commune_id) q.commune_id, q.year FROM quota q JOIN commune cm ON cm.id = q.commune_id
        WHERE cm.province_id = $1 ORDER BY q.commune_id, q.year DESC),
     quotas AS (SELECT q.commune_id, sum(q.quota)::int AS quota FROM quota q JOIN latest l USING (commune_id, year) GROUP BY q.commune_id),
     heads AS (
       SELECT a.commune_id, count(DISTINCT a.cadre_id)::int AS n FROM assignment a JOIN cadre c ON c.id = a.cadre_id
        WHERE c.province_id = $1 AND a.commune_id IS NOT NULL AND a.is_primary AND a.end_date IS NULL AND c.status = 'active'
          AND ${countedEmploymentSql('c')}
        GROUP BY a.commune_id)
     SELECT cm.code, cm.mountainous, cm.extremely_disadvantaged AS "extremelyDisadvantaged", COALESCE(q.quota, 0) - COALESCE(h.n, 0) AS shortage
       FROM commune cm LEFT JOIN quotas q ON q.commune_id = cm.id LEFT JOIN heads h ON h.commune_id = cm.id
      WHERE cm.province_id = $1 ORDER BY cm.code COLLATE "C"`, [provinceId]);
  const departments = new Map<string, DepartmentInfo>();
  for (const d of departmentRows) departments.set(d.code, { code: d.code, name: d.name, quota: d.quota ?? 0, staff: [] });
  for (const { department, ...s } of staffRows) departments.get(department)?.staff.push(s);
  return { departments, communes: communeRows };
}

const stamp = (local: string) => `${local}:00+07:00`;

/**
 * Loads the story into province `provinceCode` (the demo Nghệ An) unless it already has a secondment phase,
 * set-based like lib/demo/load.ts. Returns whether anything was written.
 */
export async function seedDemoSecondments(client: pg.ClientBase, provinceCode = 'NA'): Promise<boolean> {
  const { rows: provinces } = await client.query<{ id: number }>('SELECT id FROM province WHERE code = $1', [provinceCode]);
  if (provinces.length === 0) return false;
  const provinceId = provinces[0].id;
  const { rows: existing } = await client.query('SELECT 1 FROM secondment_phase WHERE province_id = $1 LIMIT 1', [provinceId]);
  if (existing.length > 0) return false;

  const { departments, communes } = await readInputs(client, provinceId);
  const story = planSecondmentStory(departments, communes);

  await client.query(
    `INSERT INTO secondment_phase (province_id, year, number, due_date, note, created_at, opened_on)
     SELECT $1, $2, u.number, u.due_date, u.note, u.created_at, (u.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
       FROM unnest($3::int[], $4::date[], $5::text[], $6::timestamptz[]) AS u(number, due_date, note, created_at)`,
    [provinceId, STORY_YEAR, PHASES.map((p) => p.number), PHASES.map((p) => p.dueDate), PHASES.map((p) => p.note.normalize('NFC')), PHASES.map((p) => stamp(p.createdAt))]);
  await client.query(`INSERT INTO conclusion (province_id, number, date, created_at) VALUES ($1, $2, $3, $4)`,
    [provinceId, CONCLUSION_599.number, CONCLUSION_599.date, stamp(`${CONCLUSION_599.date}T16:00`)]);

  const lists = story.lists;
  await client.query(
    `INSERT INTO secondment_list (phase_id, department_id, state, justification, submitted_on, round, version, created_at, updated_at)
     SELECT ph.id, d.id, u.state, u.justification, u.submitted_on, u.round, u.version, u.created_at, u.updated_at
       FROM unnest($3::int[], $4::text[], $5::"SecondmentListState"[], $6::text[], $7::date[], $8::int[], $9::int[], $10::timestamptz[], $11::timestamptz[])
            AS u(phase, department, state, justification, submitted_on, round, version, created_at, updated_at)
       JOIN secondment_phase ph ON ph.province_id = $1 AND ph.year = $2 AND ph.number = u.phase
       JOIN department d ON d.province_id = $1 AND d.code = u.department`,
    [provinceId, STORY_YEAR, lists.map((l) => l.phase), lists.map((l) => l.department.code), lists.map((l) => l.state),
      lists.map((l) => l.justification?.normalize('NFC') ?? null), lists.map((l) => l.submittedOn), lists.map((l) => l.round), lists.map((l) => l.version),
      lists.map((l) => stamp(l.createdAt)), lists.map((l) => stamp(l.updatedAt))]);

  const candidates = lists.flatMap((l) => [...l.candidates.values()].map((c) => ({ list: l, c })));
  await client.query(
    `INSERT INTO secondment_candidate (list_id, cadre_id, kind, field, preferred_commune_id, state, assessment_reason, decision_reason, conclusion_id,
                                      version, created_at, updated_at)
     SELECT l.id, c.id, u.kind, u.field, pc.id, u.state, u.assessment_reason, u.decision_reason, cn.id, u.version, u.created_at, u.updated_at
       FROM unnest($3::int[], $4::text[], $5::text[], $6::"PostKind"[], $7::text[], $8::text[], $9::"SecondmentCandidateState"[], $10::text[], $11::text[],
                   $12::text[], $13::int[], $14::timestamptz[], $15::timestamptz[])
            AS u(phase, department, cadre, kind, field, commune, state, assessment_reason, decision_reason, conclusion, version, created_at, updated_at)
       JOIN secondment_phase ph ON ph.province_id = $1 AND ph.year = $2 AND ph.number = u.phase
       JOIN department d ON d.province_id = $1 AND d.code = u.department
       JOIN secondment_list l ON l.phase_id = ph.id AND l.department_id = d.id
       JOIN cadre c ON c.province_id = $1 AND c.code = u.cadre
       LEFT JOIN commune pc ON pc.province_id = $1 AND pc.code = u.commune
       LEFT JOIN conclusion cn ON cn.province_id = $1 AND cn.number = u.conclusion`,
    [provinceId, STORY_YEAR, candidates.map(({ list }) => list.phase), candidates.map(({ list }) => list.department.code), candidates.map(({ c }) => c.cadre.code),
      candidates.map(({ c }) => c.kind), candidates.map(({ c }) => c.field), candidates.map(({ c }) => c.preferredCommune), candidates.map(({ c }) => c.state),
      candidates.map(({ c }) => c.assessmentReason?.normalize('NFC') ?? null), candidates.map(({ c }) => c.decisionReason?.normalize('NFC') ?? null),
      candidates.map(({ c }) => c.conclusion), candidates.map(({ c }) => c.version),
      candidates.map(({ c }) => stamp(c.createdAt)), candidates.map(({ c }) => stamp(c.updatedAt))]);

  const placements = story.placements;
  await client.query(
    `INSERT INTO secondment (candidate_id, cadre_id, department_id, commune_id, position_id, start_date, end_date, created_at)
     SELECT sc.id, c.id, d.id, cm.id, p.id, u.start_date, u.end_date, u.created_at
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::date[], $9::date[], $10::timestamptz[])
            AS u(phase, department, cadre, commune, position, start_date, end_date, created_at)
       JOIN secondment_phase ph ON ph.province_id = $1 AND ph.year = $2 AND ph.number = u.phase
       JOIN department d ON d.province_id = $1 AND d.code = u.department
       JOIN secondment_list l ON l.phase_id = ph.id AND l.department_id = d.id
       JOIN cadre c ON c.province_id = $1 AND c.code = u.cadre
       JOIN secondment_candidate sc ON sc.list_id = l.id AND sc.cadre_id = c.id
       JOIN commune cm ON cm.province_id = $1 AND cm.code = u.commune
       JOIN position p ON p.province_id = $1 AND p.code = u.position`,
    [provinceId, STORY_YEAR, placements.map((p) => p.phase), placements.map((p) => p.department), placements.map((p) => p.cadre), placements.map((p) => p.commune),
      placements.map((p) => p.position), placements.map((p) => p.startDate), placements.map((p) => p.endDate), placements.map((p) => stamp(p.createdAt))]);

  // The timeline, in story order, through the one audit writer (each event checked against its schema); the
  // accounts give actor ids and names, other departments' officers a label.
  const events = story.events.map((e, i) => ({ e, i })).sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i)).map(({ e }) => e);
  const { rows: idRows } = await client.query<{ kind: string; phase: number; department: string | null; cadre: string | null; id: number }>(
    `SELECT 'phase' AS kind, ph.number AS phase, NULL AS department, NULL AS cadre, ph.id FROM secondment_phase ph WHERE ph.province_id = $1 AND ph.year = $2
     UNION ALL
     SELECT 'list', ph.number, d.code, NULL, l.id FROM secondment_list l JOIN secondment_phase ph ON ph.id = l.phase_id JOIN department d ON d.id = l.department_id
      WHERE ph.province_id = $1 AND ph.year = $2
     UNION ALL
     SELECT 'candidate', ph.number, d.code, c.code, sc.id FROM secondment_candidate sc JOIN secondment_list l ON l.id = sc.list_id
       JOIN secondment_phase ph ON ph.id = l.phase_id JOIN department d ON d.id = l.department_id JOIN cadre c ON c.id = sc.cadre_id
      WHERE ph.province_id = $1 AND ph.year = $2`,
    [provinceId, STORY_YEAR],
  );
  const ids = new Map(idRows.map((r) => [`${r.kind}:${r.phase}:${r.department ?? ''}:${r.cadre ?? ''}`, r.id]));
  const entityId = (entity: EntityKey) => {
    const key = entity.type === 'secondment_phase' ? `phase:${entity.phase}::`
      : entity.type === 'secondment_list' ? `list:${entity.phase}:${entity.department}:` : `candidate:${entity.phase}:${entity.department}:${entity.cadre}`;
    const id = ids.get(key);
    if (id === undefined) throw new Error(`demo secondments: no row for ${key}`);
    return id;
  };
  const { rows: accountRows } = await client.query<{ id: number; username: string; name: string; role: Role }>(
    `SELECT id, username, display_name AS name, role::text AS role FROM app_user WHERE province_id = $1`, [provinceId]);
  const accountsByName = new Map(accountRows.map((a) => [a.username, a]));
  const actorOf = (actor: ActorKey) => {
    if (actor.startsWith('dept:')) return { id: null, name: `Cán bộ ${departments.get(actor.slice(5))!.name}`, role: 'department_officer' };
    const account = accountsByName.get(actor);
    return account ? { id: account.id, name: account.name, role: account.role } : { id: null, name: actor, role: roleOf(actor) };
  };
  await recordAuditRows(client, events.map((e) => ({
    at: stamp(e.at),
    provinceId,
    actor: actorOf(e.actor),
    event: { action: e.action, entityId: entityId(e.entity), after: e.after } as AuditEvent,
  })));
  return true;
}
