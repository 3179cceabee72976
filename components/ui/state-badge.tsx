import { getTranslations } from 'next-intl/server';
import { getFormatters } from '@/lib/i18n/server';
import { Badge } from './badge';
import { stateLook, type StateMachine, type StateOf } from './state-tones';

/**
 * A state of one of the machines (a 5% list, a candidate, a phase, a transfer, a quota year, an upload) as a badge:
 * its tone and label from the machine's table in ./state-tones.ts. `since` (YYYY-MM-DD) is the day the state began,
 * named by the states whose label is dated (a transfer executed since its effective date).
 */
export async function StateBadge<M extends StateMachine>({ machine, state, since }: { machine: M; state: StateOf<M>; since?: string }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatters()]);
  const { tone, labelKey, datedLabelKey } = stateLook(machine, state);
  // The keys come from the tables, whose labels tests/unit/state-badges.test.ts checks in both catalogues.
  const label = datedLabelKey && since ? t(datedLabelKey as 'transfer.states.executedSince', { date: format.date(since) }) : t(labelKey as Parameters<typeof t>[0]);
  return <Badge tone={tone}>{label}</Badge>;
}
