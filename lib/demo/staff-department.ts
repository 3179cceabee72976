import type { Ethnicity } from './names';
import { addDays, type Home } from './people';
import type { Random } from './random';
import type { StaffSink } from './staff-commune';
import type { DepartmentQuotaRow, DepartmentRow, Education, PoliticalTheory } from './types';

export type DepartmentPlan = { department: DepartmentRow; quota: number; homes: readonly Home[]; ethnicMix: readonly (readonly [Ethnicity, number])[] };

const EDUCATION: readonly (readonly [Education, number])[] = [['university', 55], ['master', 40], ['doctorate', 5]];

function countDaysBetween(from: string, to: string) {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** The first day someone could have joined: after graduating (at 22) and not before 2005. */
function findEarliestStart(birthDate: string) {
  const graduated = `${Number(birthDate.slice(0, 4)) + 22}${birthDate.slice(4)}`;
  return graduated > '2005-01-01' ? graduated : '2005-01-01';
}

/**
 * Department staff: civil servants a few below the quota (their primary post is in the department, long
 * before the reform) and some public employees. Some moved from another department earlier.
 */
export function addDepartmentStaff(sink: StaffSink, plan: DepartmentPlan, otherDepartmentCodes: readonly string[]): void {
  const { random, people } = sink;
  const civilServants = Math.max(1, plan.quota - random.int(1, 6));
  const divisionHeads = Math.max(3, Math.round(plan.quota / 12));
  const publicEmployees = random.int(3, 12);
  for (let i = 0; i < civilServants + publicEmployees; i++) {
    const isPublicEmployee = i >= civilServants;
    const position = isPublicEmployee ? 'DEPT_PUBLIC_EMPLOYEE'
      : i === 0 ? 'DEPT_DIRECTOR' : i <= 3 ? 'DEPT_DEPUTY_DIRECTOR' : i <= 3 + divisionHeads ? 'DEPT_HEAD_OF_DIVISION' : 'DEPT_SPECIALIST';
    const isLeader = position === 'DEPT_DIRECTOR' || position === 'DEPT_DEPUTY_DIRECTOR';
    const theory: PoliticalTheory = isLeader ? 'advanced' : random.pickWeighted([['intermediate', 5], ['elementary', 3], ['advanced', 1], ['none', 1]]);
    const cadre = people.create({
      femaleShare: 0.45,
      age: isLeader ? [42, 59] : [24, 60],
      ethnicity: random.pickWeighted(plan.ethnicMix),
      employmentType: isPublicEmployee ? 'public_employee' : 'civil_servant',
      field: random.pick(['administration', 'economy', 'accounting', 'justice', 'it_digital', 'land', 'construction', 'agriculture',
        'culture_society', 'education', 'health', 'party_work']),
      politicalTheory: theory,
      isPartyMember: isLeader || random.chance(0.75),
      education: random.pickWeighted(EDUCATION),
      home: random.pick(plan.homes),
    });
    sink.cadres.push(cadre);
    const earliest = findEarliestStart(cadre.birthDate);
    const start = addDays(earliest, random.int(0, Math.max(0, countDaysBetween(earliest, '2025-06-30'))));
    const base = { cadreCode: cadre.code, communeCode: null, positionCode: position, isPrimary: true };
    const earlier = addDays(start, -random.int(400, 2500));
    if (random.chance(0.1) && otherDepartmentCodes.length > 0 && earlier >= earliest) {
      sink.assignments.push({ ...base, departmentCode: random.pick(otherDepartmentCodes), positionCode: 'DEPT_SPECIALIST', startDate: earlier, endDate: addDays(start, -1) });
    }
    sink.assignments.push({ ...base, departmentCode: plan.department.code, startDate: start, endDate: null });
  }
}

/** 2025 quotas, and 2024 ones a little larger (before the 2025 streamlining) to exercise "latest year". */
export function buildDepartmentQuotas(code: string, quota2025: number): DepartmentQuotaRow[] {
  return [
    { departmentCode: code, year: 2024, quota: Math.round(quota2025 * 1.08) },
    { departmentCode: code, year: 2025, quota: quota2025 },
  ];
}
