import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { addPlanningEntry } from '@/lib/actions/planning/add-planning-entry';
import { removePlanningEntryAndShow } from './actions';
import { PageNotice, knownNotice } from '@/components/ui/page-notice';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { issuingBodiesFor } from '@/lib/db/decision-queries';
import { choosePlanningTerm, listCommuneKeyPosts, listPlanningTerms, listUnitPlanning } from '@/lib/db/planning-queries';
import { lastTwoRatings } from '@/lib/db/rating-queries';
import { settingsAt } from '@/lib/db/setting-queries';
import { findCommune } from '@/lib/db/staffing-queries';
import { peopleLimitOf, planningStructure, retirementWithinTerm } from '@/lib/domain/planning';
import { ageAt, isEthnicMinority, isYoungAt } from '@/lib/domain/structure';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';
import { getFormatters, localizedTitle } from '@/lib/i18n/server';
import { routeCode } from '@/lib/validation/route-params';
import { decisionFieldSpecs } from '@/components/decisions/decision-field-specs';
import { ActionForm } from '@/components/forms/action-form';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { PlanningStructureLine, TermChooser } from '@/components/planning/term-parts';
import { LastTwoRatings } from '@/components/ratings/last-two-ratings';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { DataTable, cellClass, headCellClass } from '@/components/ui/table';
import { requirePermission } from '../../../_lib/current-province';

// The planning register of one commune for a term (docs/decisions/041-structure-and-planning.md): each key post with
// the people planned for it (their current post, age against the retirement date, ratings, decision), the posts
// with nobody planned, the structure of the people planned; the Organizing Committee adds and removes people by
// decision here.

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('planning');
  return { title: t('title') };
}

export default async function CommunePlanningPage({ params, searchParams }: Props) {
  const user = await requirePermission('planning.view');
  const code = routeCode((await params).code);
  const commune = code ? await findCommune(db(), user.provinceId, code) : null;
  if (!commune) notFound();
  const query = await searchParams;
  const date = today();
  const askedTerm = Number(firstParam(query.term) ?? '') || null;
  const notice = knownNotice(query.notice, ['removed'] as const);
  const [t, tDecision, format, locale, terms, term, settings, posts, bodies] = await Promise.all([
    getTranslations('planning'),
    getTranslations('decisions.fields'),
    getFormatters(),
    getLocale(),
    listPlanningTerms(db(), user.provinceId),
    choosePlanningTerm(db(), user.provinceId, date, askedTerm),
    settingsAt(db(), user.provinceId, ['structure.youngAge', 'planning.maxPeoplePerPost'], date),
    listCommuneKeyPosts(db(), user.provinceId, commune.id),
    issuingBodiesFor(db(), user.provinceId, null),
  ]);
  const youngAge = settings['structure.youngAge'].value;
  const entries = term ? await listUnitPlanning(db(), term.id, { communeId: commune.id }, date) : [];
  const ratings = await lastTwoRatings(db(), entries.map((e) => e.cadreId), date);
  const mayEdit = term !== null && can(user, 'planning.edit', { provinceId: user.provinceId, communeId: commune.id });
  const withoutSuccessor = posts.filter((p) => !entries.some((e) => e.positionId === p.positionId));
  const limits = { maxPeoplePerPost: settings['planning.maxPeoplePerPost'].value, maxPostsPerPerson: 0 };

  return (
    <>
      <Breadcrumbs items={[{ label: t('title'), href: term ? `/planning?term=${term.id}` : '/planning' }, { label: commune.name }]} />
      <PageHeader eyebrow={t('title')} title={t('communeTitle', { commune: commune.name })} lead={term ? t('communeLead', { term: term.name }) : t('noTerm')} />
      {term ? (
        <>
          <TermChooser terms={terms} current={term.id} action={`/planning/${encodeURIComponent(commune.code)}`} />
          <Section id="planning-commune-structure" title={t('structureHeading', { term: term.name })}>
            <PlanningStructureLine counts={planningStructure(entries, date, youngAge)} youngAge={youngAge} />
          </Section>
          <Section id="planning-posts" title={t('postsOfCommune')}>
            <PageNotice message={notice ? t(`notices.${notice}`) : null} />
            <DataTable caption={t('postsOfCommune')} testId="planning-register">
              <thead>
                <tr>
                  <th scope="col" className={headCellClass}>{t('table.post')}</th>
                  <th scope="col" className={headCellClass}>{t('table.planned')}</th>
                </tr>
              </thead>
              <tbody>
                {posts.map((post) => {
                  const planned = entries.filter((e) => e.positionId === post.positionId);
                  return (
                    <tr key={post.positionId} data-testid={`post-${post.code}`}>
                      <th scope="row" className={`${cellClass} min-w-48 text-left font-medium`}>
                        {localizedTitle(locale, post)}
                        <span className="block text-xs font-normal text-stone-600">{t('table.limit', { planned: planned.length, limit: peopleLimitOf(limits, post.places), level: post.level })}</span>
                      </th>
                      <td className={cellClass}>
                        {planned.length === 0 ? <Badge tone="red">{t('noSuccessor')}</Badge> : null}
                        <ul className="space-y-2">
                          {planned.map((e) => {
                            const retirement = retirementWithinTerm(e, term.endYear);
                            return (
                              <li key={e.id} data-testid={`planned-${e.cadreCode}`}>
                                <span className="font-medium">{e.fullName}</span> <span className="numeric text-stone-600">({e.cadreCode})</span>
                                <span className="ml-1 inline-flex flex-wrap gap-1 align-middle">
                                  {e.gender === 'female' ? <Badge tone="violet">{t('traits.female')}</Badge> : null}
                                  {isYoungAt(e.birthDate, date, youngAge) ? <Badge tone="green">{t('traits.young', { age: youngAge })}</Badge> : null}
                                  {isEthnicMinority(e.ethnicity) ? <Badge tone="blue">{t('traits.ethnicMinority', { ethnicity: e.ethnicity ?? '' })}</Badge> : null}
                                  {retirement.beforeTermEnds ? <Badge tone="amber">{t('traits.retiresInTerm', { date: format.date(retirement.retirementDate) })}</Badge> : null}
                                </span>
                                <span className="block text-xs text-stone-700">
                                  {t('entryLine', {
                                    post: e.currentPost ?? '—', unit: e.currentCommune ?? '—', age: ageAt(e.birthDate, date),
                                    retirement: format.date(retirement.retirementDate), number: e.decisionNumber, date: format.date(e.decisionDate),
                                  })}
                                </span>
                                <LastTwoRatings ratings={ratings.get(e.cadreId)} />
                                {mayEdit ? (
                                  <details className="mt-1">
                                    <summary className="cursor-pointer text-xs font-semibold text-brand-800">{t('remove.open')}</summary>
                                    <div className="mt-2">
                                      <ActionForm
                                        namespace="planning"
                                        id={`remove-${e.id}`}
                                        action={removePlanningEntryAndShow}
                                        hidden={{ entryId: e.id, version: e.version, communeCode: commune.code, termId: term.id }}
                                        submitLabel={t('remove.submit')}
                                        tone="secondary"
                                        layout="grid"
                                        fields={[...decisionFieldSpecs(tDecision, bodies, date).filter((f) => f.name !== 'backdatedReason'), { type: 'text', name: 'reason', label: t('remove.reason'), maxLength: 500, wide: true }]}
                                      />
                                    </div>
                                  </details>
                                ) : null}
                              </li>
                            );
                          })}
                        </ul>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </DataTable>
            {withoutSuccessor.length > 0 ? (
              <p className="mt-2 text-sm text-stone-800" data-testid="without-successor">
                {t('withoutSuccessorLine', { count: withoutSuccessor.length, posts: withoutSuccessor.map((p) => localizedTitle(locale, p)).join('; ') })}
              </p>
            ) : null}
          </Section>
          {mayEdit ? (
            <Section id="planning-add" title={t('add.heading')} description={t('add.description')}>
              <Card roomy className="max-w-3xl">
                <ActionForm
                  namespace="planning"
                  id="add-entry"
                  action={addPlanningEntry}
                  hidden={{ termId: term.id, communeId: commune.id, departmentId: '' }}
                  submitLabel={t('add.submit')}
                  layout="grid"
                  fields={[
                    {
                      type: 'select', name: 'positionId', label: t('add.post'), required: true, defaultValue: '',
                      options: [{ value: '', label: t('add.choosePost') }, ...posts.map((p) => ({ value: String(p.positionId), label: localizedTitle(locale, p) }))],
                    },
                    { type: 'text', name: 'cadreCode', label: t('add.cadreCode'), required: true, maxLength: 30, hint: t('add.cadreCodeHint') },
                    ...decisionFieldSpecs(tDecision, bodies, date).filter((f) => f.name !== 'backdatedReason'),
                  ]}
                />
              </Card>
            </Section>
          ) : null}
        </>
      ) : (
        <p className="text-sm">
          <Link prefetch={false} href="/planning" className="font-semibold text-brand-800 underline hover:text-brand-900">{t('backToRegister')}</Link>
        </p>
      )}
    </>
  );
}
