import { countVacantElectedPosts } from '@/lib/domain/elected-posts';
import { localizedTitle } from '@/lib/i18n/server';
import { VacantElectedPostsTable } from '@/components/staffing/vacant-elected-posts-table';
import { Section } from '@/components/ui/section';
import type { DashboardView } from './view';

/** The list of vacant elected posts starts open when it is short (an old district), folded for the province. */
const ELECTED_OPEN_UP_TO = 20;

/** The scope's vacant elected posts, apart from the figures: filled by election or designation, never by a transfer. */
export function ElectedVacancies({ view }: { view: DashboardView }) {
  const { data, counts, t, locale, scopeLabel } = view;
  const elected = countVacantElectedPosts(data.vacantElectedPosts);
  const positionTitles = new Map(counts.keyPositions.map((p) => [p.id, localizedTitle(locale, p)]));
  return (
    <Section
      id="elected-vacancies"
      title={t('electedPosts.heading')}
      description={
        elected.places > 0
          ? t('electedPosts.dashboardDescription', { scope: scopeLabel })
          : t('electedPosts.none', { scope: scopeLabel })
      }
    >
      <p className="mb-3 text-sm text-stone-800" data-testid="dashboard-elected-count">
        {t('electedPosts.count', { places: elected.places, units: elected.units })}
      </p>
      {data.vacantElectedPosts.length > 0 ? (
        <details className="rounded-lg border border-stone-200 bg-white p-3 shadow-xs" open={data.vacantElectedPosts.length <= ELECTED_OPEN_UP_TO}>
          <summary className="cursor-pointer text-sm font-medium text-stone-800">{t('electedPosts.show', { count: data.vacantElectedPosts.length })}</summary>
          <div className="mt-3">
            <VacantElectedPostsTable posts={data.vacantElectedPosts} titles={positionTitles} caption={t('electedPosts.caption', { scope: scopeLabel })} />
          </div>
        </details>
      ) : null}
    </Section>
  );
}
