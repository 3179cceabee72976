import { describe, expect, test } from 'vitest';
import type { ShortProfile } from '@/lib/db/people-profile-queries';
import { formatDate } from '@/lib/domain/format';
import { shortProfileLine, shortProfileLines, shortProfileParts } from '@/lib/i18n/short-profile';
import { translatorFor } from '@/lib/i18n/translator';

// The short profile's texts from the real catalogues (docs/decisions/039-completeness-search-personal-history.md):
// Vietnamese first, dates dd/MM/yyyy, the past retirement and a missing post flagged.

const vi = translatorFor('vi');
const en = translatorFor('en');

const base: ShortProfile = {
  cadreId: 7, code: 'CB007703', fullName: 'Nguyễn Văn An', age: 45, education: 'university', field: 'accounting',
  postStart: '2022-03-01', yearsInPost: 3, retirementDate: '2042-05-31', isPastRetirement: false,
};

describe('shortProfileParts', () => {
  test.each<[string, Partial<ShortProfile>, string]>([
    ['a person in post', {}, '45 tuổi · 3 năm ở vị trí hiện tại · Đại học, Tài chính – Kế toán · nghỉ hưu 31/05/2042'],
    ['under a year in the post', { yearsInPost: 0 }, '45 tuổi · dưới 1 năm ở vị trí hiện tại · Đại học, Tài chính – Kế toán · nghỉ hưu 31/05/2042'],
    ['no primary post at the date', { postStart: null, yearsInPost: null }, '45 tuổi · chưa có vị trí chính · Đại học, Tài chính – Kế toán · nghỉ hưu 31/05/2042'],
    ['no field recorded', { field: null, education: 'master' }, '45 tuổi · 3 năm ở vị trí hiện tại · Thạc sĩ, chưa ghi chuyên ngành · nghỉ hưu 31/05/2042'],
    ['an imported field that is no catalogue code', { field: 'Nông nghiệp' }, '45 tuổi · 3 năm ở vị trí hiện tại · Đại học, Nông nghiệp · nghỉ hưu 31/05/2042'],
    ['past the retirement date', { age: 62, retirementDate: '2025-04-30', isPastRetirement: true }, '62 tuổi · 3 năm ở vị trí hiện tại · Đại học, Tài chính – Kế toán · đã đến tuổi nghỉ hưu (30/04/2025)'],
  ])('%s (Vietnamese)', (_label, change, expected) => {
    expect(shortProfileLine({ ...base, ...change }, vi, formatDate)).toBe(expected);
  });

  test('English keeps the dates dd/MM/yyyy and says one year in the singular', () => {
    expect(shortProfileLine({ ...base, yearsInPost: 1 }, en, formatDate)).toBe('45 years old · 1 year in the current post · University, Accounting and finance · retires 31/05/2042');
  });

  test('only a missing post and a passed retirement date are warnings; the name and code are not parts', () => {
    const flags = (profile: ShortProfile) => shortProfileParts(profile, vi, formatDate).map((part) => [part.key, part.isWarning]);
    expect(flags(base)).toEqual([['age', false], ['post', false], ['schooling', false], ['retirement', false]]);
    expect(flags({ ...base, postStart: null, yearsInPost: null, isPastRetirement: true })).toEqual([['age', false], ['post', true], ['schooling', false], ['retirement', true]]);
    expect(shortProfileLine(base, vi, formatDate)).not.toContain(base.code);
  });

  test('the lookup for form choices: a line for a person read, null for one not read', () => {
    const line = shortProfileLines(new Map([[base.cadreId, base]]), vi, formatDate);
    expect(line(base.cadreId)).toBe(shortProfileLine(base, vi, formatDate));
    expect(line(8)).toBeNull();
  });
});
