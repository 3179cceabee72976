import { describe, expect, test } from 'vitest';
import { compareVietnamese, foldVietnamese, matchesSearch, toNfc } from '@/lib/domain/vietnamese';

describe('matchesSearch', () => {
  test.each([
    { label: 'lower-case finds Nga My', haystack: 'Nga My', query: 'nga my', expected: true },
    { label: 'no tones finds Hoa Quân', haystack: 'Hoa Quân', query: 'hoa quan', expected: true },
    { label: 'd finds Đ', haystack: 'Đông Hiếu', query: 'dong hieu', expected: true },
    { label: 'words in any order', haystack: 'Xã Tam Thái, Tương Dương', query: 'tuong thai', expected: true },
    { label: 'extra spaces in the query', haystack: 'Mường Xén', query: '  muong   xen ', expected: true },
    { label: 'an empty query matches everything', haystack: 'Keng Đu', query: '', expected: true },
    { label: 'every word must occur', haystack: 'Nga My', query: 'nga quan', expected: false },
    { label: 'a different commune does not match', haystack: 'Bắc Lý', query: 'hoa quan', expected: false },
  ])('$label', ({ haystack, query, expected }) => {
    expect(matchesSearch(haystack, query)).toBe(expected);
  });
});

describe('foldVietnamese', () => {
  test('folds tones, diacritics and đ of a full name', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
  });

  test('folds NFD input the same as NFC', () => {
    const nfc = 'Hưng Nguyên, Quế Phong';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
    expect(foldVietnamese(nfd)).toBe('hung nguyen, que phong');
  });

  test('collapses inner whitespace and trims', () => {
    expect(foldVietnamese('\tVăn   Kiều \n')).toBe('van kieu');
  });
});

test('toNfc composes decomposed text', () => {
  expect(toNfc('Tiên Đồng'.normalize('NFD'))).toBe('Tiên Đồng'.normalize('NFC'));
  expect(toNfc('Tiên Đồng'.normalize('NFD')).length).toBe(9);
});

test('compareVietnamese sorts in Vietnamese alphabetical order', () => {
  const expected = 'An Ánh Ă Ân Bình da Đức Ô Ơn Út Ưng'.split(' ');
  const shuffled = ['Ưng', 'Đức', 'Ă', 'Út', 'An', 'Ơn', 'da', 'Ân', 'Ô', 'Bình', 'Ánh'];
  expect([...shuffled].sort(compareVietnamese)).toEqual(expected);
});
