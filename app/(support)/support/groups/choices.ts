import 'server-only';
import { db } from '@/lib/db/client';
import { listGroupCandidates, listProblemGroups } from '@/lib/db/support-queries';

/** What the working group form offers: the province's departments, users (not the administrator), communes and problem groups. */
export async function workingGroupChoices(provinceId: number, locale: string) {
  const [departments, users, communes, problems] = await Promise.all([
    db().department.findMany({ where: { provinceId }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    listGroupCandidates(db(), provinceId),
    db().commune.findMany({ where: { provinceId }, select: { id: true, name: true, oldDistrict: { select: { name: true } } }, orderBy: [{ name: 'asc' }, { id: 'asc' }] }),
    listProblemGroups(db(), provinceId),
  ]);
  return {
    departments,
    users,
    communes: communes.map((c) => ({ id: c.id, name: c.name, oldDistrict: c.oldDistrict.name })),
    problems: problems.map((p) => ({ id: p.id, name: locale === 'en' ? p.nameEn : p.nameVi })),
  };
}
