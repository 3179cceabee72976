import { createHash } from 'node:crypto';
import type { CommuneRef } from '@/lib/db/roster-queries';
import { loadWorkbookState } from '@/lib/db/commune-workbook-queries';
import { inRolledBackTransaction } from '@/lib/db/commune-workbook-mutations';
import type { Db } from '@/lib/db/prisma';
import { parseCommuneWorkbook } from '@/lib/commune-workbook/parse';
import type { WorkbookProblem, WorkbookReport } from '@/lib/commune-workbook/types';
import { runWorkbook, type RunContext } from './execute';

// The dry run of a commune workbook (docs/decisions/047-commune-workbook.md): the same run as the apply, in a
// transaction that is always rolled back, so its diff, refusals and conflicts are the apply's.

/** The upload's cap: a commune's workbook is a few dozen rows (tens of kilobytes). */
export const MAX_WORKBOOK_BYTES = 2 * 1024 * 1024;

export const DRY_RUN_TIMEOUT = 60_000;

export async function checkCommuneWorkbook(db: Db, commune: CommuneRef, file: { name: string; bytes: Uint8Array }, run: RunContext): Promise<WorkbookReport> {
  const problems: WorkbookProblem[] = [];
  const parsed = await parseCommuneWorkbook(file.name, file.bytes, problems);
  const state = await loadWorkbookState(db, commune, run.today);
  return inRolledBackTransaction(db, async (tx) => (await runWorkbook(tx, run, commune, state, parsed, problems)).report, DRY_RUN_TIMEOUT);
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
