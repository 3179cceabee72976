import type { Role } from '@/lib/auth/roles';
import type { AuditEvent } from '@/lib/audit/events';
import type { Db } from '@/lib/db/prisma';
import { confirmRound, insertRating, lockRound } from '@/lib/db/rating-mutations';
import { listRatingSubjects, ratingSettings } from '@/lib/db/rating-queries';
import { RATING_PERMISSION, confirmRoundProblem, countLevels, scoreBand, type RatingGroup, type RatingLevel } from '@/lib/domain/ratings';
import { createRandom, type Random } from './random';
import { StoryReplay, type StoryActor } from './replay';
import { storyClock } from './story-time';

// The demo's annual ratings (docs/decisions/040-annual-ratings.md), replayed through the application's mutations and
// audit events on the story's clock (lib/demo/replay.ts): the 2025 ratings of the communes of the first old district,
// both groups, confirmed in mid-December 2025 (the chairmen their civil servants, the Organizing Committee the
// cadres), a few rated "not completed" (the Decree 154/2025 list); and the 2026 civil servants' rounds of three
// communes of the second old district in progress (half rated, with Decree 335/2025 scores). The communes the
// published figures name are left alone, so the end-to-end journeys rate them from nothing. Ratings move no figure.

const NAMED = new Set(['Nga My', 'Bắc Lý', 'Hoa Quân', 'Keng Đu', 'Đông Hiếu', 'Văn Kiều', 'Tam Thái', 'Mường Xén', 'Tiên Đồng', 'Tương Dương', 'Hưng Nguyên', 'Quế Phong']);

type Commune = { id: number; code: string; name: string };

/** Levels for `n` people within the 20% rule: about one in seven excellent (never more than a fifth of the good), a tenth completed. */
function levelsFor(random: Random, n: number, notCompleted: number): RatingLevel[] {
  const completed = Math.floor(n / 10);
  let excellent = Math.floor(n / 7);
  while (excellent > 0 && excellent * 5 > n - excellent - completed - notCompleted) excellent -= 1;
  const good = n - excellent - completed - notCompleted;
  const levels: RatingLevel[] = [
    ...Array<RatingLevel>(excellent).fill('excellent'), ...Array<RatingLevel>(Math.max(0, good)).fill('good'),
    ...Array<RatingLevel>(completed).fill('completed'), ...Array<RatingLevel>(notCompleted).fill('not_completed'),
  ];
  return random.shuffle(levels).slice(0, n);
}

/** A score within the level's Decree 335/2025 band (two decimals). */
function scoreFor(random: Random, level: RatingLevel): number {
  const [low, high] = { excellent: [90, 98], good: [70, 89.5], completed: [50, 69.5], not_completed: [30, 49.5] }[level];
  const score = Math.round((low + random.next() * (high - low)) * 2) / 2;
  if (scoreBand(score) !== level) throw new Error(`demo ratings: score ${score} is not in the band of ${level}`);
  return score;
}

class RatingReplay extends StoryReplay {
  constructor(db: Db, provinceId: number, private readonly organizing: StoryActor, private readonly bodies: ReadonlyMap<string, string>) {
    super(db, provinceId);
  }

  private chairman(commune: Commune): StoryActor {
    return { id: null, name: `Chủ tịch UBND ${commune.name}`, role: 'commune_chairman' };
  }

  /** One sitting: the round's people rated one after the other (`levels[i]` for the i-th), then, when `confirm`, the round confirmed. */
  async rateRound(commune: Commune, year: number, group: RatingGroup, random: Random, options: { share: number; notCompleted: number; scores: boolean; day: string; confirm: boolean }) {
    const actor = group === 'civil_servant' ? this.chairman(commune) : this.organizing;
    this.allow(actor, RATING_PERMISSION[group], `rate ${commune.code} ${year}`);
    const settings = await ratingSettings(this.db, this.provinceId, year);
    const people = (await listRatingSubjects(this.db, this.provinceId, year, commune.id)).filter((s) => s.group === group && s.monthsWorked >= settings.minMonths);
    if (people.length === 0) return;
    const levels = levelsFor(random, people.length, options.notCompleted);
    const rated = people.slice(0, Math.round(people.length * options.share));
    const decidingBody = this.bodies.get(group === 'civil_servant' ? `UBND_${commune.code}` : 'BTVTU') ?? null;
    await this.transaction(`ratings ${commune.code} ${year} ${group}`, options.day, async (tx) => {
      const round = await lockRound(tx, { provinceId: this.provinceId, communeId: commune.id, year, group, at: storyClock(`${options.day}T08:00`).at });
      for (const [i, person] of rated.entries()) {
        const clock = storyClock(`${options.day}T${String(8 + Math.floor(i / 30)).padStart(2, '0')}:${String((i * 2) % 60).padStart(2, '0')}`);
        const level = levels[i];
        const score = options.scores ? scoreFor(random, level) : null;
        const created = await insertRating(tx, { roundId: round.id, cadreId: person.cadreId, year, level, score, belowBandReason: null, decidingBody, at: clock.at });
        const event: AuditEvent = {
          action: 'rating.record', entityId: created.id,
          after: { cadre: person.code, year, communeCode: commune.code, group, level, score, belowBandReason: null, decidingBody, version: created.version },
        };
        await this.audit(tx, actor, event, clock);
      }
      if (!options.confirm) return;
      const counts = countLevels(rated.map((_, i) => levels[i]));
      const problem = confirmRoundProblem({ state: 'draft', unrated: people.length - rated.length, counts, percent: settings.percent, reason: null });
      if (problem) throw new Error(`demo ratings: ${commune.code} ${year} ${group} cannot be confirmed (${problem.key})`);
      const clock = storyClock(`${options.day}T16:30`);
      const version = (await tx.ratingRound.findUniqueOrThrow({ where: { id: round.id }, select: { version: true } })).version;
      await confirmRound(tx, { roundId: round.id, version, overLimitReason: null, confirmedById: actor.id, at: clock.at });
      await this.audit(tx, actor, {
        action: 'rating.confirmRound', entityId: round.id,
        before: { communeCode: commune.code, year, group, state: 'draft', version },
        after: {
          communeCode: commune.code, year, group, state: 'confirmed', excellent: counts.excellent, good: counts.good, completed: counts.completed,
          notCompleted: counts.not_completed, percent: settings.percent, overLimitReason: null,
        },
      }, clock);
    });
  }
}

/** Replays the demo's ratings once (nothing when the province has any rating round already). */
export async function seedDemoRatings(db: Db, provinceCode = 'NA'): Promise<boolean> {
  const province = await db.province.findUnique({ where: { code: provinceCode }, select: { id: true } });
  if (!province) return false;
  if (await db.ratingRound.findFirst({ where: { provinceId: province.id }, select: { id: true } })) return false;
  const organizing = await db.user.findFirst({ where: { provinceId: province.id, username: 'bantochuc' }, select: { id: true, displayName: true, role: true } });
  if (!organizing) return false;
  const bodies = await db.issuingBody.findMany({ where: { provinceId: province.id }, select: { code: true, name: true } });
  const replay = new RatingReplay(db, province.id, { id: organizing.id, name: organizing.displayName, role: organizing.role as Role }, new Map(bodies.map((b) => [b.code, b.name])));
  const districts = await db.oldDistrict.findMany({ where: { provinceId: province.id }, orderBy: { code: 'asc' }, take: 2, select: { id: true } });
  const communesOf = async (districtId: number) =>
    (await db.commune.findMany({ where: { oldDistrictId: districtId }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } })).filter((c) => !NAMED.has(c.name));
  const random = createRandom(40_2025);
  if (districts[0]) {
    for (const [i, commune] of (await communesOf(districts[0].id)).entries()) {
      const day = `2025-12-${String(10 + (i % 5)).padStart(2, '0')}`;
      await replay.rateRound(commune, 2025, 'civil_servant', random.fork(`${commune.code}-cs`), { share: 1, notCompleted: i % 3 === 0 ? 1 : 0, scores: false, day, confirm: true });
      await replay.rateRound(commune, 2025, 'cadre', random.fork(`${commune.code}-c`), { share: 1, notCompleted: 0, scores: false, day: '2025-12-16', confirm: true });
    }
  }
  if (districts[1]) {
    for (const commune of (await communesOf(districts[1].id)).slice(0, 3)) {
      await replay.rateRound(commune, 2026, 'civil_servant', random.fork(`${commune.code}-2026`), { share: 0.5, notCompleted: 0, scores: true, day: '2026-12-04', confirm: false });
    }
  }
  return true;
}
