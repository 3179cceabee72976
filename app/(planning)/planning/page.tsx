import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { createPlanningTerm } from '@/lib/actions/planning/create-planning-term';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { choosePlanningTerm, getPlanningOverview, listPlanningTerms } from '@/lib/db/planning-queries';
import { settingsAt } from '@/lib/db/setting-queries';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { ActionForm } from '@/components/forms/action-form';
import { PageHeader } from '@/components/layout/page-header';
import { PlanningStructureLine, TermChooser } from '@/components/planning/term-parts';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { DataTable, cellClass, headCellClass, numericCellClass, numericHeadCellClass } from '@/components/ui/table';
import { requirePermission } from '../../_lib/current-province';

// The planning register's overview (docs/decisions/041-structure-and-planning.md): a term chosen by GET, per commune
// its key posts with someone planned and with nobody, and the structure of the people planned; per key post, the
// communes where nobody is planned. The Organizing Committee opens terms here.

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('planning');
  return { title: t('title') };
}

export default async function PlanningPage({ searchParams }: Props) {
  const user = await requirePermission('planning.view');
  const params = await searchParams;
  const date = today();
  const askedTerm = Number(firstParam(params.term) ?? '') || null;
  const [t, format, locale, terms, term, settings] = await Promise.all([
    getTranslations('planning'),
    getFormatters(),
    getLocale(),
    listPlanningTerms(db(), user.provinceId),
    choosePlanningTerm(db(), user.provinceId, date, askedTerm),
    settingsAt(db(), user.provinceId, ['structure.youngAge', 'planning.maxPeoplePerPost', 'planning.maxPostsPerPerson'], date),
  ]);
  const youngAge = settings['structure.youngAge'].value;
  const overview = term ? await getPlanningOverview(db(), user.provinceId, term.id, date, youngAge) : null;
  const mayEdit = can(user, 'planning.edit', { provinceId: user.provinceId });
  const limits = { people: settings['planning.maxPeoplePerPost'].value, posts: settings['planning.maxPostsPerPerson'].value };

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead', limits)} />
      {terms.length > 0 && term ? <TermChooser terms={terms} current={term.id} action="/planning" /> : <p className="text-sm text-stone-700">{t('noTerm')}</p>}
      {overview && term ? (
        <>
          <Section id="planning-structure" title={t('structureHeading', { term: term.name })}>
            <PlanningStructureLine counts={overview.total} youngAge={youngAge} />
          </Section>
          <Section id="planning-communes" title={t('communesHeading')} description={t('communesDescription')}>
            <DataTable caption={t('communesHeading')} testId="planning-communes">
              <thead>
                <tr>
                  <th scope="col" className={headCellClass}>{t('table.commune')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.keyPosts')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.postsPlanned')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.withoutSuccessor')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.people')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.female')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.young', { age: youngAge })}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.ethnicMinority')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.communes.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className={`${cellClass} text-left font-medium`}>
                      <Link prefetch={false} href={`/planning/${encodeURIComponent(c.code)}?term=${term.id}`} className="text-brand-800 underline hover:text-brand-900">{c.name}</Link>
                    </th>
                    <td className={numericCellClass}>{format.number(c.keyPosts)}</td>
                    <td className={numericCellClass}>{format.number(c.postsPlanned)}</td>
                    <td className={`${numericCellClass} ${c.withoutSuccessor.length > 0 ? 'text-red-700' : ''}`}>{format.number(c.withoutSuccessor.length)}</td>
                    <td className={numericCellClass}>{format.number(c.people)}</td>
                    <td className={numericCellClass}>{c.people ? format.percent(c.female, c.people) : '—'}</td>
                    <td className={numericCellClass}>{c.people ? format.percent(c.young, c.people) : '—'}</td>
                    <td className={numericCellClass}>{c.people ? format.percent(c.ethnicMinority, c.people) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </Section>
          <Section id="planning-posts" title={t('postsHeading')} description={t('postsDescription')}>
            <DataTable caption={t('postsHeading')} testId="planning-posts">
              <thead>
                <tr>
                  <th scope="col" className={headCellClass}>{t('table.post')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.communesWithout')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.communesWith')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('table.people')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.byPost.map((p) => {
                  const position = overview.positions.find((x) => x.id === p.positionId)!;
                  return (
                    <tr key={p.positionId}>
                      <th scope="row" className={`${cellClass} text-left font-medium`}>{localizedTitle(locale, position)}</th>
                      <td className={numericCellClass}>{format.number(p.withoutSuccessor)}</td>
                      <td className={numericCellClass}>{format.number(p.withSuccessor)}</td>
                      <td className={numericCellClass}>{format.number(p.people)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
          </Section>
        </>
      ) : null}
      {mayEdit ? (
        <Section id="planning-new-term" title={t('newTerm.heading')}>
          <Card className="max-w-xl">
            <ActionForm
              namespace="planning"
              id="create-term"
              action={createPlanningTerm}
              hidden={{}}
              submitLabel={t('newTerm.submit')}
              layout="grid"
              fields={[
                { type: 'text', name: 'startYear', label: t('newTerm.startYear'), required: true, maxLength: 4, defaultValue: date.slice(0, 4) },
                { type: 'text', name: 'endYear', label: t('newTerm.endYear'), required: true, maxLength: 4, defaultValue: String(Number(date.slice(0, 4)) + 5) },
              ]}
            />
          </Card>
        </Section>
      ) : null}
    </>
  );
}
