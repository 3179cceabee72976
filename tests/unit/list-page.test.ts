import { describe, expect, it } from 'vitest';
import { pageOf, parsePageParam } from '@/lib/domain/list-page';

const rows = Array.from({ length: 130 }, (_, i) => i + 1);

describe('one page of a long list', () => {
  it('cuts 130 rows into pages of 30: five pages, the last one of 10', () => {
    expect(pageOf(rows, 1, 30)).toMatchObject({ page: 1, pages: 5, from: 1, to: 30, total: 130 });
    expect(pageOf(rows, 5, 30)).toMatchObject({ page: 5, pages: 5, from: 121, to: 130, total: 130 });
    expect(pageOf(rows, 5, 30).rows).toEqual([121, 122, 123, 124, 125, 126, 127, 128, 129, 130]);
    expect(pageOf(rows, 2, 30).rows[0]).toBe(31);
  });

  it('shows the nearest page that exists: past the end the last, an empty list its one empty page', () => {
    expect(pageOf(rows, 99, 30).page).toBe(5);
    expect(pageOf(rows, 0, 30).page).toBe(1);
    expect(pageOf([], 3, 30)).toEqual({ rows: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });

  it('every row is on exactly one page', () => {
    const all = [1, 2, 3, 4, 5].flatMap((p) => pageOf(rows, p, 30).rows);
    expect(all).toEqual(rows);
  });

  it('reads the page from the URL: a positive whole number, else 1', () => {
    expect(parsePageParam({ page: '3' })).toBe(3);
    expect(parsePageParam({ page: ['4', '2'] })).toBe(4);
    for (const bad of [undefined, '', '0', '-2', '1.5', 'abc', '1e3', '9999999', ' ']) expect(parsePageParam({ page: bad })).toBe(1);
    expect(parsePageParam({ trang: '2' }, 'trang')).toBe(2);
  });
});
