import { describe, expect, test } from 'vitest';
import { isReminderKey, listDueDate, phaseReminderKey, phaseReminderKind, recordsReminderKey } from '@/lib/domain/reminders';
import type { ListState } from '@/lib/domain/secondment';

// The derived reminders of the inbox and the digest (docs/decisions/045-inbox-and-reminders.md).

describe('phaseReminderKind: a department not yet submitted is reminded within a week of the due date and after it', () => {
  test.each([
    ['no list, 8 days ahead', null, '2025-11-14', '2025-11-06', null],
    ['no list, 7 days ahead', null, '2025-11-14', '2025-11-07', 'phaseDueSoon'],
    ['draft, on the due date', 'draft', '2025-11-14', '2025-11-14', 'phaseDueSoon'],
    ['returned, the day after', 'returned', '2025-11-14', '2025-11-15', 'phaseOverdue'],
    ['draft, 90 days after', 'draft', '2025-09-10', '2025-12-09', 'phaseOverdue'],
    ['draft, 91 days after: the campaign is long over', 'draft', '2025-09-10', '2025-12-10', null],
    ['submitted, overdue date passed', 'submitted', '2025-11-14', '2025-11-20', null],
    ['forwarded, within the week', 'forwarded', '2025-11-14', '2025-11-10', null],
    ['decided', 'decided', '2025-11-14', '2025-11-13', null],
  ] as const)('%s', (_label, state, dueDate, today, expected) => {
    expect(phaseReminderKind(state as ListState | null, dueDate, today)).toBe(expected);
  });
});

describe('keys and due dates', () => {
  test("a list's own due date (after a return) wins over its phase's", () => {
    expect(listDueDate({ dueDate: '2025-10-15' }, '2025-09-10')).toBe('2025-10-15');
    expect(listDueDate({ dueDate: null }, '2025-09-10')).toBe('2025-09-10');
  });
  test('a new due date is a new reminder; records are reminded once a day', () => {
    expect(phaseReminderKey(3, 'phaseDueSoon', '2025-11-14')).not.toBe(phaseReminderKey(3, 'phaseDueSoon', '2025-11-20'));
    expect(recordsReminderKey(113, '2025-11-10')).toBe('recordsIncomplete:113:2025-11-10');
    expect(isReminderKey(phaseReminderKey(3, 'phaseOverdue', '2025-11-14'))).toBe(true);
    expect(isReminderKey('support:12')).toBe(false);
  });
});
