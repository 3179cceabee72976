import { formattersFor, type Formatters } from '@/lib/i18n/format';
import { readAuditPayloads } from './events';
import { ALWAYS_SHOWN, fieldOrder, fieldSpec, isTransitionField, REFERENCE_KINDS, STATE_CATALOGUES, type FieldSpec, type Kind, type ReferenceKind } from './fields';

// How an audit row reads (docs/decisions/020-typed-audit-events.md): its payloads become a list of changes,
// one per field, each with a label and its value before and after, formatted (dates dd/MM/yyyy, numbers vi-VN,
// states, roles and other codes through the message catalogues, codes of communes, positions and people
// through names looked up by the caller). Pure: no database, no React. Sentences and labels are message keys
// with their params, rendered at the edge (components/audit/audit-text.ts). Rows that predate the contract
// read the same way, field by field, without their schema.

/** A piece of text for the edge: literal (a name, a formatted number or date, free text), a message, or a list of them. */
export type AuditText =
  | { text: string }
  | { key: string; params?: Readonly<Record<string, string | AuditText>>; fallback?: string }
  | { list: readonly AuditText[]; lines?: boolean };

/**
 * One field; `null` on a side means nothing there. `unchanged` marks a field shown for context only (the year
 * of a quota), the same on both sides.
 */
export type AuditChange = { field: string; label: AuditText; before: AuditText | null; after: AuditText | null; unchanged?: true };

export type AuditPresentation = {
  changes: AuditChange[];
  /** Both payloads are there (an edit): every change reads "before → after", an empty side as "—". */
  compared: boolean;
  /** The row does not match its event's schema (written before the contract): shown field by field as stored. */
  legacy: boolean;
};

export { AUDIT_FIELD_NAMES, REFERENCE_KINDS, type ReferenceKind } from './fields';
export type AuditLookup = Partial<Record<ReferenceKind, ReadonlyMap<string, string | AuditText>>>;
export type AuditReferences = Record<ReferenceKind, Set<string>>;

export type AuditPayloadRow = { action: string; entityType: string; before: unknown; after: unknown };
export type PresentOptions = {
  lookup?: AuditLookup;
  format?: Formatters;
  /** Fields the context already shows (the person of a timeline about him). */
  omit?: readonly string[];
};

type Context = { action: string; entityType: string; lookup: AuditLookup; format: Formatters };

const specOf = (name: string, context: Context) => fieldSpec(name, context.action, context.entityType);

// ---- Values ---------------------------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIsoDate = (value: unknown): value is string => typeof value === 'string' && ISO_DATE.test(value);

const yesNo = (value: boolean): AuditText => ({ key: value ? 'audit.values.yes' : 'audit.values.no' });
const fieldLabel = (name: string): AuditText => ({ key: `audit.fields.${name}`, fallback: name });

function lookupText(kind: ReferenceKind, id: string, context: Context): AuditText | null {
  const found = context.lookup[kind]?.get(id);
  if (found === undefined) return null;
  return typeof found === 'string' ? { text: found } : found;
}

function reference(kind: ReferenceKind | 'unit', value: unknown, context: Context): AuditText {
  const id = String(value);
  if (kind === 'unit') return lookupText('commune', id, context) ?? lookupText('department', id, context) ?? { text: id };
  return lookupText(kind, id, context) ?? { text: id };
}

/** Any value, without knowing its field: how rows that predate the contract, and unknown fields, read. */
function plain(value: unknown, context: Context): AuditText | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return { text: context.format.number(value) };
  if (isIsoDate(value)) return { text: context.format.date(value) };
  if (typeof value === 'string') return { text: value };
  if (Array.isArray(value)) return value.length === 0 ? null : { list: value.map((item) => plain(item, context) ?? { text: '—' }) };
  if (isRecord(value)) {
    return {
      list: Object.entries(value)
        .filter(([, item]) => item !== null && item !== undefined)
        .map(([name, item]) => ({ key: 'audit.values.pair', params: { name: fieldLabel(name), value: plain(item, context) ?? { text: '—' } } })),
    };
  }
  return { text: String(value) };
}

function present(kind: Kind, value: unknown, context: Context): AuditText | null {
  if (value === undefined) return null;
  if (value === null) return typeof kind === 'object' && 'catalogue' in kind && kind.none ? { key: kind.none } : null;
  if (typeof kind === 'object') {
    if ('catalogue' in kind) return typeof value === 'string' ? { key: `${kind.catalogue}.${value}`, fallback: value } : plain(value, context);
    if ('ref' in kind) return typeof value === 'string' || typeof value === 'number' ? reference(kind.ref, value, context) : plain(value, context);
    if (!Array.isArray(value)) return plain(value, context);
    return value.length === 0 ? null : { list: value.map((item) => reference(kind.refs, item, context)) };
  }
  switch (kind) {
    case 'integer':
      return typeof value === 'number' ? { text: String(value) } : plain(value, context);
    case 'count':
      return typeof value === 'number' ? { text: context.format.number(value) } : plain(value, context);
    case 'signed':
      return typeof value === 'number' ? { text: context.format.signed(value) } : plain(value, context);
    case 'bytes':
      return typeof value === 'number' ? { key: 'audit.values.bytes', params: { size: context.format.number(value) } } : plain(value, context);
    case 'date':
      return isIsoDate(value) ? { text: context.format.date(value) } : plain(value, context);
    case 'boolean':
      return typeof value === 'boolean' ? yesNo(value) : plain(value, context);
    case 'state': {
      const states = STATE_CATALOGUES[context.entityType];
      return typeof value === 'string' && states ? { key: `${states}.${value}`, fallback: value } : plain(value, context);
    }
    case 'conclusion':
      return isRecord(value) && typeof value.number === 'string' && isIsoDate(value.date)
        ? { key: 'audit.values.conclusion', params: { number: value.number, date: context.format.date(value.date) } }
        : plain(value, context);
    case 'assignment':
      return isRecord(value) && typeof value.positionCode === 'string' && isIsoDate(value.startDate)
        ? { key: 'audit.values.assignment', params: { position: reference('position', value.positionCode, context), start: context.format.date(value.startDate) } }
        : plain(value, context);
    case 'closedAssignment':
      return isRecord(value) && isIsoDate(value.endDate) ? { key: 'audit.values.endedOn', params: { date: context.format.date(value.endDate) } } : plain(value, context);
    case 'absorbed': {
      if (!isRecord(value) || typeof value.positionCode !== 'string') return plain(value, context);
      const position = reference('position', value.positionCode, context);
      if (value.withdrawn === true) return { key: 'audit.values.absorbedWithdrawn', params: { position } };
      return isIsoDate(value.endDate) ? { key: 'audit.values.absorbedEnded', params: { position, date: context.format.date(value.endDate) } } : { key: 'audit.values.absorbed', params: { position } };
    }
    case 'lines':
      return Array.isArray(value) ? { list: value.map((line) => plain(line, context) ?? { text: '—' }), lines: true } : plain(value, context);
    case 'sheets':
      return Array.isArray(value) ? { list: value.map((sheet) => ({ key: `imports.sheets.${String(sheet)}`, fallback: String(sheet) })) } : plain(value, context);
    case 'hidden':
      return null;
    case 'importCounts':
    case 'text':
      return plain(value, context);
    default:
      return kind satisfies never;
  }
}

// ---- Rows -----------------------------------------------------------------------------------------------------

type Side = Record<string, unknown> | null;
type Pair = { name: string; spec: FieldSpec; before: unknown; after: unknown };

function asSide(value: unknown): Side {
  if (value === null || value === undefined) return null;
  return isRecord(value) ? value : { value };
}

/** `from` and `to` of a state machine's event become one change, `state`, unless the event means them otherwise. */
function takeTransition(after: Side, context: Context): { side: Side; transition: Pair | null } {
  if (!after) return { side: after, transition: null };
  const taken = (['from', 'to'] as const).filter((name) => Object.hasOwn(after, name) && isTransitionField(name, context.action, context.entityType));
  if (taken.length === 0) return { side: after, transition: null };
  const rest = Object.fromEntries(Object.entries(after).filter(([name]) => !(taken as readonly string[]).includes(name)));
  return {
    side: rest,
    transition: { name: 'state', spec: { kind: 'state' }, before: taken.includes('from') ? after.from : undefined, after: taken.includes('to') ? after.to : undefined },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of both sides; when both sides are there, only those that changed (and what they are about). */
function pairs(before: Side, after: Side, context: Context): Pair[] {
  const names = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return names
    .filter((name) => !(before && after) || ALWAYS_SHOWN.has(name) || !same(before[name], after[name]))
    .map((name) => ({ name, spec: specOf(name, context), before: before?.[name], after: after?.[name] }));
}

/** A key-position norm payload is keyed by position code: each position is a field. */
function normChanges(before: Side, after: Side, context: Context): AuditChange[] {
  const codes = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return codes
    .filter((code) => !(before && after) || !same(before[code], after[code]))
    .map((code) => ({
      field: code,
      label: reference('position', code, context),
      before: present('count', before?.[code], context),
      after: present('count', after?.[code], context),
    }));
}

/** An import's counts by sheet: one change per sheet, "thêm mới 3, cập nhật 2, không đổi 120". */
function countChanges(pair: Pair, context: Context): AuditChange[] {
  const before = isRecord(pair.before) ? pair.before : {};
  const after = isRecord(pair.after) ? pair.after : {};
  const sheetCounts = (value: unknown): AuditText | null => {
    if (!isRecord(value)) return plain(value, context);
    const count = (name: string) => (typeof value[name] === 'number' ? context.format.number(value[name]) : '0');
    return { key: 'audit.values.importCounts', params: { created: count('created'), updated: count('updated'), unchanged: count('unchanged') } };
  };
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].map((sheet) => ({
    field: `counts.${sheet}`,
    label: { key: `imports.sheets.${sheet}`, fallback: sheet },
    before: sheetCounts(before[sheet]),
    after: sheetCounts(after[sheet]),
  }));
}

/** The changes an audit row records, labelled and formatted (see the top of this file). */
export function presentAuditRow(row: AuditPayloadRow, options: PresentOptions = {}): AuditPresentation {
  const context: Context = { action: row.action, entityType: row.entityType, lookup: options.lookup ?? {}, format: options.format ?? formattersFor('vi') };
  const parsed = readAuditPayloads(row.action, row.before, row.after);
  const before = asSide(parsed ? parsed.before : row.before);
  const afterSide = asSide(parsed ? parsed.after : row.after);
  const legacy = parsed === null;
  const compared = before !== null && afterSide !== null;
  if (row.entityType === 'keyPositionNorm') return { changes: normChanges(before, afterSide, context), compared, legacy };
  const { side: after, transition } = takeTransition(afterSide, context);
  const omitted = new Set(options.omit ?? []);
  const all = [...(transition ? [transition] : []), ...pairs(before, after, context)]
    .filter((pair) => pair.spec.kind !== 'hidden' && !omitted.has(pair.name))
    .sort((a, b) => fieldOrder(a.name, a.spec) - fieldOrder(b.name, b.spec));
  const changes = all.flatMap((pair): AuditChange[] => {
    if (pair.spec.kind === 'importCounts') return countChanges(pair, context);
    const label = pair.spec.label ?? pair.name;
    const change: AuditChange = { field: label, label: fieldLabel(label), before: present(pair.spec.kind, pair.before, context), after: present(pair.spec.kind, pair.after, context) };
    return [compared && same(pair.before, pair.after) ? { ...change, unchanged: true } : change];
  });
  return { changes: changes.filter((change) => change.before !== null || change.after !== null), compared, legacy };
}

// ---- References -----------------------------------------------------------------------------------------------

function emptyReferences(): AuditReferences {
  return Object.fromEntries(REFERENCE_KINDS.map((kind) => [kind, new Set<string>()])) as AuditReferences;
}

/** The codes and ids a page of rows refers to, by kind, for one set-based lookup per kind. */
export function collectAuditReferences(rows: readonly AuditPayloadRow[]): AuditReferences {
  const references = emptyReferences();
  const add = (kind: ReferenceKind | 'unit', value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    if (kind === 'unit') {
      references.commune.add(String(value));
      references.department.add(String(value));
    } else references[kind].add(String(value));
  };
  for (const row of rows) {
    const context: Context = { action: row.action, entityType: row.entityType, lookup: {}, format: formattersFor('vi') };
    const parsed = readAuditPayloads(row.action, row.before, row.after);
    for (const side of [parsed ? parsed.before : row.before, parsed ? parsed.after : row.after]) {
      if (!isRecord(side)) continue;
      if (row.entityType === 'keyPositionNorm') {
        for (const code of Object.keys(side)) add('position', code);
        continue;
      }
      for (const [name, value] of Object.entries(side)) {
        if (isTransitionField(name, row.action, row.entityType)) continue;
        const { kind } = specOf(name, context);
        if (typeof kind === 'object' && 'ref' in kind) add(kind.ref, value);
        else if (typeof kind === 'object' && 'refs' in kind && Array.isArray(value)) for (const item of value) add(kind.refs, item);
        else if ((kind === 'assignment' || kind === 'absorbed') && isRecord(value)) add('position', value.positionCode);
      }
    }
  }
  return references;
}
