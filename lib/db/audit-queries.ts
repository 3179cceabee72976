import 'server-only';
import { collectAuditReferences, type AuditLookup, type AuditPayloadRow, type AuditText } from '@/lib/audit/present';
import type { Action } from '@/lib/auth/policy';
import { formatDate } from '@/lib/domain/format';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditFilters } from '@/lib/validation/audit-filters';
import type { Db } from './prisma';

export const AUDIT_PAGE_SIZE = 50;
/** The CSV export's ceiling, so one request cannot stream the whole history. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** A page the entity can be opened on, for those who hold `permission` (the first such link is shown). */
export type AuditEntityLink = { href: string; permission: Action };
export type AuditEntityRef = { name: AuditText | null; links: AuditEntityLink[] };

/** What name resolution needs of a row (an audit row, or a timeline entry). */
export type NameableAuditRow = AuditPayloadRow & { actorId: number | null; entityId: string | null };

export type AuditRow = NameableAuditRow & {
  id: string;
  at: Date;
  actorName: string;
  actorRole: string;
  ipAddress: string | null;
  userAgent: string | null;
  /** app_user.display_name of the actor, when the actor is an account of the province. */
  actorDisplayName: string | null;
  entity: AuditEntityRef;
};

/** Start of the next calendar day in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
const dayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+07:00`);
const nextDayStart = (isoDate: string) => new Date(dayStart(isoDate).getTime() + 86_400_000);

/**
 * The province's records, plus those of no province (failed sign-ins for unknown usernames, which belong
 * to this deployment).
 */
function auditWhere(provinceId: number, filters: AuditFilters): Prisma.AuditLogWhereInput {
  return {
    OR: [{ provinceId }, { provinceId: null }],
    ...(filters.actorId !== null ? { actorId: filters.actorId } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.from || filters.to
      ? { at: { ...(filters.from ? { gte: dayStart(filters.from) } : {}), ...(filters.to ? { lt: nextDayStart(filters.to) } : {}) } }
      : {}),
  };
}

const ROW_SELECT = {
  id: true, at: true, actorId: true, actorName: true, actorRole: true, action: true, entityType: true, entityId: true,
  before: true, after: true, ipAddress: true, userAgent: true,
} as const;

type StoredRow = Omit<AuditRow, 'id' | 'actorDisplayName' | 'entity'> & { id: bigint };

function withNames(rows: StoredRow[], names: AuditNames): AuditRow[] {
  return rows.map((row) => ({ ...row, id: row.id.toString(), actorDisplayName: names.actor(row), entity: names.entity(row) }));
}

/** Newest first, with the id as tie-breaker; entity and actor names resolved for the page. */
export async function listAuditPage(
  db: Db, provinceId: number, filters: AuditFilters, locale: string,
): Promise<{ rows: AuditRow[]; total: number; lookup: AuditLookup }> {
  const where = auditWhere(provinceId, filters);
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({
      where,
      orderBy: [{ at: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: ROW_SELECT,
    }),
    db.auditLog.count({ where }),
  ]);
  const names = await resolveAuditNames(db, provinceId, rows, locale);
  return { rows: withNames(rows, names), total, lookup: names.lookup };
}

export async function listAuditForExport(db: Db, provinceId: number, filters: AuditFilters, locale: string): Promise<{ rows: AuditRow[]; lookup: AuditLookup }> {
  const rows = await db.auditLog.findMany({
    where: auditWhere(provinceId, filters),
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    take: AUDIT_EXPORT_LIMIT,
    select: ROW_SELECT,
  });
  const names = await resolveAuditNames(db, provinceId, rows, locale);
  return { rows: withNames(rows, names), lookup: names.lookup };
}

export type AuditFilterOptions = { actors: { id: number; name: string }[]; entityTypes: string[] };

/** The filter form's choices: who has acted (by display name), on which kinds of entity. */
export async function listAuditFilterOptions(db: Db, provinceId: number): Promise<AuditFilterOptions> {
  const scope = { OR: [{ provinceId }, { provinceId: null }] };
  const [actors, entities] = await Promise.all([
    db.auditLog.groupBy({ by: ['actorId', 'actorName'], where: { ...scope, actorId: { not: null } }, orderBy: [{ actorId: 'asc' }, { actorName: 'asc' }] }),
    db.auditLog.groupBy({ by: ['entityType'], where: scope, orderBy: { entityType: 'asc' } }),
  ]);
  const ids = [...new Set(actors.map((row) => row.actorId).filter((id): id is number => id !== null))];
  const users = await db.user.findMany({ where: { id: { in: ids }, provinceId }, select: { id: true, displayName: true } });
  const displayNames = new Map(users.map((user) => [user.id, user.displayName]));
  const recorded = new Map<number, string>();
  for (const row of actors) if (row.actorId !== null && !recorded.has(row.actorId)) recorded.set(row.actorId, row.actorName);
  return {
    actors: ids.map((id) => ({ id, name: displayNames.get(id) ?? recorded.get(id) ?? String(id) })),
    entityTypes: entities.map((row) => row.entityType),
  };
}

// ---- Names ----------------------------------------------------------------------------------------------------

export type AuditNames = {
  /** Names of the communes, positions, people and lists the payloads refer to (lib/audit/present.ts). */
  lookup: AuditLookup;
  entity: (row: NameableAuditRow) => AuditEntityRef;
  actor: (row: { actorId: number | null }) => string | null;
};

const COMMUNE_ENTITIES = new Set(['commune', 'quota', 'keyPositionNorm']);
const numericIds = (values: Iterable<string | null>) => [...new Set([...values].filter((v): v is string => v !== null && /^\d{1,9}$/.test(v)).map(Number))];
const idsOf = (rows: readonly NameableAuditRow[], types: ReadonlySet<string> | string) =>
  numericIds(rows.filter((row) => (typeof types === 'string' ? row.entityType === types : types.has(row.entityType))).map((row) => row.entityId));
const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const skipWhenEmpty = <T>(ids: readonly unknown[], query: () => Promise<T[]>): Promise<T[]> => (ids.length === 0 ? Promise.resolve([]) : query());
const person = (cadre: { fullName: string; code: string }) => `${cadre.fullName} (${cadre.code})`;

/**
 * The names of a page of audit rows, in one set-based query per kind of entity (every one scoped to the
 * province): the entity each row is about, with the page it can be opened on; the actors' display names; and
 * the communes, positions, people and lists the payloads refer to by code or id.
 */
export async function resolveAuditNames(db: Db, provinceId: number, rows: readonly NameableAuditRow[], locale: string): Promise<AuditNames> {
  const references = collectAuditReferences(rows);
  const removedCandidates = rows.filter((row) => row.entityType === 'secondment_candidate').map((row) => asRecord(row.before));
  const communeIds = [...new Set([...idsOf(rows, COMMUNE_ENTITIES), ...numericIds(references.communeId)])];
  const cadreIds = [...new Set([...idsOf(rows, 'cadre'), ...numericIds(references.cadreId)])];
  const listIds = [...new Set([...idsOf(rows, 'secondment_list'), ...numericIds(references.list), ...numericIds(removedCandidates.map((b) => (typeof b.listId === 'number' ? String(b.listId) : null)))])];
  const userIds = [...new Set([...idsOf(rows, 'user'), ...rows.map((row) => row.actorId).filter((id): id is number => id !== null)])];
  const positionIds = [...new Set([...idsOf(rows, 'position'), ...numericIds(references.positionId)])];
  const departmentIds = [...new Set([...idsOf(rows, 'department'), ...numericIds(references.departmentId)])];
  const communeCodes = [...references.commune];
  const cadreCodes = [...references.cadre];
  const positionCodes = [...references.position];
  const departmentCodes = [...references.department];
  const candidateIds = idsOf(rows, 'secondment_candidate');
  const transferIds = idsOf(rows, 'transfer');
  const vacancyIds = idsOf(rows, 'vacancy');
  const oldDistrictIds = idsOf(rows, 'oldDistrict');
  const phaseIds = idsOf(rows, 'secondment_phase');
  const snapshotIds = idsOf(rows, 'province_snapshot');
  const importIds = [...new Set(rows.filter((row) => row.entityType === 'import_upload' && row.entityId).map((row) => row.entityId as string))];
  const provinceIds = idsOf(rows, 'province').filter((id) => id === provinceId);

  const [communes, cadres, positions, departments, lists, candidates, transfers, users, vacancies, oldDistricts, phases, snapshots, uploads, provinces] = await Promise.all([
    skipWhenEmpty([...communeIds, ...communeCodes], () =>
      db.commune.findMany({ where: { provinceId, OR: [{ id: { in: communeIds } }, { code: { in: communeCodes } }] }, select: { id: true, code: true, name: true } })),
    skipWhenEmpty([...cadreIds, ...cadreCodes], () =>
      db.cadre.findMany({
        where: { provinceId, OR: [{ id: { in: cadreIds } }, { code: { in: cadreCodes } }] },
        select: {
          id: true, code: true, fullName: true,
          assignments: { where: { isPrimary: true, endDate: null, communeId: { not: null } }, select: { commune: { select: { code: true } } }, take: 1 },
        },
      })),
    skipWhenEmpty([...positionIds, ...positionCodes], () =>
      db.position.findMany({ where: { provinceId, OR: [{ id: { in: positionIds } }, { code: { in: positionCodes } }] }, select: { id: true, code: true, titleVi: true, titleEn: true } })),
    skipWhenEmpty([...departmentIds, ...departmentCodes], () =>
      db.department.findMany({ where: { provinceId, OR: [{ id: { in: departmentIds } }, { code: { in: departmentCodes } }] }, select: { id: true, code: true, name: true } })),
    skipWhenEmpty(listIds, () =>
      db.secondmentList.findMany({ where: { id: { in: listIds }, phase: { provinceId } }, select: { id: true, department: { select: { name: true } }, phase: { select: { number: true, year: true } } } })),
    skipWhenEmpty(candidateIds, () =>
      db.secondmentCandidate.findMany({ where: { id: { in: candidateIds }, list: { phase: { provinceId } } }, select: { id: true, listId: true, cadre: { select: { code: true, fullName: true } } } })),
    skipWhenEmpty(transferIds, () =>
      db.transfer.findMany({
        where: { id: { in: transferIds }, provinceId },
        select: { id: true, cadre: { select: { code: true, fullName: true } }, fromCommune: { select: { name: true } }, toCommune: { select: { name: true } } },
      })),
    skipWhenEmpty(userIds, () => db.user.findMany({ where: { id: { in: userIds }, provinceId }, select: { id: true, username: true, displayName: true } })),
    skipWhenEmpty(vacancyIds, () =>
      db.vacancy.findMany({
        where: { id: { in: vacancyIds }, commune: { provinceId } },
        select: { id: true, field: true, commune: { select: { code: true, name: true } }, position: { select: { titleVi: true, titleEn: true } } },
      })),
    skipWhenEmpty(oldDistrictIds, () => db.oldDistrict.findMany({ where: { id: { in: oldDistrictIds }, provinceId }, select: { id: true, code: true, name: true } })),
    skipWhenEmpty(phaseIds, () => db.secondmentPhase.findMany({ where: { id: { in: phaseIds }, provinceId }, select: { id: true, number: true, year: true } })),
    skipWhenEmpty(snapshotIds, () => db.provinceSnapshot.findMany({ where: { id: { in: snapshotIds }, provinceId }, select: { id: true, takenOn: true } })),
    skipWhenEmpty(importIds, () => db.importUpload.findMany({ where: { id: { in: importIds }, provinceId }, select: { id: true, fileName: true } })),
    skipWhenEmpty(provinceIds, () => db.province.findMany({ where: { id: { in: provinceIds } }, select: { id: true, name: true } })),
  ]);

  const title = (position: { titleVi: string; titleEn: string }) => (locale === 'en' && position.titleEn ? position.titleEn : position.titleVi);
  const listName = (list: (typeof lists)[number]): AuditText => ({
    key: 'audit.names.secondmentList', params: { department: list.department.name, phase: `${list.phase.number}/${list.phase.year}` },
  });
  const byId = <T extends { id: number | string }>(items: readonly T[]) => new Map(items.map((item) => [String(item.id), item]));
  const communeById = byId(communes);
  const cadreById = byId(cadres);
  const positionById = byId(positions);
  const departmentById = byId(departments);
  const listById = byId(lists);
  const candidateById = byId(candidates);
  const transferById = byId(transfers);
  const userById = byId(users);
  const vacancyById = byId(vacancies);
  const oldDistrictById = byId(oldDistricts);
  const phaseById = byId(phases);
  const snapshotById = byId(snapshots);
  const uploadById = byId(uploads);
  const provinceById = byId(provinces);

  const lookup: AuditLookup = {
    commune: new Map(communes.map((c) => [c.code, c.name])),
    communeId: new Map(communes.map((c) => [String(c.id), c.name])),
    department: new Map(departments.map((d) => [d.code, d.name])),
    departmentId: new Map(departments.map((d) => [String(d.id), d.name])),
    position: new Map(positions.map((p) => [p.code, title(p)])),
    positionId: new Map(positions.map((p) => [String(p.id), title(p)])),
    cadre: new Map(cadres.map((c) => [c.code, person(c)])),
    cadreId: new Map(cadres.map((c) => [String(c.id), person(c)])),
    list: new Map(lists.map((l) => [String(l.id), listName(l)])),
  };

  const communeLinks = (code: string): AuditEntityLink[] => [{ href: `/communes/${encodeURIComponent(code)}`, permission: 'commune.view' }];
  const listLink = (id: number | string): AuditEntityLink[] => [{ href: `/secondments/lists/${id}`, permission: 'secondment.view' }];
  const text = (value: string): AuditText => ({ text: value });

  /** A name the payload itself carries, for an entity that is gone (a deleted position). */
  function nameInPayload(row: NameableAuditRow): AuditText | null {
    for (const side of [asRecord(row.after), asRecord(row.before)]) {
      for (const key of ['displayName', 'fullName', 'name', locale === 'en' ? 'titleEn' : 'titleVi', 'titleVi', 'fileName']) {
        if (typeof side[key] === 'string' && side[key]) return text(side[key] as string);
      }
    }
    return null;
  }

  function known(row: NameableAuditRow): AuditEntityRef | null {
    const id = row.entityId ?? '';
    switch (row.entityType) {
      case 'commune':
      case 'quota':
      case 'keyPositionNorm': {
        const commune = communeById.get(id);
        if (!commune) return null;
        const quotaPage: AuditEntityLink[] = row.entityType === 'commune' ? [] : [{ href: `/quotas/${encodeURIComponent(commune.code)}`, permission: 'quota.edit' }];
        return { name: text(commune.name), links: [...quotaPage, ...communeLinks(commune.code)] };
      }
      case 'vacancy': {
        const vacancy = vacancyById.get(id);
        if (!vacancy) return null;
        const need: AuditText = vacancy.position ? text(title(vacancy.position)) : vacancy.field ? { key: `fields.${vacancy.field}`, fallback: vacancy.field } : text('—');
        return { name: { key: 'audit.names.vacancy', params: { commune: vacancy.commune.name, need } }, links: communeLinks(vacancy.commune.code) };
      }
      case 'cadre': {
        const cadre = cadreById.get(id);
        if (!cadre) return null;
        const communeCode = cadre.assignments[0]?.commune?.code;
        const links: AuditEntityLink[] = communeCode
          ? [{ href: `/communes/${encodeURIComponent(communeCode)}/manage/person/${encodeURIComponent(cadre.code)}`, permission: 'roster.edit' }, ...communeLinks(communeCode)]
          : [];
        return { name: text(person(cadre)), links };
      }
      case 'secondment_list': {
        const list = listById.get(id);
        return list ? { name: listName(list), links: listLink(list.id) } : null;
      }
      case 'secondment_candidate': {
        const candidate = candidateById.get(id);
        if (candidate) return { name: text(person(candidate.cadre)), links: listLink(candidate.listId) };
        // A candidate removed from its list is gone; its removal names the person and the list.
        const before = asRecord(row.before);
        const cadre = cadreById.get(String(before.cadreId));
        const list = listById.get(String(before.listId));
        return cadre ? { name: text(person(cadre)), links: list ? listLink(list.id) : [] } : null;
      }
      case 'transfer': {
        const transfer = transferById.get(id);
        if (!transfer) return null;
        return {
          name: { key: 'audit.names.transfer', params: { person: person(transfer.cadre), from: transfer.fromCommune.name, to: transfer.toCommune.name } },
          links: [{ href: `/transfers/${transfer.id}`, permission: 'transfer.view' }],
        };
      }
      case 'user': {
        const user = userById.get(id);
        return user ? { name: text(`${user.displayName} (${user.username})`), links: [{ href: `/admin/users/${user.id}`, permission: 'user.manage' }] } : null;
      }
      case 'position': {
        const position = positionById.get(id);
        return position ? { name: text(title(position)), links: [{ href: `/positions/${encodeURIComponent(position.code)}`, permission: 'quota.edit' }] } : null;
      }
      case 'department': {
        const department = departmentById.get(id);
        return department ? { name: text(department.name), links: [] } : null;
      }
      case 'oldDistrict': {
        const district = oldDistrictById.get(id);
        return district ? { name: text(district.name), links: [{ href: `/districts/${encodeURIComponent(district.code)}`, permission: 'staffing.view' }] } : null;
      }
      case 'province': {
        const province = provinceById.get(id);
        return province ? { name: text(province.name), links: [{ href: '/', permission: 'staffing.view' }] } : null;
      }
      case 'import_upload': {
        const upload = uploadById.get(id);
        return upload ? { name: text(upload.fileName), links: [{ href: `/import/${encodeURIComponent(upload.id)}`, permission: 'data.import' }] } : null;
      }
      case 'secondment_phase': {
        const phase = phaseById.get(id);
        return phase ? { name: { key: 'audit.names.phase', params: { number: String(phase.number), year: String(phase.year) } }, links: [{ href: '/secondments', permission: 'secondment.view' }] } : null;
      }
      case 'province_snapshot': {
        const snapshot = snapshotById.get(id);
        return snapshot ? { name: { key: 'audit.names.snapshot', params: { date: formatDate(snapshot.takenOn) } }, links: [{ href: '/dashboard', permission: 'staffing.view' }] } : null;
      }
      case 'report_draft':
        return { name: null, links: [{ href: '/report', permission: 'report.view' }] };
      case 'reception':
        // The person is named by the proposal's own payload (a person from elsewhere has no row before the decision).
        return { name: nameInPayload(row), links: [{ href: `/receptions/${encodeURIComponent(id)}`, permission: 'reception.view' }] };
      case 'recruitment_plan':
        return { name: null, links: [{ href: '/recruitment', permission: 'recruitment.view' }] };
      case 'quota_year':
        // Its id is the year (lib/actions/quotas/open-quota-year.ts), within the row's province.
        return { name: { key: 'audit.names.quotaYear', params: { year: id } }, links: [{ href: `/quotas/years/${encodeURIComponent(id)}`, permission: 'quota.edit' }] };
      default:
        return null;
    }
  }

  return {
    lookup,
    entity: (row) => known(row) ?? { name: nameInPayload(row) ?? (row.entityId ? { key: 'audit.names.id', params: { id: row.entityId } } : null), links: [] },
    actor: (row) => (row.actorId === null ? null : userById.get(String(row.actorId))?.displayName ?? null),
  };
}
