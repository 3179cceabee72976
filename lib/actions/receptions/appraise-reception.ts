'use server';

import { revalidatePath } from 'next/cache';
import { today } from '@/lib/clock';
import * as receptions from '@/lib/db/reception-mutations';
import type { ConditionCheck } from '@/lib/domain/reception';
import { AppraiseReceptionSchema } from '@/lib/validation/reception';
import { defineAction } from '../define-action';
import { ok } from '../result';
import { loadReceptionStep } from './load';

/**
 * Home Affairs appraises a proposal: its own finding on each condition, the testing council's result (a council that
 * fails the person is a refusal, not an appraisal) and score. A condition it finds unmet passes only with the
 * proposal's recorded exception.
 */
export const appraiseReception = defineAction('appraiseReception', 'reception.appraise', AppraiseReceptionSchema, async (input, ctx) => {
  const findings: ConditionCheck[] = [
    { code: 'insurance', met: input.insuranceMet === 'yes' },
    { code: 'degree', met: input.degreeMet === 'yes' },
    { code: 'field', met: input.fieldMet === 'yes' },
  ];
  const reception = await loadReceptionStep(ctx, 'appraise', input, (r) => ({
    councilResult: input.councilResult, conditionsMet: findings.every((f) => f.met), exceptionReason: r.exceptionReason,
  }));
  const score = input.councilScore === null ? null : Math.round(input.councilScore * 100) / 100;
  await ctx.write(async (tx) => {
    await receptions.appraiseReception(tx, { id: reception.id, version: input.version, findings, councilResult: input.councilResult!, councilScore: score, note: input.note, on: today() });
    return {
      audit: {
        action: 'reception.appraise',
        entityId: reception.id,
        after: {
          from: 'proposed', to: 'appraised', insuranceMet: findings[0].met, degreeMet: findings[1].met, fieldMet: findings[2].met,
          councilResult: input.councilResult!, councilScore: score === null ? null : String(score), note: input.note,
        },
      },
    };
  });
  revalidatePath('/', 'layout');
  return ok(undefined, 'reception.notices.appraised');
}, { stale: 'reception.errors.stale' });
