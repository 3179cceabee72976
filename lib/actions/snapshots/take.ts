'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { today } from '@/lib/clock';
import { saveSnapshot } from '@/lib/db/snapshot-mutations';
import { computeSnapshotFigures, findSnapshotOn, type SnapshotRow } from '@/lib/db/snapshot-queries';
import { defineAction } from '../define-action';
import { ok } from '../result';

const TakeSnapshotSchema = z.object({});

const summary = (s: SnapshotRow) => ({
  takenOn: s.takenOn, source: s.source, quota: s.quota, headcount: s.headcount, difference: s.difference, keyVacancies: s.keyVacancies, unitsBoth: s.shortStaffedWithKeyGapsUnits,
});

/**
 * "Ghi nhận số liệu hôm nay": the Organizing Committee records the province's figures for today on demand
 * (decision 015). Like the CLI, a second one the same day replaces that day's row (the unique province-and-day
 * key); the audit record keeps what it replaced.
 */
export const takeSnapshotNow = defineAction('takeSnapshotNow', 'snapshot.take', TakeSnapshotSchema, async (_input, ctx) => {
  const date = today();
  const provinceId = ctx.user.provinceId;
  const figures = await computeSnapshotFigures(ctx.db, provinceId, date);
  const takenOn = await ctx.write(async (tx) => {
    const previous = await findSnapshotOn(tx, provinceId, date);
    const saved = await saveSnapshot(tx, provinceId, date, 'on_demand', figures);
    return {
      value: saved.takenOn,
      audit: { action: 'snapshot.take', entityType: 'province_snapshot', entityId: saved.id, before: previous ? summary(previous) : undefined, after: summary(saved) },
    };
  });
  revalidatePath('/dashboard');
  return ok({ takenOn }, 'dashboard.snapshot.taken');
});
