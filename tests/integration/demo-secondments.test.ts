import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPrismaClient, type Db } from '@/lib/db/prisma';
import { getCurrentProvince, getProvinceStaffing, type ProvinceStaffing } from '@/lib/db/staffing-queries';
import { seedDemoSecondments } from '@/lib/demo/secondments';
import {
  COUNTING_LIST_STATES, holdsCadre, isOverdue, LIST_STATES, minimumListSize, type CandidateState, type ListState,
} from '@/lib/domain/secondment';
import { seededDatabaseUrl } from '../support/database';

// The demo's story of the 5% lists (docs/domain.md, Published figures), on the seeded demo database.
const TODAY = '2025-11-10';
const iso = (d: Date) => d.toISOString().slice(0, 10);

type Candidate = {
  id: number; cadreId: number; cadreCode: string; employmentType: string; state: CandidateState; holdsCadre: boolean; kind: string;
  field: string | null; assessmentReason: string | null; decisionReason: string | null; conclusion: string | null; conclusionDate: string | null;
};
type List = {
  id: number; department: string; quota: number; phase: number; year: number; dueDate: string; state: ListState; justification: string | null;
  submittedOn: string | null; round: number; candidates: Candidate[];
};
type Audit = { action: string; entityType: string; entityId: string; actorName: string; actorRole: string; username: string | null; at: Date; after: Record<string, unknown> };

let db: Db;
let staffing: ProvinceStaffing;
let lists: List[];
let audits: Audit[];
let secondments: { candidateId: number; cadreId: number; department: string; commune: string; position: string; positionField: string | null; startDate: string; endDate: string }[];

beforeAll(async () => {
  db = createPrismaClient(seededDatabaseUrl());
  const province = await getCurrentProvince(db);
  staffing = await getProvinceStaffing(db, province.id, { date: TODAY });
  const rows = await db.secondmentList.findMany({
    where: { phase: { provinceId: province.id } },
    include: {
      phase: true,
      department: { include: { quotas: true } },
      candidates: { include: { cadre: true, conclusion: true }, orderBy: { id: 'asc' } },
    },
    orderBy: { id: 'asc' },
  });
  // Holding is derived (migration 20261207000300_derived_states): read with the database's function, the guard's.
  const held = await db.$queryRawUnsafe<{ id: number; holds: boolean }[]>(
    `SELECT c.id, secondment_candidate_holds(c.state, l.state) AS holds FROM secondment_candidate c JOIN secondment_list l ON l.id = c.list_id`,
  );
  const holdsOf = new Map(held.map((h) => [h.id, h.holds]));
  lists = rows.map((l) => ({
    id: l.id, department: l.department.code, phase: l.phase.number, year: l.phase.year, dueDate: iso(l.phase.dueDate), state: l.state,
    quota: l.department.quotas.find((q) => q.year === l.phase.year)?.quota ?? 0,
    justification: l.justification, submittedOn: l.submittedOn ? iso(l.submittedOn) : null, round: l.round,
    candidates: l.candidates.map((c) => ({
      id: c.id, cadreId: c.cadreId, cadreCode: c.cadre.code, employmentType: c.cadre.employmentType, state: c.state, holdsCadre: holdsOf.get(c.id)!,
      kind: c.kind, field: c.field, assessmentReason: c.assessmentReason, decisionReason: c.decisionReason,
      conclusion: c.conclusion?.number ?? null, conclusionDate: c.conclusion ? iso(c.conclusion.date) : null,
    })),
  }));
  const auditRows = await db.auditLog.findMany({ where: { entityType: { in: ['secondment_phase', 'secondment_list', 'secondment_candidate'] } }, orderBy: { id: 'asc' } });
  const users = new Map((await db.user.findMany()).map((u) => [u.id, u.username]));
  audits = auditRows.map((a) => ({
    action: a.action, entityType: a.entityType, entityId: a.entityId ?? '', actorName: a.actorName, actorRole: a.actorRole,
    username: a.actorId === null ? null : users.get(a.actorId) ?? null, at: a.at, after: a.after as Record<string, unknown>,
  }));
  secondments = (await db.secondment.findMany({ include: { commune: true, position: true, department: true } })).map((s) => ({
    candidateId: s.candidateId, cadreId: s.cadreId, department: s.department.code, commune: s.commune.code, position: s.position.code,
    positionField: s.position.field, startDate: iso(s.startDate), endDate: iso(s.endDate),
  }));
});
afterAll(() => db.$disconnect());

const snvPhase1 = () => lists.find((l) => l.department === 'SNV' && l.phase === 1)!;
const timeline = (entityType: string, id: number) => audits.filter((a) => a.entityType === entityType && a.entityId === String(id));
const communeFigures = (code: string) => staffing.communes.find((c) => c.code === code)!;

describe('Department of Home Affairs, phase 1 of 2025', () => {
  test('phase 1 is due 10/09/2025; Conclusion 599-KL/TU is dated 19/09/2025', async () => {
    expect(snvPhase1()).toMatchObject({ year: 2025, phase: 1, dueDate: '2025-09-10', state: 'decided', round: 1 });
    const conclusion = await db.conclusion.findFirstOrThrow({ where: { number: '599-KL/TU' } });
    expect(iso(conclusion.date)).toBe('2025-09-19');
  });

  test('29 listed from its own staff, 22 meet the standards, 7 do not (each with a reason)', async () => {
    const list = snvPhase1();
    expect(list.candidates).toHaveLength(29);
    const own = await db.assignment.findMany({
      where: { cadreId: { in: list.candidates.map((c) => c.cadreId) }, isPrimary: true, endDate: null, department: { code: 'SNV' } },
    });
    expect(own).toHaveLength(29);
    expect(list.candidates.every((c) => c.employmentType === 'civil_servant' || c.employmentType === 'cadre')).toBe(true);
    const notMeeting = list.candidates.filter((c) => c.state === 'does_not_meet');
    expect(notMeeting).toHaveLength(7);
    for (const c of notMeeting) expect(c.assessmentReason?.trim().length).toBeGreaterThan(10);
  });

  test('all 22 approved by Conclusion 599-KL/TU; some placed, the rest awaiting placement', () => {
    const approved = snvPhase1().candidates.filter((c) => c.conclusion === '599-KL/TU');
    expect(approved).toHaveLength(22);
    expect(approved.every((c) => c.conclusionDate === '2025-09-19' && (c.state === 'approved' || c.state === 'placed'))).toBe(true);
    const placed = approved.filter((c) => c.state === 'placed');
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(22);
  });

  test('placed in mountainous communes short of staff, Nga My and Bắc Lý included, for 36 months from 01/10/2025', () => {
    const list = snvPhase1();
    const placed = list.candidates.filter((c) => c.state === 'placed');
    const rows = secondments.filter((s) => placed.some((c) => c.id === s.candidateId));
    expect(rows).toHaveLength(placed.length);
    for (const s of rows) {
      const commune = communeFigures(s.commune);
      expect(commune.mountainous).toBe(true);
      expect(commune.total.difference).toBeLessThan(0);
      expect(s).toMatchObject({ department: 'SNV', startDate: '2025-10-01', endDate: '2028-09-30' });
      const candidate = placed.find((c) => c.id === s.candidateId)!;
      expect(['secondment', 'reinforcement']).toContain(candidate.kind);
      expect(candidate.field).toBe(s.positionField);
    }
    expect(rows.map((s) => s.commune)).toEqual(expect.arrayContaining(['NA113', 'NA042']));
    // Where a named commune lacks a key post, the secondee covers one of its vacant posts (docs/domain.md, Published figures).
    for (const code of ['NA113', 'NA042']) {
      const vacant = communeFigures(code).keyPositions.filter((k) => k.vacancies > 0).map((k) => k.positionCode);
      const keyPlacements = rows.filter((s) => s.commune === code && communeFigures(code).keyPositions.some((k) => k.positionCode === s.position));
      expect(keyPlacements.length).toBeGreaterThan(0);
      for (const s of keyPlacements) expect(vacant).toContain(s.position);
    }
  });

  test('secondees stay on their department staff: no commune assignment, the published figures unchanged', async () => {
    const cadreIds = secondments.map((s) => s.cadreId);
    expect(await db.assignment.count({ where: { cadreId: { in: cadreIds }, communeId: { not: null } } })).toBe(0);
    expect(await db.assignment.count({ where: { cadreId: { in: cadreIds }, departmentId: { not: null }, isPrimary: true, endDate: null } })).toBe(cadreIds.length);
    expect(communeFigures('NA113').total).toEqual({ quota: 61, headcount: 44, difference: -17 });
    expect(communeFigures('NA042').total).toEqual({ quota: 43, headcount: 28, difference: -15 });
    expect(staffing.total.total).toEqual({ quota: 7988, headcount: 8635, difference: 647 });
  });
});

describe('other departments, every state', () => {
  test('every list state is present, with candidates of every kind, some with a preferred commune', async () => {
    expect(new Set(lists.map((l) => l.state))).toEqual(new Set(LIST_STATES));
    expect(new Set(lists.flatMap((l) => l.candidates.map((c) => c.kind)))).toEqual(new Set(['secondment', 'assignment', 'reinforcement']));
    expect(await db.secondmentCandidate.count({ where: { preferredCommuneId: { not: null } } })).toBeGreaterThan(0);
    expect(new Set(lists.map((l) => l.department)).size).toBeGreaterThanOrEqual(8);
    const states = new Set(lists.flatMap((l) => l.candidates.map((c) => c.state)));
    for (const s of ['proposed', 'meets', 'does_not_meet', 'forwarded', 'approved', 'declined', 'placed'] as const) expect(states).toContain(s);
  });

  test('a list submitted below its 5% minimum carries a written justification; lists at or above it carry none', () => {
    const counted = (l: List) => {
      const cadres = new Set<number>();
      for (const other of lists) {
        if (other.department !== l.department || other.year !== l.year || !COUNTING_LIST_STATES.includes(other.state) || other.phase > l.phase) continue;
        for (const c of other.candidates) if (c.employmentType === 'cadre' || c.employmentType === 'civil_servant') cadres.add(c.cadreId);
      }
      return cadres.size;
    };
    const submitted = lists.filter((l) => COUNTING_LIST_STATES.includes(l.state));
    const below = submitted.filter((l) => counted(l) < minimumListSize(l.quota));
    expect(below.length).toBeGreaterThanOrEqual(1);
    for (const l of below) expect(l.justification?.trim().length).toBeGreaterThan(20);
    for (const l of submitted.filter((x) => !below.includes(x))) expect(l.justification).toBeNull();
  });

  test('overdue lists exist on 10/11/2025 (not submitted after the due date), and lists not yet due', () => {
    expect(lists.filter((l) => isOverdue(l.state, l.dueDate, TODAY)).length).toBeGreaterThanOrEqual(1);
    expect(lists.some((l) => l.dueDate > TODAY)).toBe(true);
  });

  test('a returned list keeps the history of its rounds, each return with a comment', () => {
    const returned = lists.filter((l) => l.state === 'returned');
    expect(returned.length).toBeGreaterThan(0);
    expect(returned.some((l) => l.round >= 2)).toBe(true);
    for (const l of returned) {
      const rows = timeline('secondment_list', l.id);
      expect(rows.filter((a) => a.action === 'secondment.list.submit')).toHaveLength(l.round);
      const returns = rows.filter((a) => a.action === 'secondment.list.return');
      expect(returns).toHaveLength(l.round);
      for (const r of returns) expect(String(r.after.comment ?? '').length).toBeGreaterThan(10);
    }
  });
});

describe('consistency with the state machines', () => {
  test("the database's holding (secondment_candidate_holds) is holdsCadre(state, listState) for every candidate; one holding row per cadre", () => {
    for (const l of lists) for (const c of l.candidates) expect({ id: c.id, holds: c.holdsCadre }).toEqual({ id: c.id, holds: holdsCadre(c.state, l.state) });
    const holding = lists.flatMap((l) => l.candidates.filter((c) => c.holdsCadre).map((c) => c.cadreId));
    expect(new Set(holding).size).toBe(holding.length);
  });

  test('submitted lists have their date and round; drafts none; approvals carry the Conclusion, declines a reason', () => {
    for (const l of lists) {
      if (l.state === 'draft') expect({ submittedOn: l.submittedOn, round: l.round }).toEqual({ submittedOn: null, round: 0 });
      else expect(l.submittedOn !== null && l.round >= 1).toBe(true);
      for (const c of l.candidates) {
        expect(c.conclusion !== null).toBe(['approved', 'placed', 'ended'].includes(c.state));
        if (c.state === 'declined') expect(c.decisionReason).toBeTruthy();
        if (['forwarded', 'approved', 'declined', 'placed'].includes(c.state)) expect(['forwarded', 'decided']).toContain(l.state);
      }
      if (l.state === 'decided') expect(l.candidates.some((c) => c.state === 'forwarded')).toBe(false);
    }
  });
});

describe('the timeline (audit_log)', () => {
  test('every list and candidate has a timeline whose last step reaches its current state', () => {
    for (const l of lists) {
      const rows = timeline('secondment_list', l.id);
      expect(rows[0]).toMatchObject({ action: 'secondment.list.create', after: { to: 'draft', phase: `${l.phase}/${l.year}` } });
      expect(rows.at(-1)!.after.to).toBe(l.state);
      for (let i = 1; i < rows.length; i++) expect(rows[i].after.from).toBe(rows[i - 1].after.to);
      for (const c of l.candidates) {
        const steps = timeline('secondment_candidate', c.id);
        expect(steps[0]).toMatchObject({ action: 'secondment.candidate.propose', after: { to: 'proposed', cadre: c.cadreCode } });
        expect(steps.at(-1)!.after.to).toBe(c.state);
        for (let i = 1; i < steps.length; i++) expect(steps[i].after.from).toBe(steps[i - 1].after.to);
      }
    }
  });

  test('the Home Affairs story, by its actors and on its dates', () => {
    const list = snvPhase1();
    const day = (a: Audit) => new Date(a.at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const rows = timeline('secondment_list', list.id);
    expect(rows.map((a) => [a.action, a.username])).toEqual([
      ['secondment.list.create', 'so.noivu'],
      ['secondment.list.submit', 'so.noivu'],
      ['secondment.list.forward', 'bantochuc'],
      ['secondment.list.approve', 'thuongtruc'],
    ]);
    expect(day(rows.find((a) => a.action === 'secondment.list.submit')!) <= list.dueDate).toBe(true);
    expect(rows.at(-1)!.after).toMatchObject({ to: 'decided', conclusion: { number: '599-KL/TU', date: '2025-09-19' }, candidates: 22 });
    expect(day(rows.at(-1)!)).toBe('2025-09-19');
    const candidateRows = list.candidates.flatMap((c) => timeline('secondment_candidate', c.id));
    const byAction = (action: string) => candidateRows.filter((a) => a.action === action);
    expect(byAction('secondment.candidate.assess')).toHaveLength(29);
    expect(byAction('secondment.candidate.assess').every((a) => a.username === 'bantochuc')).toBe(true);
    expect(byAction('secondment.candidate.approve')).toHaveLength(22);
    for (const a of byAction('secondment.candidate.approve')) {
      expect(a.username).toBe('thuongtruc');
      expect(a.after).toMatchObject({ conclusion: { number: '599-KL/TU', date: '2025-09-19' } });
      expect(day(a)).toBe('2025-09-19');
    }
    const places = byAction('secondment.candidate.place');
    expect(places).toHaveLength(list.candidates.filter((c) => c.state === 'placed').length);
    for (const a of places) expect(a).toMatchObject({ username: 'noivu', after: { startDate: '2025-10-01', endDate: '2028-09-30' } });
    for (const a of byAction('secondment.candidate.assess').filter((x) => x.after.to === 'does_not_meet')) expect(a.after.comment).toBeTruthy();
  });

  test('every transition of every list and candidate is audited', () => {
    const actions = (entityType: string, id: number) => timeline(entityType, id).map((a) => a.action);
    for (const l of lists) {
      const own = actions('secondment_list', l.id);
      if (l.state !== 'draft') expect(own).toContain('secondment.list.submit');
      if (l.state === 'forwarded' || l.state === 'decided') expect(own).toContain('secondment.list.forward');
      if (l.state === 'decided') expect(own.some((a) => a === 'secondment.list.approve' || a === 'secondment.list.decline')).toBe(true);
      for (const c of l.candidates) {
        const steps = actions('secondment_candidate', c.id);
        if (c.state !== 'proposed') expect(steps).toContain('secondment.candidate.assess');
        if (['approved', 'placed'].includes(c.state)) expect(steps).toContain('secondment.candidate.approve');
        if (c.state === 'declined') expect(steps).toContain('secondment.candidate.decline');
        if (c.state === 'placed') expect(steps).toContain('secondment.candidate.place');
      }
    }
    expect(audits.filter((a) => a.action === 'secondment.phase.create').length).toBe(2);
  });
});

describe('seeding', () => {
  test('a second run adds nothing', async () => {
    // It finds the story and returns before writing anything (the shared database is read-only by convention).
    const count = async () => (await db.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT (SELECT count(*) FROM secondment_phase) + (SELECT count(*) FROM secondment_list) + (SELECT count(*) FROM secondment_candidate)
            + (SELECT count(*) FROM secondment) + (SELECT count(*) FROM audit_log) AS n`))[0].n;
    const before = await count();
    expect(await seedDemoSecondments(db)).toBe(false);
    expect(await count()).toBe(before);
  });
});
