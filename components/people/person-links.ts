import { can } from '@/lib/auth/policy';
import type { SessionUser } from '@/lib/auth/roles';

/** A person's unit as the pages know it: a commune (or ward) or a department. */
export type PersonUnitRef = { kind: 'commune' | 'ward' | 'department'; id: number; code: string } | null;

const resourceOf = (provinceId: number, unit: PersonUnitRef) =>
  unit === null ? { provinceId } : unit.kind === 'department' ? { provinceId, departmentId: unit.id } : { provinceId, communeId: unit.id };

/**
 * The person page of a commune's person, when the user may open it (the page asks `roster.edit` on the commune:
 * app/(province)/communes/[code]/manage/load.ts); null otherwise (department staff have no person page).
 */
export function personPageHref(user: SessionUser, provinceId: number, person: { code: string; unit: PersonUnitRef }): string | null {
  const unit = person.unit;
  if (!unit || unit.kind === 'department' || !can(user, 'roster.edit', resourceOf(provinceId, unit))) return null;
  return `/communes/${encodeURIComponent(unit.code)}/manage/person/${encodeURIComponent(person.code)}`;
}

/** Whether the user sees the person's personal data (the national ID, the personal history form). */
export function maySeePersonal(user: SessionUser, provinceId: number, unit: PersonUnitRef): boolean {
  return can(user, 'cadre.viewPersonal', resourceOf(provinceId, unit));
}
