import { describe, expect, test } from 'vitest';
import { checkConcurrentAddition, checkConcurrentRemoval, checkPrimaryChange, dayBefore, endingOf } from '@/lib/domain/roster';
import { AddConcurrentPositionSchema, ChangePrimaryPositionSchema, RemoveConcurrentPositionSchema } from '@/lib/validation/roster';

const TODAY = '2025-11-10';

describe('dayBefore', () => {
  test.each([
    ['an ordinary day', '2025-11-10', '2025-11-09'],
    ['the first of a month', '2025-07-01', '2025-06-30'],
    ['New Year', '2026-01-01', '2025-12-31'],
    ['1 March of a leap year', '2024-03-01', '2024-02-29'],
    ['1 March of a common year', '2025-03-01', '2025-02-28'],
  ])('%s', (_label, date, expected) => {
    expect(dayBefore(date)).toBe(expected);
  });
});

describe('checkPrimaryChange', () => {
  const base = { currentPositionId: 7, currentStart: '2025-07-01', newPositionId: 9, effectiveDate: TODAY, today: TODAY };
  test.each([
    { label: 'effective today: allowed', change: {}, expected: null },
    { label: 'backdated, the day after the current post began: allowed', change: { effectiveDate: '2025-07-02' }, expected: null },
    { label: 'the same position', change: { newPositionId: 7 }, expected: { field: 'positionId', error: 'roster.errors.samePosition' } },
    { label: 'tomorrow: a change decided in advance is scheduled', change: { effectiveDate: '2025-11-11' }, expected: null },
    { label: 'a year and a day ahead: too far', change: { effectiveDate: '2026-11-12' }, expected: { field: 'effectiveDate', error: 'roster.errors.tooFarAhead' } },
    {
      label: 'the day the current post began: it would keep no day at all',
      change: { effectiveDate: '2025-07-01' },
      expected: { field: 'effectiveDate', error: 'roster.errors.changeBeforeStart' },
    },
    { label: 'before the current post began', change: { effectiveDate: '2025-01-01' }, expected: { field: 'effectiveDate', error: 'roster.errors.changeBeforeStart' } },
    { label: 'same position reported before the date', change: { newPositionId: 7, effectiveDate: '2999-01-01' }, expected: { field: 'positionId', error: 'roster.errors.samePosition' } },
  ])('$label', ({ change, expected }) => {
    expect(checkPrimaryChange({ ...base, ...change })).toEqual(expected);
  });
});

describe('endingOf: an assignment that stops being held from a date', () => {
  test.each([
    { label: 'ends the day before', start: '2025-07-01', from: '2025-11-10', expected: { kind: 'end', endDate: '2025-11-09' } },
    { label: 'from the day after it began: held one day', start: '2025-07-01', from: '2025-07-02', expected: { kind: 'end', endDate: '2025-07-01' } },
    { label: 'from its first day: withdrawn, it never took effect', start: '2025-11-10', from: '2025-11-10', expected: { kind: 'withdraw' } },
    { label: 'from before its first day (absorbed by an earlier primary change): withdrawn', start: '2025-11-10', from: '2025-11-01', expected: { kind: 'withdraw' } },
  ])('$label', ({ start, from, expected }) => {
    expect(endingOf(start, from)).toEqual(expected);
  });
});

describe('checkConcurrentAddition', () => {
  const base = { positionId: 12, primaryPositionId: 7, concurrentPositionIds: [20, 21], lastEnded: null as string | null, startDate: TODAY, today: TODAY };
  test.each([
    { label: 'a new position from today', change: {}, expected: null },
    { label: 'backdated', change: { startDate: '2025-08-01' }, expected: null },
    { label: 'the primary position', change: { positionId: 7 }, expected: { field: 'positionId', error: 'roster.errors.concurrentIsPrimary' } },
    { label: 'a position already held concurrently', change: { positionId: 21 }, expected: { field: 'positionId', error: 'roster.errors.alreadyConcurrent' } },
    { label: 'from tomorrow (scheduled)', change: { startDate: '2025-11-11' }, expected: null },
    { label: 'more than a year ahead', change: { startDate: '2026-12-01' }, expected: { field: 'startDate', error: 'roster.errors.tooFarAhead' } },
    { label: 'held before and ended: from the next day', change: { lastEnded: '2025-09-30', startDate: '2025-10-01' }, expected: null },
    {
      label: 'held before: a start on or before that end would overlap',
      change: { lastEnded: '2025-09-30', startDate: '2025-09-30' },
      expected: { field: 'startDate', error: 'roster.errors.overlapsEarlier' },
    },
    { label: 'a person with no primary here may still take a concurrent post', change: { primaryPositionId: null }, expected: null },
  ])('$label', ({ change, expected }) => {
    expect(checkConcurrentAddition({ ...base, ...change })).toEqual(expected);
  });
});

describe('checkConcurrentRemoval', () => {
  test.each([
    { label: 'today', start: '2025-07-01', date: TODAY, expected: null },
    { label: 'its first day (withdrawn)', start: TODAY, date: TODAY, expected: null },
    { label: 'tomorrow (scheduled)', start: '2025-07-01', date: '2025-11-11', expected: null },
    { label: 'more than a year ahead', start: '2025-07-01', date: '2026-11-12', expected: 'roster.errors.tooFarAhead' },
    { label: 'before it began', start: '2025-07-01', date: '2025-06-30', expected: 'roster.errors.removalBeforeStart' },
  ])('$label', ({ start, date, expected }) => {
    expect(checkConcurrentRemoval(start, date, TODAY)).toBe(expected);
  });
});

describe('the forms’ schemas', () => {
  test('a change of primary position needs a position and a real date', () => {
    const parsed = ChangePrimaryPositionSchema.safeParse({ cadreId: '1', communeId: '2', version: '3', positionId: '', effectiveDate: '2025-02-31' });
    expect(parsed.success).toBe(false);
    const fields = Object.fromEntries((parsed.error?.issues ?? []).map((i) => [i.path[0], i.message]));
    expect(fields).toMatchObject({ positionId: 'roster.errors.position', effectiveDate: 'roster.errors.date' });
  });
  test('adding and removing a concurrent position', () => {
    const decision = { decisionNumber: '45-QĐ/ĐU', decisionDate: '10/11/2025', issuingBodyId: '7', backdatedReason: ' ' };
    expect(AddConcurrentPositionSchema.parse({ cadreId: '1', communeId: '2', version: '0', positionId: '5', startDate: '2025-11-10', ...decision })).toEqual({
      cadreId: 1, communeId: 2, version: 0, positionId: 5, startDate: '2025-11-10',
      decisionNumber: '45-QĐ/ĐU', decisionDate: '2025-11-10', issuingBodyId: 7, backdatedReason: null,
    });
    // The decision is required: without it the change is refused beside the fields.
    const missing = AddConcurrentPositionSchema.safeParse({ cadreId: '1', communeId: '2', version: '0', positionId: '5', startDate: '2025-11-10' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['decisionNumber', 'decisionDate', 'issuingBodyId']));
    expect(RemoveConcurrentPositionSchema.safeParse({ cadreId: '1', communeId: '2', version: '1', assignmentId: 'x', date: TODAY }).success).toBe(false);
  });
});
