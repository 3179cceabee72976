import { describe, expect, test } from 'vitest';
import { seededDatabaseOn } from '../support/database';
import { seededProvince } from '../support/factories';

// The forecast after the transfer plan's ticked moves on the demo province (docs/decisions/042-retirement-and-forecast.md):
// the forecast without the moves is the forecast itself (one reading of the scheduled changes), and with them each
// source block has one person fewer and each target block one more from the planned year on, checked here from
// the moves alone for movers who do not reach retirement within the horizon.

const TODAY = '2025-11-10';
const PLANNED = '2026-01-01';
const YEARS = 5;
const database = seededDatabaseOn(TODAY);

const { loadProposalData, runPlan, matchOldDistrict } = await import('@/lib/db/proposal-queries');
const { getForecast, getForecastWithMoves } = await import('@/lib/db/forecast-queries');
const { toForecastMoves } = await import('@/lib/domain/plan-selection');

describe('getForecastWithMoves', () => {
  test('without the moves: the forecast; with them: source −1, target +1 per move from the planned year; other communes unchanged', async () => {
    const db = database.current.db;
    const province = await seededProvince(db);
    const district = matchOldDistrict((await loadProposalData(db, province, TODAY)).oldDistricts, 'Quỳ Hợp')!;
    const scoped = (await runPlan(db, province, TODAY, district.code))!;
    const plain = await getForecast(db, province.id, TODAY, YEARS);
    // Movers who stay below retirement age over the whole horizon (born after 1975) and have no scheduled change of
    // their own, so the check needs neither the retirement rule nor the order of exits.
    const scheduled = new Set(plain.input.changes.map((c) => c.cadreId));
    const births = new Map(
      (await db.cadre.findMany({ where: { id: { in: scoped.plan.moves.map((m) => m.cadreId) } }, select: { id: true, birthDate: true } })).map((c) => [c.id, c.birthDate]),
    );
    const moves = scoped.plan.moves.filter((m) => births.get(m.cadreId)! > new Date('1976-01-01') && !scheduled.has(m.cadreId)).slice(0, 3);
    expect(moves.length).toBeGreaterThanOrEqual(2);
    const planned = toForecastMoves(moves, scoped.data.input, PLANNED);

    const forecast = await getForecastWithMoves(db, province.id, TODAY, YEARS, planned);
    expect(forecast.without).toEqual(plain.result);
    expect(forecast.communeIds.sort()).toEqual([...new Set(planned.flatMap((m) => [m.from.communeId, m.to.communeId]))].sort());

    const expectedShift = new Map<string, number>();
    for (const m of planned) {
      expectedShift.set(`${m.from.communeId}:${m.from.block}`, (expectedShift.get(`${m.from.communeId}:${m.from.block}`) ?? 0) - 1);
      expectedShift.set(`${m.to.communeId}:${m.to.block}`, (expectedShift.get(`${m.to.communeId}:${m.to.block}`) ?? 0) + 1);
    }
    const without = new Map(forecast.without.rows.map((r) => [`${r.communeId}:${r.block}:${r.year}`, r]));
    expect(forecast.with.rows).toHaveLength(forecast.without.rows.length);
    for (const row of forecast.with.rows) {
      const before = without.get(`${row.communeId}:${row.block}:${row.year}`)!;
      const shift = row.year >= 2026 ? (expectedShift.get(`${row.communeId}:${row.block}`) ?? 0) : 0;
      expect({ key: `${row.communeId}:${row.block}:${row.year}`, headcount: row.headcount, retirements: row.retirements, quota: row.quota }).toEqual({
        key: `${row.communeId}:${row.block}:${row.year}`, headcount: before.headcount + shift, retirements: before.retirements, quota: before.quota,
      });
    }
    // The moves change something: at least one touched commune's 2026 headcount differs.
    expect(forecast.with.rows.some((r) => r.headcount !== without.get(`${r.communeId}:${r.block}:${r.year}`)!.headcount)).toBe(true);
  });
});
