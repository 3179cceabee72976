import Link from 'next/link';
import type { getTranslations } from 'next-intl/server';
import type { CandidateRow } from '@/lib/db/secondment-queries';
import { assessmentOf, isDeclinedCandidate, type CandidateWarning } from '@/lib/domain/secondment';
import type { getFormatters } from '@/lib/i18n/server';
import { StateBadge } from '@/components/ui/state-badge';
import { TableContainer, cellClass, headCellClass, tableClass } from '@/components/ui/table';
import { WarningBadge } from './warning-badge';
import type { ShortRating } from '@/lib/db/rating-queries';
import { LastTwoRatings } from '@/components/ratings/last-two-ratings';
import type { ShortProfile as Profile } from '@/lib/db/people-profile-queries';
import { ShortProfile } from '@/components/people/short-profile';

type T = Awaited<ReturnType<typeof getTranslations<'secondment'>>>;

/** The candidates of a 5% list: proposal, warnings, state, assessment, decision and placement; `remove` adds a column. */
export function CandidatesTable({
  candidates, label, t, format, fieldLabel, employmentLabel, warningLabel, placeHref, remove, ratings, profiles,
}: {
  candidates: CandidateRow[];
  label: string;
  t: T;
  format: Awaited<ReturnType<typeof getFormatters>>;
  fieldLabel: (code: string | null) => string;
  employmentLabel: (type: string) => string;
  warningLabel: (w: CandidateWarning) => string;
  placeHref: (c: CandidateRow) => string | null;
  remove: ((c: CandidateRow) => React.ReactNode) | null;
  /** Each person's ratings of the last two years, shown beside the warnings (docs/decisions/040-annual-ratings.md). */
  ratings?: ReadonlyMap<number, readonly ShortRating[]>;
  /** Each person's short profile under the name (docs/decisions/039-completeness-search-personal-history.md). */
  profiles?: ReadonlyMap<number, Profile>;
}) {
  return (
    <TableContainer label={label}>
      <table className={tableClass} data-testid="candidates-table">
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('table.person')}</th>
            <th scope="col" className={headCellClass}>{t('table.proposal')}</th>
            <th scope="col" className={headCellClass}>{t('table.warnings')}</th>
            <th scope="col" className={headCellClass}>{t('table.state')}</th>
            <th scope="col" className={headCellClass}>{t('table.assessment')}</th>
            <th scope="col" className={headCellClass}>{t('table.decision')}</th>
            <th scope="col" className={headCellClass}>{t('table.placement')}</th>
            {remove ? <th scope="col" className={headCellClass}><span className="sr-only">{t('forms.remove')}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => {
            const href = placeHref(c);
            const assessment = assessmentOf(c.state);
            const declined = isDeclinedCandidate(c.state);
            return (
              <tr key={c.id} data-testid={`candidate-${c.cadre.code}`}>
                <th scope="row" className={`${cellClass} min-w-52 text-left font-normal`}>
                  <span className="block font-semibold text-stone-900">{c.cadre.fullName}</span>
                  <span className="numeric block text-xs text-stone-600">{c.cadre.code}</span>
                  <ShortProfile profile={profiles?.get(c.cadre.id)} withName={false} />
                  {/* On a phone the state column is off to the right: repeat the state under the name. */}
                  <span className="my-0.5 block sm:hidden">
                    <StateBadge machine="secondmentCandidate" state={c.state} />
                  </span>
                  <span className="block text-xs text-stone-700">
                    {[c.cadre.currentPost, employmentLabel(c.cadre.employmentType)].filter((v, i, all) => v && all.indexOf(v) === i).join(' · ')}
                  </span>
                </th>
                <td className={`${cellClass} min-w-44`}>
                  <span className="block font-medium">{t(`kinds.${c.kind}`)}</span>
                  <span className="block text-xs text-stone-700">{fieldLabel(c.field ?? c.cadre.field)}</span>
                  {c.preferredCommune ? <span className="block text-xs text-stone-700">{t('table.prefers', { commune: c.preferredCommune.name })}</span> : null}
                </td>
                <td className={`${cellClass} min-w-36`}>
                  {c.warnings.length === 0 ? (
                    <span className="text-stone-500">—</span>
                  ) : (
                    <span className="flex flex-col items-start gap-1">
                      {c.warnings.map((w) => (
                        <WarningBadge key={w} label={warningLabel(w)} />
                      ))}
                    </span>
                  )}
                  {ratings ? (
                    <span className="mt-1 block">
                      <LastTwoRatings ratings={ratings.get(c.cadre.id)} />
                    </span>
                  ) : null}
                </td>
                <td className={cellClass}>
                  <StateBadge machine="secondmentCandidate" state={c.state} />
                </td>
                <td className={`${cellClass} min-w-48 text-stone-800`}>
                  {assessment === 'notAssessed' ? (
                    <span className="text-stone-500">{t('table.notAssessed')}</span>
                  ) : (
                    <span className="block font-medium">{assessment === 'doesNotMeet' ? t('table.doesNotMeet') : t('table.meets')}</span>
                  )}
                  {c.assessmentReason ? <span className="block text-xs">{c.assessmentReason}</span> : null}
                </td>
                <td className={`${cellClass} min-w-44 text-stone-800`}>
                  {c.conclusion ? (
                    <span className="block">
                      {t('table.approvedBy', { number: c.conclusion.number, date: format.date(c.conclusion.date) })}
                    </span>
                  ) : null}
                  {declined ? <span className="block font-medium">{t('states.candidate.declined')}</span> : null}
                  {c.decisionReason ? <span className="block text-xs">{c.decisionReason}</span> : null}
                  {!c.conclusion && !declined ? <span className="text-stone-500">—</span> : null}
                </td>
                <td className={`${cellClass} min-w-48 text-stone-800`}>
                  {c.secondment ? (
                    <>
                      <span className="block font-medium">{c.secondment.commune.name}</span>
                      <span className="block text-xs">{c.secondment.position}</span>
                      <span className="numeric block text-xs">
                        {format.date(c.secondment.startDate)} – {format.date(c.secondment.endedOn ?? c.secondment.endDate)}
                      </span>
                      {c.secondment.decision ? (
                        <span className="block text-xs">{t('table.byDecision', { number: c.secondment.decision.number, date: format.date(c.secondment.decision.date) })}</span>
                      ) : null}
                      {c.secondment.endedOn ? <span className="block text-xs">{t('table.endedOn', { date: format.date(c.secondment.endedOn) })}</span> : null}
                      {c.secondment.endDecision ? (
                        <span className="block text-xs">{t('table.byDecision', { number: c.secondment.endDecision.number, date: format.date(c.secondment.endDecision.date) })}</span>
                      ) : null}
                    </>
                  ) : href ? (
                    <Link prefetch={false} href={href} className="font-semibold text-brand-800 underline hover:text-brand-900">
                      {t('table.place')}
                      <span className="sr-only"> {c.cadre.fullName}</span>
                    </Link>
                  ) : (
                    <span className="text-stone-500">—</span>
                  )}
                </td>
                {remove ? <td className={`${cellClass} whitespace-nowrap`}>{remove(c)}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableContainer>
  );
}
