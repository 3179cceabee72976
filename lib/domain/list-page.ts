import { firstParam, type SearchParams } from './unit-list';

// One page of a long list shown on a screen (the full list is the download's). The page number is read from the URL
// (`?page=3`), so every page is a link that works without JavaScript; anything that is not a page of the list
// (0, -1, 'abc', past the last page) shows the nearest page that is.

/** Rows per page of the units table: a page of it stays well under 300 KB of HTML, payload included. */
export const UNIT_PAGE_SIZE = 30;

export type ListPage<T> = {
  rows: T[];
  /** 1-based. */
  page: number;
  pages: number;
  /** 1-based positions of the first and last row shown (0 and 0 when there are none). */
  from: number;
  to: number;
  total: number;
};

/** The page asked for in the URL parameter `name`, as a positive whole number; 1 when absent or not one. */
export function parsePageParam(params: SearchParams, name = 'page'): number {
  const raw = (firstParam(params[name]) ?? '').trim();
  if (!/^\d{1,6}$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}

export function pageOf<T>(rows: readonly T[], page: number, size: number): ListPage<T> {
  const total = rows.length;
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const start = (current - 1) * size;
  const shown = rows.slice(start, start + size);
  return { rows: shown, page: current, pages, from: shown.length ? start + 1 : 0, to: start + shown.length, total };
}
