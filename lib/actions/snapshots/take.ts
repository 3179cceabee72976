'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { today } from '@/lib/clock';
import { computeSnapshotFigures, saveSnapshot } from '@/lib/db/snapshot-queries';
import { defineAction } from '../define-action';
import { ok } from '../result';

const TakeSnapshotSchema = z.object({});

/**
 * "Ghi nhận số liệu hôm nay": the Organizing Committee records the province's figures for today on demand
 * (decision 015). Like the CLI, a second one the same day replaces that day's row (the unique province-and-day
 * key); the audit record keeps what it replaced.
 */
export const takeSnapshotNow = defineAction('takeSnapshotNow', 'snapshot.take', TakeSnapshotSchema, async (_input, ctx) => {
  const date = today();
  const provinceId = ctx.user.provinceId;
  const figures = await computeSnapshotFigures(ctx.db, provinceId, date);
  const summary = (s: { takenOn: string; source: string; quota: number; headcount: number; difference: number; keyVacancies: number; unitsBoth: number }) => ({
    takenOn: s.takenOn, source: s.source, quota: s.quota, headcount: s.headcount, difference: s.difference, keyVacancies: s.keyVacancies, unitsBoth: s.unitsBoth,
  });
  const snapshot = await ctx.db.$transaction(async (tx) => {
    const previous = await tx.provinceSnapshot.findUnique({ where: { provinceId_takenOn: { provinceId, takenOn: new Date(`${date}T00:00:00Z`) } } });
    const saved = await saveSnapshot(tx, provinceId, date, 'on_demand', figures);
    await ctx.audit(tx, {
      action: 'snapshot.take',
      entityType: 'province_snapshot',
      entityId: saved.id,
      before: previous ? summary({ ...previous, takenOn: date }) : undefined,
      after: summary(saved),
    });
    return saved;
  });
  revalidatePath('/dashboard');
  return ok({ takenOn: snapshot.takenOn }, 'dashboard.snapshot.taken');
});
