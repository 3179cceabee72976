import { describe, expect, test } from 'vitest';
import { checkDepartureDate, checkRecruitmentDates, checkRecruitmentWithinQuota, nextCadreCode } from '@/lib/domain/roster';
import { DeclareVacancySchema } from '@/lib/validation/vacancy';
import { RecordDepartureSchema } from '@/lib/validation/roster';
import { birthdayAt, checkWorkingAge, isPersonName } from '@/lib/domain/people';
import { isoDate, parseFormDate } from '@/lib/validation/roster';

describe('checkRecruitmentWithinQuota (domain rule 6)', () => {
  test.each([
    { label: 'Nga My government block, 11 short: one more is fine', quota: 35, headcount: 24, adding: 1, ok: true },
    { label: 'the last free place: headcount reaches the quota exactly', quota: 10, headcount: 9, adding: 1, ok: true },
    { label: 'a full block: one more would exceed', quota: 10, headcount: 10, adding: 1, ok: false },
    { label: 'a block already over quota (Hoa Quân +7)', quota: 25, headcount: 28, adding: 1, ok: false },
    { label: 'a block without quota counts as 0', quota: 0, headcount: 0, adding: 1, ok: false },
    { label: 'two at once past the last place', quota: 10, headcount: 9, adding: 2, ok: false },
  ])('$label', ({ quota, headcount, adding, ok }) => {
    const result = checkRecruitmentWithinQuota({ quota, headcount }, adding);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.error).toBe('roster.errors.overQuota');
  });
});

describe('checkDepartureDate', () => {
  test.each([
    { label: 'today', date: '2026-11-23', start: '2025-07-01', expected: null },
    { label: 'the day the assignment started', date: '2025-07-01', start: '2025-07-01', expected: null },
    { label: 'tomorrow: a departure decided in advance is scheduled', date: '2026-11-24', start: '2025-07-01', expected: null },
    { label: 'more than a year ahead', date: '2027-11-25', start: '2025-07-01', expected: 'roster.errors.tooFarAhead' },
    { label: 'the day before the assignment started', date: '2025-06-30', start: '2025-07-01', expected: 'roster.errors.dateBeforeStart' },
    { label: 'no open assignment start to compare with', date: '2020-01-01', start: null, expected: null },
  ])('$label', ({ date, start, expected }) => {
    expect(checkDepartureDate(date, '2026-11-23', start)).toBe(expected);
  });
});

describe('checkRecruitmentDates', () => {
  test.each([
    { label: 'an adult starting today', birth: '1998-05-10', start: '2026-11-23', expected: null },
    { label: 'eighteen on the very start day', birth: '2008-11-23', start: '2026-11-23', expected: null },
    { label: 'seventeen on the start day', birth: '2008-11-24', start: '2026-11-23', expected: { field: 'birthDate', error: 'roster.errors.tooYoung' } },
    { label: 'a start date after today: scheduled', birth: '1998-05-10', start: '2026-11-24', expected: null },
    { label: 'a start more than a year ahead', birth: '1998-05-10', start: '2027-12-01', expected: { field: 'startDate', error: 'roster.errors.tooFarAhead' } },
    { label: 'born in 1900', birth: '1900-01-01', start: '2026-11-23', expected: { field: 'birthDate', error: 'roster.errors.pastRetirement' } },
    { label: 'born in 1800', birth: '1800-01-01', start: '2026-11-23', expected: { field: 'birthDate', error: 'roster.errors.pastRetirement' } },
    { label: 'a man on the day he reaches 61 years 6 months in 2026: he works to the end of that month', birth: '1965-01-10', start: '2026-07-10', expected: null },
    { label: 'a man the day before his retirement date (31/07/2026, the last day of the month he reaches 61 years 6 months)', birth: '1965-01-10', start: '2026-07-30', expected: null },
    { label: 'a man on his retirement date', birth: '1965-01-10', start: '2026-07-31', expected: { field: 'birthDate', error: 'roster.errors.pastRetirement' } },
    { label: 'a woman of 57 in 2026 (her age then is 57)', birth: '1969-12-01', start: '2026-11-23', gender: 'female' as const, expected: null },
    { label: 'a woman past 57 in 2026', birth: '1969-05-01', start: '2026-11-23', gender: 'female' as const, expected: { field: 'birthDate', error: 'roster.errors.pastRetirement' } },
  ])('$label', ({ birth, start, expected, gender }) => {
    expect(checkRecruitmentDates(birth, start, '2026-11-23', gender ?? 'male')).toEqual(expected);
  });
});

describe('nextCadreCode', () => {
  test.each([
    { label: 'after the demo codes', codes: ['CB000001', 'CB012197'], expected: 'CB012198' },
    { label: 'ignores codes of another shape', codes: ['CB000009', 'X99999999', 'CBX1'], expected: 'CB000010' },
    { label: 'the first code of an empty province', codes: [], expected: 'CB000001' },
    { label: 'grows past the padding', codes: ['CB999999'], expected: 'CB1000000' },
  ])('$label', ({ codes, expected }) => {
    expect(nextCadreCode(codes)).toBe(expected);
  });
});

describe('form schemas', () => {
  test.each([
    { label: 'a position need', input: { communeId: '1', positionId: '5', field: '', count: '2', urgency: 'urgent', note: '' }, ok: true },
    { label: 'a field-of-expertise need', input: { communeId: '1', positionId: '', field: 'it_digital', count: '1', urgency: 'normal' }, ok: true },
    { label: 'neither position nor field', input: { communeId: '1', positionId: '', field: '', count: '1', urgency: 'normal' }, ok: false, field: 'positionId' },
    { label: 'count 0', input: { communeId: '1', positionId: '5', count: '0', urgency: 'normal' }, ok: false, field: 'count' },
    { label: 'count 1000', input: { communeId: '1', positionId: '5', count: '1000', urgency: 'normal' }, ok: false, field: 'count' },
    { label: 'unknown urgency', input: { communeId: '1', positionId: '5', count: '1', urgency: 'soon' }, ok: false, field: 'urgency' },
  ])('vacancy: $label', ({ input, ok, field }) => {
    const parsed = DeclareVacancySchema.safeParse(input);
    expect(parsed.success).toBe(ok);
    if (!parsed.success) expect(parsed.error.issues.map((i) => i.path[0])).toContain(field);
  });

  test.each([
    { label: 'a real date', date: '2026-02-28', ok: true },
    { label: 'an impossible date', date: '2026-02-31', ok: false },
    { label: 'dd/MM/yyyy, as the date field shows and sends it', date: '28/02/2026', ok: true },
    { label: 'mm/dd/yyyy of a native picker in English', date: '02/28/2026', ok: false },
  ])('departure date: $label', ({ date, ok }) => {
    const decision = { decisionNumber: '12/QĐ-UBND', decisionDate: '01/02/2026', issuingBodyId: '3' };
    expect(RecordDepartureSchema.safeParse({ cadreId: '1', communeId: '1', version: '1', reason: 'retirement', date, ...decision }).success).toBe(ok);
  });
});

describe('dates as the forms post them', () => {
  test.each([
    ['07/12/2026', '2026-12-07'],
    ['7/12/2026', '2026-12-07'],
    ['07-12-2026', '2026-12-07'],
    ['2026-12-07', '2026-12-07'],
    ['29/02/2024', '2024-02-29'],
    [' 01/01/2027 ', '2027-01-01'],
  ])('%s reads as %s', (typed, iso) => {
    expect(parseFormDate(typed)).toBe(iso);
  });
  test.each(['12/31/2026', '31/02/2026', '29/02/2025', '2026/12/07', '7.12.26', '', 'hôm nay'])('%s is refused', (typed) => {
    expect(parseFormDate(typed)).toBeNull();
  });
  test('a date field refuses what is not a calendar date, with its message', () => {
    const schema = isoDate('roster.errors.date');
    expect(schema.safeParse('31/02/2026').success).toBe(false);
    expect(schema.safeParse('31/02/2026').error?.issues[0].message).toBe('roster.errors.date');
    expect(schema.parse('15/01/2026')).toBe('2026-01-15');
  });
});

describe('names and ages', () => {
  test.each(['Nguyễn Văn An', 'Lô Văn Mỹ', "H'Hen Niê", 'Vi Thị Lò-Xa', 'Nguyễn Thị Hoa'])('%s is a name', (name) => {
    expect(isPersonName(name)).toBe(true);
  });
  test.each(['Nguyen Van 123', 'An', 'Nguyễn  ', '=HYPERLINK("x")', 'Trần Văn B.', 'Lê @ Văn'])('%s is refused', (name) => {
    expect(isPersonName(name)).toBe(false);
  });
  test('the 18th birthday of someone born on 29/02 is 01/03 in a common year', () => {
    expect(birthdayAt('2008-02-29', 18)).toBe('2026-03-01');
    expect(checkWorkingAge('2008-02-29', 'female', '2026-02-28')).toBe('tooYoung');
    expect(checkWorkingAge('2008-02-29', 'female', '2026-03-01')).toBeNull();
  });
});
