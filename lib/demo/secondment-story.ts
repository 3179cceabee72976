import { candidateWarnings, type PostKind } from '@/lib/domain/secondment';
import { retirementDate } from '@/lib/domain/retirement';
import { POSITION_BY_CODE } from './catalogue';
import { inStoryOrder } from './story-time';

// The demo story of the 5% secondment lists (docs/domain.md, Published figures and The 5% secondment lists): who
// takes which step, when. Phase 1 of 2025 (due 10/09/2025): the Department of Home Affairs lists 29, the Organizing
// Committee finds 22 meeting the standards, the Standing Committee approves them by Conclusion 599-KL/TU of
// 19/09/2025, and some are placed in mountainous communes short of staff from 01/10/2025 for 36 months, by a
// decision of the Provincial People's Committee. Other departments show every state (draft, submitted, returned,
// forwarded, decided; one below its 5% minimum with a justification; overdue ones); phase 2 is due 14/11/2025.
// This file is pure: it chooses the people from the seeded staff and lists the steps; lib/demo/secondments.ts
// replays them through the application's mutations, where the state machines, the policy and the database's guards
// check each one. Times are local (Asia/Ho_Chi_Minh); the officers of departments other than Home Affairs have no
// demo account. Secondees stay on their department's staff: placements write no assignment, so current headcounts
// and key vacancies (the published figures) do not change.

export const STORY_YEAR = 2025;
export const CONCLUSION_599 = { number: '599-KL/TU', date: '2025-09-19' } as const;
export const PLACEMENT_START = '2025-10-01';
export const PLACEMENT_END = '2028-09-30'; // 36 months (DEFAULT_TERM_MONTHS)
/**
 * The decision placing the approved cadres (docs/decisions/023-decisions-and-effective-dates.md): one document of the
 * Provincial People's Committee (issuing body UBND), dated after Conclusion 599-KL/TU and before the placements.
 */
export const PLACEMENT_DECISION = { issuingBody: 'UBND', number: '1234/QĐ-UBND', date: '2025-09-25' } as const;

export const PHASES = [
  { number: 1, dueDate: '2025-09-10', createdAt: '2025-08-20T09:00',
    note: 'Thực hiện Kết luận số 586-KL/TU ngày 13/08/2025 của Ban Thường vụ Tỉnh ủy: mỗi sở, ban, ngành lập danh sách tối thiểu 5% cán bộ, công chức để biệt phái, điều động, tăng cường về các xã khó khăn.' },
  { number: 2, dueDate: '2025-11-14', createdAt: '2025-09-30T09:00',
    note: 'Thực hiện Kết luận số 599-KL/TU ngày 19/09/2025 và Thông báo số 35-TB/TU: các sở, ban, ngành tiếp tục rà soát, lập danh sách bổ sung; trình Ban Thường vụ Tỉnh ủy trước ngày 15/11/2025.' },
] as const;
export type Phase = (typeof PHASES)[number];

// ---- Inputs read from the seeded province ---------------------------------------------------------------

export type Staff = {
  id: number; code: string; fullName: string; employmentType: string; field: string | null; birthDate: string; gender: 'male' | 'female';
  positionCode: string; postSince: string; politicalTheory: string;
};
export type DepartmentInfo = { id: number; code: string; name: string; quota: number; staff: Staff[] };
export type CommuneInfo = { id: number; code: string; mountainous: boolean; extremelyDisadvantaged: boolean; shortage: number };

// ---- The steps ------------------------------------------------------------------------------------------

/** Who takes a step: a demo account by username, or the officer of a department without one. */
export type ActorKey = 'so.noivu' | 'bantochuc' | 'thuongtruc' | 'noivu' | `dept:${string}`;
export type ListKey = { phase: number; department: string };
type Conclusion = { number: string; date: string };

export type Proposal = { at: string; cadre: Staff; postKind: PostKind; field: string; preferredCommune: string | null };
/** A null reason: "meets the standards and conditions". */
export type Verdict = { at: string; cadre: string; reason: string | null };

/**
 * One step of the story, as one form post of the application would take it (a sitting's proposals or assessments
 * of one list, each at its own minute); `at` is local 'YYYY-MM-DDTHH:mm', the first item's for those.
 */
export type SecondmentStep = { at: string; actor: ActorKey } & (
  | { kind: 'openPhase'; phase: Phase }
  | { kind: 'createList'; list: ListKey }
  | { kind: 'propose'; list: ListKey; proposals: Proposal[] }
  | { kind: 'submit'; list: ListKey; justification: string | null }
  | { kind: 'assess'; list: ListKey; verdicts: Verdict[] }
  | { kind: 'return'; list: ListKey; comment: string; dueDate: string }
  | { kind: 'forward'; list: ListKey }
  /** The Standing Committee declines the candidates named (one decision per reason), then approves the other forwarded ones. */
  | { kind: 'decide'; list: ListKey; conclusion: Conclusion; declined: ReadonlyMap<string, string> }
  | { kind: 'place'; list: ListKey; cadre: string; commune: string; position: string }
);

const at = (date: string, time: string) => `${date}T${time}`;

class StoryBuilder {
  private readonly steps: SecondmentStep[] = [];

  constructor() {
    for (const phase of PHASES) this.steps.push({ at: phase.createdAt, actor: 'bantochuc', kind: 'openPhase', phase });
  }

  list(phase: number, department: string, createdAt: string): ListStory {
    return new ListStory(this.steps, { phase, department }, createdAt);
  }

  /** The steps in the order they were taken. */
  ordered(): SecondmentStep[] {
    return inStoryOrder(this.steps);
  }
}

class ListStory {
  private readonly officer: ActorKey;

  constructor(private readonly steps: SecondmentStep[], readonly key: ListKey, createdAt: string) {
    this.officer = key.department === 'SNV' ? 'so.noivu' : `dept:${key.department}`;
    this.steps.push({ at: createdAt, actor: this.officer, kind: 'createList', list: key });
  }

  /** The department officer adds candidates from the department's own staff, six a minute. */
  propose(when: string, people: readonly { cadre: Staff; kind: PostKind; field?: string; preferredCommune?: string | null }[]): this {
    const proposals = people.map(({ cadre, kind, field, preferredCommune }, i) => ({
      at: at(when.slice(0, 10), `${when.slice(11, 13)}:${String(Number(when.slice(14, 16)) + Math.floor(i / 6)).padStart(2, '0')}`),
      cadre, postKind: kind, field: field ?? cadre.field ?? 'administration', preferredCommune: preferredCommune ?? null,
    }));
    this.steps.push({ at: proposals[0].at, actor: this.officer, kind: 'propose', list: this.key, proposals });
    return this;
  }

  /** Sent to the Organizing Committee; the justification is kept only when the list leaves the department below its 5% minimum. */
  submit(date: string, justification: string | null = null): this {
    this.steps.push({ at: at(date, '14:00'), actor: this.officer, kind: 'submit', list: this.key, justification });
    return this;
  }

  /** The Organizing Committee records "meets the standards and conditions" (null reason) or not (with the reason). */
  assess(date: string, verdicts: readonly (readonly [code: string, reason: string | null])[]): this {
    const timed = verdicts.map(([cadre, reason], i) => ({ at: at(date, `10:${String(i % 60).padStart(2, '0')}`), cadre, reason }));
    this.steps.push({ at: timed[0].at, actor: 'bantochuc', kind: 'assess', list: this.key, verdicts: timed });
    return this;
  }

  /** Returned with the list's own new due date (`dueDate`, YYYY-MM-DD), as a return requires. */
  return(date: string, comment: string, dueDate: string): this {
    this.steps.push({ at: at(date, '15:30'), actor: 'bantochuc', kind: 'return', list: this.key, comment, dueDate });
    return this;
  }

  forward(date: string): this {
    this.steps.push({ at: at(date, '15:00'), actor: 'bantochuc', kind: 'forward', list: this.key });
    return this;
  }

  /**
   * The Standing Committee declines some forwarded candidates (with a reason), then approves the others by the
   * Conclusion: two decisions, recorded as the application records them.
   */
  decide(conclusion: Conclusion, declined: ReadonlyMap<string, string> = new Map()): this {
    this.steps.push({ at: at(conclusion.date, '16:00'), actor: 'thuongtruc', kind: 'decide', list: this.key, conclusion, declined });
    return this;
  }

  place(date: string, actor: 'bantochuc' | 'noivu', code: string, commune: string, position: string): this {
    this.steps.push({ at: at(date, '09:00'), actor, kind: 'place', list: this.key, cadre: code, commune, position });
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

/** The whole story, from the seeded staff and communes, in the order its steps were taken; pure. */
export function planSecondmentStory(departments: Map<string, DepartmentInfo>, communes: readonly CommuneInfo[]): SecondmentStep[] {
  const story = new StoryBuilder();
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

  // Justice, phase 1: returned twice (the history keeps both rounds), the second time due 15/10/2025: overdue since.
  const stp = pool('STP');
  const stpFirst = [...stp.take(2, clean), ...stp.takeUpTo(1, (s) => !clean(s))];
  stpFirst.push(...stp.take(3 - stpFirst.length, clean));
  const stpLate = stp.take(1, clean);
  story.list(1, 'STP', '2025-08-28T09:00')
    .propose('2025-08-28T09:00', people(stpFirst, 0))
    .submit('2025-09-09')
    .assess(ASSESSED_ON, stpFirst.map((s, i) => [s.code, i === 2 ? reasonFor(s, 0) : null] as const))
    .return('2025-09-15', `${stpFirst[2].gender === 'male' ? 'Ông' : 'Bà'} ${stpFirst[2].fullName} không đủ điều kiện (xem lý do); đề nghị Sở Tư pháp bổ sung người thay thế để bảo đảm tối thiểu 5% biên chế được giao.`, '2025-09-22')
    .propose('2025-09-24T09:00', people(stpLate, 1))
    .submit('2025-09-25')
    .return('2025-10-02', 'Hồ sơ người được bổ sung chưa có bản nhận xét, đánh giá của cơ quan và bản tự kê khai; đề nghị hoàn thiện và gửi lại trước ngày 15/10/2025.', '2025-10-15');

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
    .return('2025-11-04', 'Đề nghị ghi rõ lĩnh vực chuyên môn và hình thức (biệt phái, điều động, tăng cường) cho từng người, ưu tiên lĩnh vực công nghệ thông tin – chuyển đổi số mà các xã đang thiếu; gửi lại trước hạn 14/11/2025.', '2025-11-14');
  // Education and Training: a draft in progress.
  story.list(2, 'SGDDT', '2025-11-06T15:00').propose('2025-11-06T15:00', people(pool('SGDDT').take(2, clean), 0));
  return story.ordered();
}
