import { describe, expect, test } from 'vitest';
import { centuryGenderDigit, checkNationalId, NATIONAL_ID_PROVINCE_CODES, nationalIdProblemParams } from '@/lib/domain/national-id';
import { checkDossierFields, isPartyMemberWith } from '@/lib/domain/dossier';
import { isRankCode, isSalaryCoefficient, isSalaryStep, parseSalaryCoefficient, rankNameKey } from '@/lib/domain/civil-service-rank';

// The personal ID rule (lib/domain/national-id.ts; docs/decisions/037-the-personnel-dossier.md): 12 digits, a
// birth-registration province code, the century-and-gender digit, the birth year's last two digits.

const man1985 = { gender: 'male' as const, birthDate: '1985-04-12' };
const woman1985 = { gender: 'female' as const, birthDate: '1985-04-12' };

describe('a valid personal ID', () => {
  test.each([
    ['a man born in 1985 in Nghệ An', '040085000123', man1985],
    ['a woman born in 1985 in Hà Nội', '001185999999', woman1985],
    ['a man born in 2001 in Hà Tĩnh', '042201000001', { gender: 'male' as const, birthDate: '2001-12-31' }],
    ['a woman born in 2000 in Thanh Hóa', '038300123456', { gender: 'female' as const, birthDate: '2000-01-01' }],
    ['the last code of the list (096)', '096085000001', man1985],
  ])('%s', (_label, id, holder) => {
    expect(checkNationalId(id, holder)).toBeNull();
  });
});

describe('every century digit', () => {
  test.each([
    [1899, 'male', 8], [1899, 'female', 9],
    [1900, 'male', 0], [1999, 'female', 1],
    [2000, 'male', 2], [2099, 'female', 3],
    [2100, 'male', 4], [2150, 'female', 5],
    [2200, 'male', 6], [2299, 'female', 7],
  ] as const)('born %i, %s: digit %i, and the ID with it is valid while every other digit is a century/gender mismatch', (year, gender, digit) => {
    expect(centuryGenderDigit(gender, year)).toBe(digit);
    const holder = { gender, birthDate: `${year}-06-15` };
    const yy = String(year % 100).padStart(2, '0');
    for (let d = 0; d <= 9; d++) {
      expect(checkNationalId(`040${d}${yy}000777`, holder)).toBe(d === digit ? null : 'centuryGender');
    }
  });

  test('no digit for a birth year outside 1800–2299: always a century/gender mismatch', () => {
    expect(centuryGenderDigit('male', 1799)).toBeNull();
    expect(centuryGenderDigit('female', 2300)).toBeNull();
    expect(checkNationalId('040099000001', { gender: 'male', birthDate: '1799-01-01' })).toBe('centuryGender');
  });
});

describe('each kind of problem', () => {
  test.each([
    ['11 digits', '04008500012', 'format'],
    ['13 digits', '0400850001234', 'format'],
    ['a letter', '04008500012A', 'format'],
    ['spaces around', ' 040085000123', 'format'],
    ['empty', '', 'format'],
    ['a province code not in use (003)', '003085000123', 'province'],
    ['a province code not in use (097)', '097085000123', 'province'],
    ['000', '000085000123', 'province'],
    ['the female digit for a man', '040185000123', 'centuryGender'],
    ['the 2000s digit for a man born in 1985', '040285000123', 'centuryGender'],
    ['another birth year', '040086000123', 'birthYear'],
    ['the birth year of another century (19xx written 20xx)', '040005000123', 'birthYear'],
  ])('%s', (_label, id, problem) => {
    expect(checkNationalId(id, man1985)).toBe(problem);
  });

  test('problems come in order: format before province before century before year', () => {
    expect(checkNationalId('003185000123', man1985)).toBe('province');
    expect(checkNationalId('040186000123', man1985)).toBe('centuryGender');
  });

  test('the message parameters say which digits were expected', () => {
    expect(nationalIdProblemParams('040185000123', woman1985)).toEqual({ id: '040185000123', year: '85', digit: '1' });
    expect(nationalIdProblemParams('040105000123', { gender: 'male', birthDate: '2005-01-01' })).toEqual({ id: '040105000123', year: '05', digit: '2' });
  });

  test('the list of province codes has the 63 codes of the SQL function', () => {
    expect(NATIONAL_ID_PROVINCE_CODES.size).toBe(63);
    expect(NATIONAL_ID_PROVINCE_CODES.has('040')).toBe(true);
  });
});

describe('the dossier fields', () => {
  test('a Party joining date makes a member; no date keeps what was stated', () => {
    expect(isPartyMemberWith(false, '2010-01-01')).toBe(true);
    expect(isPartyMemberWith(true, null)).toBe(true);
    expect(isPartyMemberWith(false, null)).toBe(false);
  });

  const none = { nationalId: null, partyJoinDate: null, partyOfficialDate: null, salaryEffectiveOn: null };
  test.each([
    ['nothing given', {}, []],
    ['a wrong ID', { nationalId: '040185000123' }, ['nationalId:nationalId.problems.centuryGender']],
    ['joined before birth', { partyJoinDate: '1980-01-01' }, ['partyJoinDate:dossier.errors.partyJoinDate']],
    ['joined in the future', { partyJoinDate: '2026-01-01' }, ['partyJoinDate:dossier.errors.partyJoinDate']],
    ['official without joining', { partyOfficialDate: '2010-01-01' }, ['partyOfficialDate:dossier.errors.partyOfficialWithoutJoin']],
    ['official before joining', { partyJoinDate: '2010-01-01', partyOfficialDate: '2009-12-31' }, ['partyOfficialDate:dossier.errors.partyOfficialDate']],
    ['official a year after joining', { partyJoinDate: '2010-01-01', partyOfficialDate: '2011-01-01' }, []],
    ['a salary effective before birth', { salaryEffectiveOn: '1985-04-12' }, ['salaryEffectiveOn:dossier.errors.salaryEffectiveOn']],
  ])('%s', (_label, fields, expected) => {
    const problems = checkDossierFields({ ...none, ...fields }, man1985, '2025-11-10');
    expect(problems.map((p) => `${p.field}:${p.key}`)).toEqual(expected);
  });
});

describe('rank and salary', () => {
  test.each([['01.003', true], ['06.031', true], ['13.095', true], ['1.003', false], ['01.0031', false], ['01-003', false], ['01.003a', false], ['', false]])('rank code %j: %s', (code, valid) => {
    expect(isRankCode(code)).toBe(valid);
  });
  test('known ranks have a name; a well-formed unlisted code is shown by its code', () => {
    expect(rankNameKey('01.003')).toBe('dossier.ranks.01_003');
    expect(rankNameKey('99.999')).toBeNull();
  });
  test.each([[1, true], [20, true], [0, false], [21, false], [2.5, false]])('salary step %s: %s', (step, valid) => {
    expect(isSalaryStep(step)).toBe(valid);
  });
  test.each([['2,34', 2.34], ['2.34', 2.34], ['3', 3], ['20', 20], ['0', null], ['20.01', null], ['2.345', null], ['-1', null], ['abc', null]])('coefficient %j → %s', (text, value) => {
    expect(parseSalaryCoefficient(text)).toBe(value);
  });
  test.each([[2.34, true], [20, true], [0, false], [20.01, false], [2.345, false], [Number.NaN, false]])('coefficient cell %s: %s', (value, valid) => {
    expect(isSalaryCoefficient(value)).toBe(valid);
  });
});
