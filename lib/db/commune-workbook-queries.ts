import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Block } from '@/lib/domain/types';
import type { WorkbookReport } from '@/lib/commune-workbook/types';
import { findDossier, type Dossier } from './dossier-queries';
import { issuingBodiesFor } from './decision-queries';
import type { Db } from './prisma';
import { findPersonInCommune, type RosterPerson } from './roster-queries';
import { listCommuneRoster } from './staffing-queries';

// What the commune workbook is written from and checked against (docs/decisions/047-commune-workbook.md): the
// commune's people on its roster today with their posts and dossier, its open needs, the posts and issuing bodies
// it may use. Read through `db`, or a transaction's client for the apply's checks.

type Reader = Db | Prisma.TransactionClient;

export type WorkbookPerson = RosterPerson & { dossier: Dossier };
export type WorkbookPosition = { id: number; code: string; titleVi: string; titleEn: string; block: Block; isKey: boolean; isElected: boolean };
export type WorkbookNeed = { id: number; positionCode: string | null; field: string | null; count: number; urgency: 'normal' | 'urgent' | 'critical'; note: string | null; version: number };
export type WorkbookBody = { id: number; code: string; name: string };

export type WorkbookState = {
  people: WorkbookPerson[];
  needs: WorkbookNeed[];
  positions: WorkbookPosition[];
  bodies: WorkbookBody[];
};

export async function loadWorkbookState(db: Db, commune: { id: number; provinceId: number }, date: string): Promise<WorkbookState> {
  const roster = await listCommuneRoster(db, commune.id, date);
  const people: WorkbookPerson[] = [];
  for (const row of [...roster].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    const person = await findPersonInCommune(db, commune.id, { cadreId: row.cadreId }, date);
    const dossier = person ? await findDossier(db, person.id) : null;
    if (person && dossier && person.status === 'active') people.push({ ...person, dossier });
  }
  const [needs, positions, bodies] = await Promise.all([
    db.vacancy.findMany({
      where: { communeId: commune.id, status: 'open' },
      select: { id: true, field: true, count: true, urgency: true, note: true, version: true, position: { select: { code: true } } },
      orderBy: { id: 'asc' },
    }),
    db.position.findMany({
      where: { provinceId: commune.provinceId, block: { not: null } },
      select: { id: true, code: true, titleVi: true, titleEn: true, block: true, isKey: true, isElected: true },
      orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    }),
    listBodies(db, commune),
  ]);
  return {
    people,
    needs: needs.map((n) => ({ id: n.id, positionCode: n.position?.code ?? null, field: n.field, count: n.count, urgency: n.urgency, note: n.note, version: n.version })),
    positions: positions.map((p) => ({ ...p, block: p.block as Block })),
    bodies,
  };
}

/** The issuing bodies that may decide a change in the commune (its own and the province's), with their codes. */
async function listBodies(db: Reader, commune: { id: number; provinceId: number }): Promise<WorkbookBody[]> {
  const options = await issuingBodiesFor(db, commune.provinceId, commune.id);
  const codes = await db.issuingBody.findMany({ where: { id: { in: options.map((o) => o.id) } }, select: { id: true, code: true } });
  const codeOf = new Map(codes.map((c) => [c.id, c.code]));
  return options.map((o) => ({ id: o.id, code: codeOf.get(o.id)!, name: o.name }));
}

export type StoredWorkbookUpload = {
  id: string; communeId: number; fileName: string; status: 'checked' | 'applied'; report: WorkbookReport; createdAt: Date; appliedAt: Date | null; uploadedById: number | null;
};

/** An upload of the commune's workbook (null: unknown, or another commune's). */
export async function findWorkbookUpload(db: Db, communeId: number, id: string): Promise<StoredWorkbookUpload | null> {
  const row = await db.communeWorkbookUpload.findFirst({
    where: { id, communeId },
    select: { id: true, communeId: true, fileName: true, status: true, report: true, createdAt: true, appliedAt: true, uploadedById: true },
  });
  return row ? { ...row, report: row.report as unknown as WorkbookReport } : null;
}

export async function loadWorkbookContent(db: Db, communeId: number, id: string): Promise<Uint8Array | null> {
  const row = await db.communeWorkbookUpload.findFirst({ where: { id, communeId }, select: { content: true } });
  return row ? new Uint8Array(row.content) : null;
}

/** Uploads are kept this long between their dry run and their apply. */
export const WORKBOOK_RETENTION_DAYS = 7;
