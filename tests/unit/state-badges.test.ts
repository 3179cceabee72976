import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';
import { IMPORT_UPLOAD_STATUSES } from '@/lib/domain/import-upload';
import { QUOTA_YEAR_STATUSES } from '@/lib/domain/quota-years';
import { CANDIDATE_STATES, LIST_STATES, PHASE_STATES } from '@/lib/domain/secondment';
import { TRANSFER_STATUSES } from '@/lib/domain/transfer';
import { RECEPTION_STATES } from '@/lib/domain/reception';
import { STATE_LOOKS, stateLook, type StateMachine } from '@/components/ui/state-tones';
import { SUPPORT_STATES } from '@/lib/domain/support';
import { RATING_ROUND_STATES } from '@/lib/domain/ratings';

// One badge for every state of every machine (components/ui/state-badge.tsx): its tone from the machine's one table,
// its label from both catalogues. A state added to a machine without a look fails here.

const BADGE_TONES = ['red', 'amber', 'green', 'blue', 'violet', 'neutral'];

/** The machines' own lists of states: the tables must cover exactly these. */
const MACHINE_STATES: Record<StateMachine, readonly string[]> = {
  secondmentList: LIST_STATES,
  secondmentCandidate: CANDIDATE_STATES,
  secondmentPhase: PHASE_STATES,
  transfer: TRANSFER_STATUSES,
  quotaYear: QUOTA_YEAR_STATUSES,
  importUpload: IMPORT_UPLOAD_STATUSES,
  reception: RECEPTION_STATES,
  supportRequest: SUPPORT_STATES,
  ratingRound: RATING_ROUND_STATES,
};

const lookUp = (catalogue: unknown, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);

const cases = (Object.keys(STATE_LOOKS) as StateMachine[]).flatMap((machine) => MACHINE_STATES[machine].map((state) => [machine, state] as const));

describe('every state of every machine has a look', () => {
  test('the tables cover the machines and nothing else', () => {
    expect(Object.keys(STATE_LOOKS).sort()).toEqual(Object.keys(MACHINE_STATES).sort());
    for (const machine of Object.keys(STATE_LOOKS) as StateMachine[]) {
      expect([...STATE_LOOKS[machine].states]).toEqual([...MACHINE_STATES[machine]]);
      expect(Object.keys(STATE_LOOKS[machine].tones).sort()).toEqual([...MACHINE_STATES[machine]].sort());
    }
  });

  test.each(cases)('%s %s: a tone and a label in vi and en', (machine, state) => {
    const look = stateLook(machine, state as never);
    expect(BADGE_TONES).toContain(look.tone);
    for (const catalogue of [vi, en]) {
      expect(typeof lookUp(catalogue, look.labelKey), look.labelKey).toBe('string');
      if (look.datedLabelKey) expect(lookUp(catalogue, look.datedLabelKey), look.datedLabelKey).toMatch(/\{date\}/);
    }
  });
});

test('no other table of state tones in app/ or components/', () => {
  const ROOT = path.resolve(__dirname, '../..');
  const files = (dir: string): string[] =>
    fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.join(dir, e.name);
      return e.isDirectory() ? files(rel) : /\.tsx?$/.test(e.name) ? [rel] : [];
    });
  const stateTypes = /Record<\s*(ListState|CandidateState|PhaseState|TransferState|TransferStatus|QuotaYearStatus|ImportUploadStatus)\s*,\s*BadgeTone\s*>/;
  const offenders = ['app', 'components'].flatMap(files).filter((f) => f !== path.join('components', 'ui', 'state-tones.ts') && stateTypes.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
  expect(offenders).toEqual([]);
});
