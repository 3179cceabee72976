import { parseDate } from '@/lib/domain/format';
import { searchText } from '@/lib/domain/text';
import { INT4_MAX } from './fields';

// The audit page's GET form and its CSV export read the same filters from the query string.

export type AuditFilters = {
  actorId: number | null;
  entityType: string | null;
  /** 'YYYY-MM-DD' on the Asia/Ho_Chi_Minh calendar, inclusive. */
  from: string | null;
  to: string | null;
  /** The text typed, kept for the form (dd/MM/yyyy). */
  fromText: string;
  toText: string;
  invalidDates: boolean;
  page: number;
};

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return searchText(Array.isArray(value) ? value[0] : value);
}

export function parseAuditFilters(params: Params): AuditFilters {
  const actor = Number(read(params, 'user'));
  const page = Number(read(params, 'page'));
  const fromText = read(params, 'from');
  const toText = read(params, 'to');
  const from = fromText ? parseDate(fromText) : null;
  const to = toText ? parseDate(toText) : null;
  return {
    actorId: Number.isInteger(actor) && actor > 0 && actor <= INT4_MAX ? actor : null,
    entityType: read(params, 'entity') || null,
    from,
    to,
    fromText,
    toText,
    invalidDates: (fromText !== '' && from === null) || (toText !== '' && to === null),
    page: Number.isInteger(page) && page > 1 ? Math.min(page, 100_000) : 1,
  };
}

/** The query string for the same filters (page omitted unless asked), for links and the CSV export. */
export function auditFilterQuery(filters: AuditFilters, page?: number): string {
  const query = new URLSearchParams();
  if (filters.actorId !== null) query.set('user', String(filters.actorId));
  if (filters.entityType) query.set('entity', filters.entityType);
  if (filters.fromText) query.set('from', filters.fromText);
  if (filters.toText) query.set('to', filters.toText);
  if (page && page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `?${text}` : '';
}
