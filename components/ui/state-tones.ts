import { IMPORT_UPLOAD_STATUSES, type ImportUploadStatus } from '@/lib/domain/import-upload';
import { QUOTA_YEAR_STATUSES, type QuotaYearStatus } from '@/lib/domain/quota-years';
import { CANDIDATE_STATES, LIST_STATES, PHASE_STATES, type CandidateState, type ListState, type PhaseState } from '@/lib/domain/secondment';
import { TRANSFER_STATUSES, type TransferStatus } from '@/lib/domain/transfer';
import { RECEPTION_STATES, type ReceptionState } from '@/lib/domain/reception';
import { SUPPORT_STATES, type SupportState } from '@/lib/domain/support';
import { RATING_ROUND_STATES, type RatingRoundState } from '@/lib/domain/ratings';
import type { BadgeTone } from './badge';

// How each state of each machine looks: one table per machine, read by the one StateBadge (components/ui/state-badge.tsx).
// `labels` is the catalogue namespace holding one label per state (`<labels>.<state>`); `datedLabels` the label of a
// state that names the day it began ("Đã thực hiện từ ngày 01/12/2025"). Colour never carries the meaning alone: the
// text does. tests/unit/state-badges.test.ts checks that every state has a tone and a label in both catalogues.

type StateLook<S extends string> = {
  states: readonly S[];
  tones: Record<S, BadgeTone>;
  labels: string;
  datedLabels?: Partial<Record<S, string>>;
};

const look = <S extends string>(definition: StateLook<S>) => definition;

export const STATE_LOOKS = {
  secondmentList: look<ListState>({
    states: LIST_STATES,
    tones: { draft: 'neutral', submitted: 'blue', returned: 'amber', forwarded: 'violet', decided: 'green' },
    labels: 'secondment.states.list',
  }),
  secondmentCandidate: look<CandidateState>({
    states: CANDIDATE_STATES,
    tones: {
      proposed: 'neutral', meets: 'green', does_not_meet: 'red', forwarded: 'violet', approved: 'green', declined: 'red', placed: 'blue', ended: 'neutral',
    },
    labels: 'secondment.states.candidate',
  }),
  secondmentPhase: look<PhaseState>({
    states: PHASE_STATES,
    tones: { open: 'blue', closed: 'neutral' },
    labels: 'secondment.phases',
  }),
  transfer: look<TransferStatus>({
    states: TRANSFER_STATUSES,
    tones: { proposed: 'blue', approved: 'violet', executed: 'green', declined: 'red', cancelled: 'neutral' },
    labels: 'transfer.states',
    datedLabels: { executed: 'transfer.states.executedSince' },
  }),
  reception: look<ReceptionState>({
    states: RECEPTION_STATES,
    tones: { proposed: 'blue', appraised: 'violet', decided: 'green', refused: 'red', withdrawn: 'neutral' },
    labels: 'reception.states',
  }),
  quotaYear: look<QuotaYearStatus>({
    states: QUOTA_YEAR_STATUSES,
    tones: { draft: 'amber', confirmed: 'green' },
    labels: 'quotaYears.status',
  }),
  supportRequest: look<SupportState>({
    states: SUPPORT_STATES,
    tones: { open: 'amber', assigned: 'blue', escalated_province: 'violet', escalated_central: 'red', resolved: 'green' },
    labels: 'support.states',
  }),
  ratingRound: look<RatingRoundState>({
    states: RATING_ROUND_STATES,
    tones: { draft: 'blue', confirmed: 'green' },
    labels: 'ratings.roundStates',
  }),
  importUpload: look<ImportUploadStatus>({
    states: IMPORT_UPLOAD_STATUSES,
    tones: { ready: 'blue', problems: 'red', applied: 'green' },
    labels: 'imports.status',
  }),
};

export type StateMachine = keyof typeof STATE_LOOKS;
export type StateOf<M extends StateMachine> = (typeof STATE_LOOKS)[M]['states'][number];

/** The tone, the label's catalogue key and, for a dated label, its key: what the badge needs from the tables. */
export function stateLook<M extends StateMachine>(machine: M, state: StateOf<M>): { tone: BadgeTone; labelKey: string; datedLabelKey: string | null } {
  const table = STATE_LOOKS[machine] as StateLook<string>;
  return { tone: table.tones[state], labelKey: `${table.labels}.${state}`, datedLabelKey: table.datedLabels?.[state] ?? null };
}
