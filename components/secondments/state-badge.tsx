import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { CandidateState, CandidateWarning, ListState } from '@/lib/domain/secondment';

// State and warning badges of the 5% lists: the label is translated by the caller; colour never carries the
// meaning alone (the text does).

const LIST_TONES: Record<ListState, BadgeTone> = {
  draft: 'neutral',
  submitted: 'blue',
  returned: 'amber',
  forwarded: 'violet',
  decided: 'green',
};

const CANDIDATE_TONES: Record<CandidateState, BadgeTone> = {
  proposed: 'neutral',
  meets: 'green',
  does_not_meet: 'red',
  forwarded: 'violet',
  approved: 'green',
  declined: 'red',
  placed: 'blue',
  ended: 'neutral',
};

export function ListStateBadge({ state, label }: { state: ListState; label: string }) {
  return <Badge tone={LIST_TONES[state]}>{label}</Badge>;
}

export function CandidateStateBadge({ state, label }: { state: CandidateState; label: string }) {
  return <Badge tone={CANDIDATE_TONES[state]}>{label}</Badge>;
}

export function WarningBadge({ warning, label }: { warning: CandidateWarning; label: string }) {
  return <Badge tone={warning === 'notCadreOrCivilServant' ? 'amber' : 'amber'}>{label}</Badge>;
}
