import type { Role } from '@/lib/auth/roles';
import { recordDecision } from '@/lib/db/decision-mutations';
import type { Db } from '@/lib/db/prisma';
import { checkBlockQuota } from '@/lib/db/quota-guard';
import * as receptions from '@/lib/db/reception-mutations';
import * as plans from '@/lib/db/recruitment-mutations';
import { lockCommune, recordDeparture } from '@/lib/db/roster-mutations';
import { settingAt } from '@/lib/db/setting-queries';
import { checkDecisionDates } from '@/lib/domain/decisions';
import { checkProposalConditions, checkReceptionConditions, checkReceptionTransition, isReceptionPost, type ConditionCheck } from '@/lib/domain/reception';
import { pensionStart } from '@/lib/domain/retirement';
import { checkDepartureDate } from '@/lib/domain/roster';
import type { Block } from '@/lib/domain/types';
import { StoryReplay, type StoryActor } from './replay';
import { NGA_MY_WORKERS } from './nga-my-workers';
import { inStoryOrder, storyClock } from './story-time';

// The demo story of the reception into the commune civil service and of the recruitment plan
// (docs/decisions/043-reception-and-recruitment.md), replayed through the application's writes on the story's clock
// (lib/demo/replay.ts) after the other stories: Nga My's chairman proposes its five hand-written non-professional
// workers (lib/demo/nga-my-workers.ts); Home Affairs appraises, refuses one whose insurance is too short (the commune
// recorded an exception that does not hold), and the Provincial People's Committee receives two by one decision
// effective 01/01/2026; one stays appraised and one proposed. The two take the places of two civil servants of the
// same block who leave that day under Decree 154/2025/NĐ-CP (an early retirement and a resignation, decided by the
// commune's People's Committee in October and recorded by its chairman through the departure mutation), holding the
// same highest degree and no key post, so every published figure (docs/domain.md, Published figures) stays true on
// every date: before 01/01/2026 nothing has moved, from it two out and two in. Home Affairs also plans the 2026
// recruitment for communes short of staff, two of its targets (Nga My's office and justice posts) filled by the
// receptions.

const NGA_MY = 'NA113';

// ---- The story -------------------------------------------------------------------------------------------------

type Proposal = {
  worker: string; post: string; insuranceMonths: number; degreeField: string; evidence: string; exceptionReason?: string; at: string;
};
type Step =
  | { kind: 'propose'; proposal: Proposal; at: string }
  | { kind: 'appraise'; worker: string; score: number; note: string | null; findings?: Partial<Record<'insurance' | 'degree' | 'field', boolean>>; at: string }
  | { kind: 'refuse'; worker: string; reason: string; at: string }
  | { kind: 'depart'; departure: Departure; at: string }
  | { kind: 'decide'; workers: readonly string[]; at: string }
  | { kind: 'plan'; at: string };

/** A civil servant of Nga My leaving on the receptions' effective date, by a decision of the commune's People's Committee. */
type Departure = { name: string; post: string; reason: 'early_retirement' | 'resignation'; decisionNumber: string; decisionDate: string; at: string };

const PROPOSALS: readonly Proposal[] = [
  {
    worker: 'Lương Thị Hoa', post: 'OFFICE_SPECIALIST', insuranceMonths: 98, degreeField: 'administration', at: '2025-09-15T09:00',
    evidence: 'Sổ BHXH 4012198765: 98 tháng đóng bắt buộc (2017–2025), không kể 6 tháng tập sự; bằng cử nhân Quản lý nhà nước, Học viện Hành chính Quốc gia (2013).',
  },
  {
    worker: 'Vi Văn Khánh', post: 'JUSTICE_OFFICER', insuranceMonths: 121, degreeField: 'justice', at: '2025-09-15T09:20',
    evidence: 'Sổ BHXH 4012045511: 121 tháng đóng bắt buộc; bằng cử nhân Luật, Đại học Luật Hà Nội (2011); 10 năm làm công tác tư pháp – hộ tịch ở bản, xã.',
  },
  {
    worker: 'Lô Thị Mai', post: 'ACCOUNTANT', insuranceMonths: 38, degreeField: 'accounting', at: '2025-09-22T10:00',
    evidence: 'Sổ BHXH 4012377810: 38 tháng đóng bắt buộc; bằng cử nhân Kế toán, Đại học Vinh (2018).',
    exceptionReason: 'Xã thiếu công chức tài chính – kế toán; chị Mai đã làm kế toán hợp đồng cho xã từ năm 2019 (trước đó không được đóng BHXH), đề nghị xem xét ngoại lệ.',
  },
  {
    worker: 'Moong Văn Sơn', post: 'LAND_OFFICER', insuranceMonths: 84, degreeField: 'land', at: '2025-09-22T10:30',
    evidence: 'Sổ BHXH 4012551902: 84 tháng đóng bắt buộc; bằng kỹ sư Quản lý đất đai, Đại học Nông Lâm Huế (2014).',
  },
  {
    worker: 'Lo Văn Thắng', post: 'CULTURE_SPECIALIST', insuranceMonths: 66, degreeField: 'culture_society', at: '2025-11-03T08:30',
    evidence: 'Sổ BHXH 4012600417: 66 tháng đóng bắt buộc; bằng cử nhân Văn hóa học, Đại học Văn hóa Hà Nội (2016).',
  },
];

/** The People's Committee's decision receiving the two, and the day they take their posts. */
const DECISION = { number: '2150/QĐ-UBND', date: '2025-11-06', effectiveDate: '2026-01-01' };

/**
 * The two who leave Nga My's government block on the day the two received take their posts, both with a university
 * degree (the highest degree of the two received) and no key post, named by no other story. Decree 154/2025/NĐ-CP
 * (the streamlining after the merger of Xiêng My and Nga My), decided by Nga My's People's Committee after Home
 * Affairs appraised the province's list: the land officer Vi Văn Lâm (born 07/1968) retires early, 4 years and 7
 * months before his Decree 135 retirement (31/07/2030; the Decree allows 2 to 5 years), and the justice officer Lô
 * Văn Kiên resigns with its lump sum. Nobody of the block reaches the Decree 135 age in 2025, so neither could be a
 * plain retirement.
 */
const DEPARTURES: readonly Departure[] = [
  { name: 'Vi Văn Lâm', post: 'LAND_OFFICER', reason: 'early_retirement', decisionNumber: '318/QĐ-UBND', decisionDate: '2025-10-27', at: '2025-10-27T15:00' },
  { name: 'Lô Văn Kiên', post: 'JUSTICE_OFFICER', reason: 'resignation', decisionNumber: '319/QĐ-UBND', decisionDate: '2025-10-27', at: '2025-10-27T15:10' },
];

/** Decree 154/2025/NĐ-CP: an early retirement from 2 to 5 years (in months) before the Decree 135 retirement. */
const EARLY_RETIREMENT_MONTHS = { min: 24, max: 60 };
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

const STEPS: readonly Step[] = [
  ...PROPOSALS.map((proposal) => ({ kind: 'propose' as const, proposal, at: proposal.at })),
  { kind: 'appraise', worker: 'Lương Thị Hoa', score: 82.5, note: null, at: '2025-10-08T14:00' },
  { kind: 'appraise', worker: 'Vi Văn Khánh', score: 76, note: 'Có kinh nghiệm hộ tịch, đạt yêu cầu sát hạch.', at: '2025-10-08T14:30' },
  {
    kind: 'refuse', worker: 'Lô Thị Mai', at: '2025-10-15T15:00',
    reason: 'Thời gian đóng bảo hiểm xã hội bắt buộc 38 tháng, chưa đủ 5 năm (60 tháng) theo Nghị định 170/2025/NĐ-CP; thời gian làm hợp đồng không đóng BHXH không được tính. Xã có thể đề xuất lại khi đủ điều kiện.',
  },
  ...DEPARTURES.map((departure) => ({ kind: 'depart' as const, departure, at: departure.at })),
  { kind: 'appraise', worker: 'Moong Văn Sơn', score: 71, note: null, at: '2025-10-28T09:00' },
  { kind: 'decide', workers: ['Lương Thị Hoa', 'Vi Văn Khánh'], at: '2025-11-07T16:00' },
];

/** The 2026 plan: created on the day, then its targets (commune, post, count, planned date). */
const PLAN = {
  year: 2026, at: '2025-11-05T10:00',
  note: 'Tuyển dụng năm 2026 cho các xã thiếu công chức sau sắp xếp, trong biên chế chưa sử dụng (đã tính số người dự kiến tiếp nhận).',
};
const TARGETS: readonly { commune: string; post: string; count: number; plannedDate: string }[] = [
  { commune: 'NA113', post: 'OFFICE_SPECIALIST', count: 2, plannedDate: '2026-03-01' },
  { commune: 'NA113', post: 'JUSTICE_OFFICER', count: 1, plannedDate: '2026-03-01' },
  { commune: 'NA113', post: 'PARTY_SPECIALIST', count: 2, plannedDate: '2026-06-01' },
  { commune: 'NA042', post: 'ACCOUNTANT', count: 2, plannedDate: '2026-04-01' },
  { commune: 'NA057', post: 'LAND_OFFICER', count: 2, plannedDate: '2026-04-01' },
  { commune: 'NA098', post: 'CULTURE_SPECIALIST', count: 1, plannedDate: '2026-06-01' },
  { commune: 'NA100', post: 'IT_OFFICER', count: 1, plannedDate: '2026-07-01' },
];

/**
 * Replays the story into province `provinceCode` unless it already has a reception or a recruitment plan. Returns
 * whether it wrote anything.
 */
export async function seedDemoReceptions(db: Db, provinceCode = 'NA'): Promise<boolean> {
  const province = await db.province.findUnique({ where: { code: provinceCode }, select: { id: true } });
  if (!province) return false;
  if (await db.reception.findFirst({ where: { provinceId: province.id }, select: { id: true } })) return false;
  if (await db.recruitmentPlan.findFirst({ where: { provinceId: province.id }, select: { id: true } })) return false;
  const [chairmanAccount, homeAffairsAccount, commune, ppc, communeCommittee] = await Promise.all([
    db.user.findFirst({ where: { provinceId: province.id, username: 'xa.ngamy' }, select: { id: true, displayName: true } }),
    db.user.findFirst({ where: { provinceId: province.id, username: 'noivu' }, select: { id: true, displayName: true } }),
    db.commune.findFirst({ where: { provinceId: province.id, code: NGA_MY }, select: { id: true, code: true, provinceId: true } }),
    db.issuingBody.findFirst({ where: { provinceId: province.id, communeId: null, code: 'UBND' }, select: { id: true } }),
    db.issuingBody.findFirst({ where: { provinceId: province.id, commune: { code: NGA_MY }, code: `UBND_${NGA_MY}` }, select: { id: true } }),
  ]);
  if (!chairmanAccount || !homeAffairsAccount || !commune || !ppc || !communeCommittee) return false;
  const replay = new StoryReplay(db, province.id);
  const chairman: StoryActor = { id: chairmanAccount.id, name: chairmanAccount.displayName, role: 'commune_chairman' as Role };
  const homeAffairs: StoryActor = { id: homeAffairsAccount.id, name: homeAffairsAccount.displayName, role: 'home_affairs' as Role };
  const allowed = (actor: StoryActor) => (permission: Parameters<StoryReplay['allows']>[1]) => replay.allows(actor, permission);

  const positions = new Map(
    (await db.position.findMany({ where: { provinceId: province.id }, select: { id: true, code: true, block: true, isElected: true, isKey: true, field: true } })).map((p) => [p.code, p]),
  );
  const post = (code: string) => {
    const found = positions.get(code);
    if (!found || !isReceptionPost(found) || found.isKey) throw new Error(`demo story: ${code} is not a non-key reception post`);
    return found;
  };
  const workers = new Map(
    (await db.cadre.findMany({
      // Nga My's own: a namesake elsewhere in the province is someone else.
      where: {
        provinceId: province.id, fullName: { in: NGA_MY_WORKERS.map((w) => w.fullName) }, employmentType: 'non_professional',
        assignments: { some: { communeId: commune.id, isPrimary: true, endDate: null } },
      },
      select: { id: true, code: true, fullName: true, version: true },
      // The hand-written ones come last (lib/demo/nga-my-workers.ts): of two namesakes here, the later wins.
      orderBy: { id: 'asc' },
    })).map((c) => [c.fullName, c]),
  );
  const worker = (name: string) => {
    const found = workers.get(name);
    if (!found) throw new Error(`demo story: no worker ${name} in Nga My`);
    return found;
  };
  const ids = new Map<string, { id: number; version: number; proposedOn: string; post: string }>();

  // The two leaving hold, between them, what the two received bring: a post of the same block and the same highest
  // degree each (the education shares count the highest degree), and no key post (the key vacancies).
  const leavers = await Promise.all(DEPARTURES.map(async (d) => {
    const found = await db.cadre.findMany({
      where: {
        provinceId: province.id, fullName: d.name, status: 'active', employmentType: 'civil_servant',
        assignments: { some: { communeId: commune.id, isPrimary: true, endDate: null, position: { code: d.post } } },
      },
      select: { id: true, birthDate: true, gender: true, education: true },
    });
    if (found.length !== 1) throw new Error(`demo story: no single civil servant ${d.name} (${d.post}) in Nga My`);
    const position = positions.get(d.post);
    if (!position || position.isKey || position.block === null) throw new Error(`demo story: ${d.post} is not a non-key post of a block`);
    return { ...found[0], birthDate: found[0].birthDate.toISOString().slice(0, 10), block: position.block as Block };
  }));
  const receivedNames = STEPS.flatMap((s) => (s.kind === 'decide' ? s.workers : []));
  const received = await db.cadre.findMany({ where: { id: { in: receivedNames.map((n) => worker(n).id) } }, select: { fullName: true, education: true } });
  const profile = (list: { block: Block; education: string }[]) => list.map((p) => `${p.block} ${p.education}`).sort().join(', ');
  const receivedProfile = profile(received.map((r) => ({ block: post(PROPOSALS.find((p) => p.worker === r.fullName)!.post).block as Block, education: r.education })));
  if (profile(leavers) !== receivedProfile) throw new Error(`demo story: the leavers (${profile(leavers)}) do not match the received (${receivedProfile})`);
  const leaverOf = new Map(DEPARTURES.map((d, i) => [d.name, leavers[i]]));

  // The receptions' steps and the plan (05/11/2025), in the order of the story's time.
  for (const step of inStoryOrder<Step>([...STEPS, { kind: 'plan', at: PLAN.at }])) {
    const clock = storyClock(step.at);
    switch (step.kind) {
      case 'propose': {
        const { proposal } = step;
        const person = worker(proposal.worker);
        const position = post(proposal.post);
        const check = checkReceptionTransition('propose', null, allowed(chairman));
        if (!check.ok) throw new Error(`demo story: propose ${proposal.worker}: ${check.error}`);
        const minimum = await settingAt(db, province.id, 'reception.minInsuranceYears', clock.today);
        const checks = checkReceptionConditions({ insuranceMonths: proposal.insuranceMonths, degree: 'university', degreeField: proposal.degreeField }, position, minimum.value);
        const problems = checkProposalConditions(checks, proposal.exceptionReason ?? null);
        if (problems.length > 0) throw new Error(`demo story: propose ${proposal.worker}: ${problems[0].error}`);
        const met = (code: string) => checks.find((c) => c.code === code)!.met;
        const row = await replay.write(chairman, clock, `propose ${proposal.worker}`, async (tx) => {
          const created = await receptions.insertReception(tx, {
            provinceId: province.id, communeId: commune.id, positionId: position.id, proposedById: chairman.id!, proposedOn: clock.today, person: { cadreId: person.id },
            insuranceMonths: proposal.insuranceMonths, degree: 'university', degreeField: proposal.degreeField, evidence: proposal.evidence, exceptionReason: proposal.exceptionReason ?? null,
          }, clock.at);
          return {
            value: created,
            audit: {
              action: 'reception.propose',
              entityId: created.id,
              after: {
                to: 'proposed', commune: commune.code, position: proposal.post, cadre: person.code, fullName: proposal.worker, external: false,
                insuranceMonths: proposal.insuranceMonths, degree: 'university', degreeField: proposal.degreeField,
                insuranceMet: met('insurance'), degreeMet: met('degree'), fieldMet: met('field'), exceptionReason: proposal.exceptionReason ?? null, evidence: proposal.evidence,
              },
            },
          };
        });
        ids.set(proposal.worker, { id: row.id, version: 1, proposedOn: clock.today, post: proposal.post });
        break;
      }
      case 'appraise': {
        const r = ids.get(step.worker)!;
        const findings: ConditionCheck[] = (['insurance', 'degree', 'field'] as const).map((code) => ({ code, met: step.findings?.[code] ?? true }));
        const check = checkReceptionTransition('appraise', 'proposed', allowed(homeAffairs), { councilResult: 'passed', conditionsMet: findings.every((f) => f.met), exceptionReason: null });
        if (!check.ok) throw new Error(`demo story: appraise ${step.worker}: ${check.error}`);
        await replay.write(homeAffairs, clock, `appraise ${step.worker}`, async (tx) => {
          await receptions.appraiseReception(tx, { id: r.id, version: r.version, findings, councilResult: 'passed', councilScore: step.score, note: step.note, on: clock.today }, clock.at);
          return {
            value: undefined,
            audit: {
              action: 'reception.appraise',
              entityId: r.id,
              after: {
                from: 'proposed', to: 'appraised', insuranceMet: findings[0].met, degreeMet: findings[1].met, fieldMet: findings[2].met,
                councilResult: 'passed', councilScore: String(step.score), note: step.note,
              },
            },
          };
        });
        r.version += 1;
        break;
      }
      case 'refuse': {
        const r = ids.get(step.worker)!;
        const check = checkReceptionTransition('refuse', 'proposed', allowed(homeAffairs), { reason: step.reason });
        if (!check.ok) throw new Error(`demo story: refuse ${step.worker}: ${check.error}`);
        await replay.write(homeAffairs, clock, `refuse ${step.worker}`, async (tx) => {
          await receptions.closeReception(tx, { id: r.id, version: r.version, state: 'refused', reason: step.reason }, clock.at);
          return { value: undefined, audit: { action: 'reception.refuse', entityId: r.id, after: { from: 'proposed', to: 'refused', comment: step.reason } } };
        });
        r.version += 1;
        break;
      }
      case 'depart': {
        // As the departure action does (lib/actions/roster/record-departure.ts), on the story's clock.
        const { departure } = step;
        replay.allow(chairman, 'roster.edit', `the departure of ${departure.name}`);
        const leaver = leaverOf.get(departure.name)!;
        const leavingOn = DECISION.effectiveDate;
        if (departure.reason === 'early_retirement') {
          const early = monthIndex(pensionStart(leaver.birthDate, leaver.gender)) - monthIndex(leavingOn);
          if (early < EARLY_RETIREMENT_MONTHS.min || early > EARLY_RETIREMENT_MONTHS.max) throw new Error(`demo story: ${departure.name} would retire ${early} months early`);
        }
        // His posts in the commune as the action reads them (lib/db/roster-queries.ts findPersonInCommune, which only a
        // server may import): held on the day, none scheduled to begin or end (one change at a time).
        const person = await db.cadre.findUniqueOrThrow({
          where: { id: leaver.id },
          select: {
            code: true, status: true, version: true,
            assignments: { where: { communeId: commune.id, OR: [{ endDate: null }, { endDate: { gte: new Date(`${clock.today}T00:00:00Z`) } }] }, select: { id: true, startDate: true, endDate: true }, orderBy: [{ isPrimary: 'desc' }, { startDate: 'asc' }] },
          },
        });
        const held = person.assignments.map((a) => ({ id: a.id, startDate: a.startDate.toISOString().slice(0, 10), ended: a.endDate !== null }));
        if (person.status !== 'active' || held.some((a) => a.startDate > clock.today || a.ended)) throw new Error(`demo story: ${departure.name} cannot leave`);
        const dateError = checkDepartureDate(leavingOn, clock.today, held.reduce<string | null>((max, a) => (max === null || a.startDate > max ? a.startDate : max), null));
        if (dateError) throw new Error(`demo story: depart ${departure.name}: ${dateError}`);
        const dates = checkDecisionDates({ decisionDate: departure.decisionDate, effectiveDate: leavingOn, today: clock.today, backdatedReason: null });
        if (dates.problems.length > 0) throw new Error(`demo story: decision ${departure.decisionNumber}: ${dates.problems[0].error}`);
        await replay.write(chairman, clock, `depart ${departure.name}`, async (tx) => {
          const decision = await recordDecision(tx, {
            provinceId: province.id, communeId: commune.id, issuingBodyId: communeCommittee.id, number: departure.decisionNumber, date: departure.decisionDate, kind: 'departure',
          }, clock.at);
          const { closedAssignments } = await recordDeparture(tx, {
            cadreId: leaver.id, version: person.version, communeId: commune.id, date: leavingOn, reason: departure.reason, decisionId: decision.id,
          });
          return {
            value: undefined,
            audit: {
              action: 'cadre.depart',
              entityId: leaver.id,
              // The envelope of a dated change (lib/actions/dated-change.ts datedEnvelope): entered on time, no reason.
              envelope: { effectiveOn: leavingOn, decisionId: decision.id, backdatedReason: null, affectsFigures: true },
              before: { code: person.code, status: 'active', version: person.version, openAssignments: held.map((a) => a.id) },
              after: { code: person.code, status: 'left', leftOn: leavingOn, leftReason: departure.reason, version: person.version + 1, closedAssignments, communeCode: commune.code },
            },
          };
        });
        break;
      }
      case 'decide': {
        const dates = checkDecisionDates({ decisionDate: DECISION.date, effectiveDate: DECISION.effectiveDate, today: clock.today, backdatedReason: null });
        if (dates.problems.length > 0) throw new Error(`demo story: decision ${DECISION.number}: ${dates.problems[0].error}`);
        for (const name of step.workers) {
          const r = ids.get(name)!;
          const check = checkReceptionTransition('decide', 'appraised', allowed(homeAffairs), {
            decisionDate: DECISION.date, effectiveDate: DECISION.effectiveDate, proposedOn: r.proposedOn, today: clock.today,
          });
          if (!check.ok) throw new Error(`demo story: decide ${name}: ${check.error}`);
          const position = post(r.post);
          const block = position.block as Block;
          const person = await db.cadre.findUniqueOrThrow({ where: { id: worker(name).id }, select: { id: true, code: true, version: true } });
          await replay.write(homeAffairs, clock, `decide ${name}`, async (tx) => {
            await lockCommune(tx, commune.id);
            const guard = await checkBlockQuota(tx, db, commune, block, DECISION.effectiveDate);
            if (!guard.ok) throw new Error(`demo story: decide ${name}: over the quota`);
            const decision = await recordDecision(tx, { provinceId: province.id, communeId: commune.id, issuingBodyId: ppc.id, number: DECISION.number, date: DECISION.date, kind: 'reception' }, clock.at);
            const decided = await receptions.decideReception(tx, {
              id: r.id, version: r.version, provinceId: province.id, communeId: commune.id, positionId: position.id, decisionId: decision.id,
              effectiveDate: DECISION.effectiveDate, person: { cadreId: person.id, cadreVersion: person.version },
            }, clock.at);
            return {
              value: decided,
              audit: {
                action: 'reception.decide',
                entityId: r.id,
                // The envelope of a dated change (lib/actions/dated-change.ts datedEnvelope): entered on time, no reason.
                envelope: { effectiveOn: DECISION.effectiveDate, decisionId: decision.id, backdatedReason: null, affectsFigures: true },
                after: {
                  from: 'appraised', to: 'decided', decisionNumber: DECISION.number, decisionDate: DECISION.date, effectiveDate: DECISION.effectiveDate,
                  cadre: decided.cadreCode, commune: commune.code, position: r.post, block, headcountBefore: guard.figures.headcount, quota: guard.figures.quota,
                  newAssignmentId: decided.assignmentId, closedAssignmentIds: decided.closedAssignmentIds,
                },
              },
            };
          });
          r.version += 1;
        }
        break;
      }
      case 'plan':
        await replayPlan(replay, db, homeAffairs, province.id);
        break;
      default:
        step satisfies never;
    }
  }
  return true;
}

/** Home Affairs' 2026 plan and its targets, each checked against the block's unused quota at its planned date. */
async function replayPlan(replay: StoryReplay, db: Db, actor: StoryActor, provinceId: number): Promise<void> {
  replay.allow(actor, 'recruitment.plan', 'the 2026 recruitment plan');
  const clock = storyClock(PLAN.at);
  const plan = await replay.write(actor, clock, 'create the 2026 recruitment plan', async (tx) => {
    const row = await plans.insertRecruitmentPlan(tx, { provinceId, year: PLAN.year, note: PLAN.note }, clock.at);
    return { value: row, audit: { action: 'recruitment.createPlan', entityId: row.id, after: { year: PLAN.year, note: PLAN.note } } };
  });
  const communes = new Map((await db.commune.findMany({ where: { provinceId, code: { in: TARGETS.map((t) => t.commune) } }, select: { id: true, code: true, provinceId: true } })).map((c) => [c.code, c]));
  const positions = new Map((await db.position.findMany({ where: { provinceId, code: { in: TARGETS.map((t) => t.post) } }, select: { id: true, code: true, block: true, isElected: true } })).map((p) => [p.code, p]));
  for (const [i, target] of TARGETS.entries()) {
    const commune = communes.get(target.commune);
    const position = positions.get(target.post);
    if (!commune || !position || !isReceptionPost(position)) throw new Error(`demo story: target ${target.commune} ${target.post}`);
    const block = position.block as Block;
    // One sitting of the form: a target every five minutes after the plan is opened.
    const at = storyClock(`${PLAN.at.slice(0, 10)}T10:${String(5 * (i + 1)).padStart(2, '0')}`);
    await replay.write(actor, at, `target ${target.commune} ${target.post}`, async (tx) => {
      const check = await plans.checkRecruitmentTarget(tx, db, { planId: plan.id, commune, block, positionId: position.id, plannedDate: target.plannedDate, count: target.count });
      if (!check.ok) throw new Error(`demo story: target ${target.commune} ${target.post} over the unused quota (${check.unused})`);
      await plans.saveRecruitmentTarget(tx, { planId: plan.id, communeId: commune.id, positionId: position.id, count: target.count, plannedDate: target.plannedDate }, at.at);
      const row = { year: PLAN.year, commune: target.commune, position: target.post, count: target.count, plannedDate: target.plannedDate };
      return {
        value: undefined,
        audit: { action: 'recruitment.saveTarget', entityId: plan.id, before: null, after: { ...row, block, quota: check.quota, headcount: check.headcount, unused: check.unused } },
      };
    });
  }
}
