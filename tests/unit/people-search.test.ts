import { describe, expect, test } from 'vitest';
import { parseSearchQuery } from '@/lib/domain/people-search';

// What a search box's text asks for (docs/decisions/039-completeness-search-personal-history.md).
describe('parseSearchQuery', () => {
  test('a name: its words, NFC, spaces collapsed; also a possible code when it is one word', () => {
    expect(parseSearchQuery('  nguyen   van  an ', { mayUseNationalId: true })).toEqual({
      text: 'nguyen van an', nameWords: ['nguyen', 'van', 'an'], codePrefix: null, nationalIdPrefix: null,
    });
    expect(parseSearchQuery('Nguye\u0302\u0303n', { mayUseNationalId: true })!.nameWords).toEqual(['Nguyễn']);
    expect(parseSearchQuery('CB0077', { mayUseNationalId: true })).toMatchObject({ nameWords: ['CB0077'], codePrefix: 'CB0077', nationalIdPrefix: null });
  });

  test('digits: a personal ID prefix only for those who see personal data, and a code prefix for everyone', () => {
    expect(parseSearchQuery('040080', { mayUseNationalId: true })).toEqual({ text: '040080', nameWords: [], codePrefix: '040080', nationalIdPrefix: '040080' });
    expect(parseSearchQuery('040080', { mayUseNationalId: false })!.nationalIdPrefix).toBeNull();
    expect(parseSearchQuery('04', { mayUseNationalId: true })!.nationalIdPrefix).toBeNull();
    expect(parseSearchQuery('0400800012345', { mayUseNationalId: true })!.nationalIdPrefix).toBeNull();
  });

  test('LIKE wildcards typed by the user are matched literally', () => {
    expect(parseSearchQuery('a%b_c', { mayUseNationalId: true })).toMatchObject({ nameWords: ['a\\%b\\_c'], codePrefix: null });
  });

  test.each([['empty', ''], ['one character', 'a'], ['only spaces', '    '], ['invisible characters', '\u200b\u200b'], ['too long', 'a'.repeat(101)], ['missing', null]])(
    'nothing to search: %s',
    (_label, raw) => {
      expect(parseSearchQuery(raw, { mayUseNationalId: true })).toBeNull();
    },
  );
});
