import { describe, expect, test } from 'vitest';
import { parseUnitListQuery } from '@/lib/domain/unit-list';
import { parseVacancyListQuery } from '@/lib/domain/vacancy-list';
import { cleanText, searchText } from '@/lib/domain/text';
import { matchesSearch } from '@/lib/domain/vietnamese';
import { containsOperand } from '@/lib/db/search-pattern';
import { parseAuditFilters } from '@/lib/validation/audit-filters';
import { INT4_MAX } from '@/lib/validation/fields';
import { QuotaFiltersSchema, SaveKeyPositionNormsSchema } from '@/lib/validation/quota';
import { routeCode, routeId } from '@/lib/validation/route-params';
import { RecruitCadreSchema } from '@/lib/validation/roster';
import { CloseVacancySchema, DeclareVacancySchema } from '@/lib/validation/vacancy';
import { CreatePositionSchema } from '@/lib/validation/position';
import { UpdateUserSchema } from '@/lib/validation/user';

// Input hygiene (lib/domain/text.ts, lib/validation/fields.ts, lib/validation/route-params.ts): what a form, an
// address or a search box sends is cleaned or refused before it reaches the database, so a NUL byte, an integer
// past int4 or a zero-width space gives the normal answer (a field error, 404, the list) rather than a server error.

const ZWSP = '\u200B';

describe('the one text normaliser', () => {
  test.each([
    ['zero-width space inside a word', `Ng${ZWSP}uyễn`, 'Nguyễn'],
    ['joiners, BOM, direction marks, soft hyphen', 'A\u200C\u200D\uFEFF\u200E\u202E\u00ADB', 'AB'],
    ['NUL and other controls', 'a\u0000b\u0007c\u007F', 'abc'],
    ['NFD becomes NFC', 'Nguye\u0302\u0303n', 'Nguyễn'],
    ['line breaks and tabs of a note are kept', 'dòng 1\r\ndòng 2\tx', 'dòng 1\r\ndòng 2\tx'],
  ])('%s', (_label, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  test('a search keeps no control character at all and is bounded', () => {
    expect(searchText('\u0000')).toBe('');
    expect(searchText(`  nga\tmy${ZWSP}\n`)).toBe('nga my');
    expect(searchText('x'.repeat(500))).toHaveLength(100);
    expect(searchText(undefined)).toBe('');
  });
});

describe('ids are bounded to int4', () => {
  test('a vacancy declared for commune 2147483648 is a field error, 2147483647 passes the schema', () => {
    const base = { positionId: '', field: 'it_digital', count: '1', urgency: 'normal', note: '' };
    const tooLarge = DeclareVacancySchema.safeParse({ ...base, communeId: '2147483648' });
    expect(tooLarge.success).toBe(false);
    expect(tooLarge.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['communeId', 'errors.invalid']]);
    expect(DeclareVacancySchema.safeParse({ ...base, communeId: String(INT4_MAX) }).success).toBe(true);
    expect(DeclareVacancySchema.safeParse({ ...base, communeId: '1', positionId: '99999999999' }).error?.issues[0].path).toEqual(['positionId']);
  });

  test('versions too', () => {
    expect(CloseVacancySchema.safeParse({ vacancyId: '1', version: '2147483648', closeNote: '' }).success).toBe(false);
    expect(CloseVacancySchema.safeParse({ vacancyId: '1', version: '0', closeNote: '' }).success).toBe(true);
    expect(UpdateUserSchema.safeParse({ userId: '1', version: '4294967296', displayName: 'A', role: 'admin' }).success).toBe(false);
  });

  test('a key-position norm field of position 2147483648 is refused on that field', () => {
    const parsed = SaveKeyPositionNormsSchema.safeParse({ communeId: '1', version: '1', 'norm-2147483648': '1' });
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['norm-2147483648', 'errors.invalid']]);
  });

  test('the audit filter of user 2147483648 is ignored', () => {
    expect(parseAuditFilters({ user: '2147483648' }).actorId).toBeNull();
    expect(parseAuditFilters({ user: '42' }).actorId).toBe(42);
    expect(parseAuditFilters({ entity: 'vacancy\u0000' }).entityType).toBe('vacancy');
  });
});

describe('names empty once cleaned are refused; text is stored cleaned', () => {
  const recruit = {
    communeId: '1', gender: 'male', birthDate: '01/01/1990', employmentType: 'civil_servant', education: 'university', field: '',
    positionId: '1', startDate: '01/07/2025', decisionNumber: '12/QĐ-UBND', decisionDate: '01/07/2025', issuingBodyId: '1',
  };

  test('a full name of zero-width spaces is refused as missing', () => {
    const parsed = RecruitCadreSchema.safeParse({ ...recruit, fullName: `${ZWSP}${ZWSP}${ZWSP}` });
    expect(parsed.error?.issues.find((i) => i.path[0] === 'fullName')?.message).toBe('roster.errors.fullName');
  });

  test('a full name with a zero-width space inside is stored without it', () => {
    const parsed = RecruitCadreSchema.safeParse({ ...recruit, fullName: `Nguy${ZWSP}ễn Văn\u0000 An` });
    expect(parsed.data?.fullName).toBe('Nguyễn Văn An');
  });

  test('a display name or a position title of invisible characters only is refused', () => {
    const user = UpdateUserSchema.safeParse({ userId: '1', version: '1', displayName: `${ZWSP}\uFEFF`, role: 'admin' });
    expect(user.error?.issues.map((i) => i.message)).toContain('admin.errors.displayNameRequired');
    const position = CreatePositionSchema.safeParse({ code: 'IT_OFFICER', titleVi: `${ZWSP}${ZWSP}${ZWSP}`, sortOrder: '0' });
    expect(position.error?.issues.map((i) => i.message)).toContain('positions.errors.titleVi');
  });

  test('a note with a NUL byte is stored without it; one of invisible characters only is no note', () => {
    const base = { communeId: '1', positionId: '', field: 'it_digital', count: '1', urgency: 'normal' };
    expect(DeclareVacancySchema.parse({ ...base, note: 'Cần\u0000 gấp' }).note).toBe('Cần gấp');
    expect(DeclareVacancySchema.parse({ ...base, note: ZWSP }).note).toBeNull();
  });
});

describe('route params: one helper', () => {
  test.each([
    ['42', 42],
    [String(INT4_MAX), INT4_MAX],
    ['2147483648', null],
    ['0', null],
    ['-1', null],
    ['1e3', null],
    ['12abc', null],
    ['', null],
    [undefined, null],
  ])('routeId(%j) = %j', (raw, expected) => {
    expect(routeId(raw)).toBe(expected);
  });

  test.each([
    ['NA113', 'NA113'],
    ['PARTY%5FSECRETARY', 'PARTY_SECRETARY'],
    ['%00', null],
    ['NA\u0000113', null],
    ['%E0%A4%A', null],
    ['NA%0A113', null],
    [`NA${ZWSP}113`, null],
    ['', null],
    ['x'.repeat(101), null],
  ])('routeCode(%j) = %j', (raw, expected) => {
    expect(routeCode(raw)).toBe(expected);
  });
});

describe('search', () => {
  test('the list filters strip NUL and control characters from q', () => {
    expect(parseUnitListQuery({ q: '\u0000' }).q).toBe('');
    expect(parseUnitListQuery({ q: `nga${ZWSP} my\u0000` }).q).toBe('nga my');
    expect(parseVacancyListQuery({ vq: 'nga\u0000my' }).q).toBe('nga my');
    expect(QuotaFiltersSchema.parse({ q: `\u0000thanh${ZWSP} chuong` }).q).toBe('thanh chuong');
  });

  test('zero-width characters do not break a match, in the query or in the name', () => {
    expect(matchesSearch('Nga My', `Ng${ZWSP}a my`)).toBe(true);
    expect(matchesSearch(`Ng${ZWSP}a My`, 'nga my')).toBe(true);
  });

  test('% and _ of a database search match themselves', () => {
    expect(containsOperand('50%')).toBe('50\\%');
    expect(containsOperand('A_B')).toBe('A\\_B');
    expect(containsOperand('a\\b')).toBe('a\\\\b');
    expect(containsOperand(`\u0000Ng${ZWSP}uyễn `)).toBe('Nguyễn');
  });
});
