import { compareVietnamese } from './vietnamese';

// Where an approved secondee is most needed (decision 011; docs/domain.md rule 4: mountainous and disadvantaged
// communes have priority). Pure: the figures come from the staffing pipeline (current difference, key vacancies)
// and from two counts in lib/db (open declared needs naming the cadre's field; placed secondments not yet ended).

export type CommuneNeed = {
  communeId: number;
  code: string;
  name: string;
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  /** Current headcount − quota (negative: short). */
  difference: number;
  /** Current key vacancies (never netted against the difference: rule 3). */
  keyVacancies: number;
  /** Places in open declared vacancies of the commune that name the cadre's field (a "specialised gap"). */
  fieldVacancies: number;
  /** Placed secondments into the commune whose range covers today or later (docs/domain.md, Counting). */
  incomingSecondments: number;
};

export type RankedCommune = CommuneNeed & {
  /** Current difference plus the incoming secondees. */
  projectedDifference: number;
  /** Short-staffed in the projection and with a key or specialised gap: the first group. */
  priorityNeed: boolean;
  /** Mountainous and/or extremely disadvantaged (0, 1 or 2). */
  hardship: number;
};

/** The projected difference: secondees count in the commune's projected headcount until they end. */
export const projectedDifference = (need: Pick<CommuneNeed, 'difference' | 'incomingSecondments'>) => need.difference + need.incomingSecondments;

/**
 * Communes in the order the placement form offers them:
 * 1. short-staffed (projected difference < 0) with a key gap or a specialised gap in the cadre's field first;
 * 2. then mountainous and extremely disadvantaged (both before one before neither);
 * 3. then the largest projected shortage first (difference ascending);
 * 4. then by name (Vietnamese collation), then code, so the same data always gives the same order.
 * The projection is used so that communes already receiving secondees do not stay on top for ever.
 */
export function rankCommunesForPlacement(communes: readonly CommuneNeed[]): RankedCommune[] {
  const ranked = communes.map((c) => {
    const projected = projectedDifference(c);
    return {
      ...c,
      projectedDifference: projected,
      priorityNeed: projected < 0 && (c.keyVacancies > 0 || c.fieldVacancies > 0),
      hardship: Number(c.mountainous) + Number(c.extremelyDisadvantaged),
    };
  });
  return ranked.sort(
    (a, b) =>
      Number(b.priorityNeed) - Number(a.priorityNeed) ||
      b.hardship - a.hardship ||
      a.projectedDifference - b.projectedDifference ||
      compareVietnamese(a.name, b.name) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
