import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { createRecruitmentPlan } from '@/lib/actions/recruitment/create-recruitment-plan';
import { removeRecruitmentTarget } from '@/lib/actions/recruitment/remove-recruitment-target';
import { saveRecruitmentTarget } from '@/lib/actions/recruitment/save-recruitment-target';
import { can } from '@/lib/auth/policy';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listReceptionPosts } from '@/lib/db/reception-queries';
import { findRecruitmentPlan, listRecruitmentPlanYears } from '@/lib/db/recruitment-queries';
import { getProvinceStaffing } from '@/lib/db/staffing-queries';
import { planProgress, unusedQuota } from '@/lib/domain/recruitment';
import { BLOCKS, type Block } from '@/lib/domain/types';
import { firstParam } from '@/lib/domain/unit-list';
import { getFormatters } from '@/lib/i18n/server';
import { ActionForm } from '@/components/forms/action-form';
import { PageHeader } from '@/components/layout/page-header';
import { filterButtonClass, filterInputClass, filterLabelClass } from '@/components/staffing/filter-form';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { TableContainer, cellClass, headCellClass, numericCellClass, numericHeadCellClass, tableClass } from '@/components/ui/table';
import { requirePermission } from '../../_lib/current-province';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('recruitment.page');
  return { title: t('title') };
}

/**
 * The year's recruitment plan (docs/decisions/043-reception-and-recruitment.md): targets per commune and post, each
 * with the block's unused quota at its planned date (the plan's other targets there deducted) and its progress,
 * derived from the recruitment and reception decisions of the year. Home Affairs adds, changes and removes targets;
 * the province's bodies read it. The year lives in the address (`?year=`).
 */
export default async function RecruitmentPage({ searchParams }: Props) {
  const user = await requirePermission('recruitment.view');
  const params = await searchParams;
  const date = today();
  const thisYear = Number(date.slice(0, 4));
  const planYears = await listRecruitmentPlanYears(db(), user.provinceId);
  const asked = Number(firstParam(params.year));
  const year = Number.isInteger(asked) && asked >= 2025 && asked <= thisYear + 5 ? asked : planYears.includes(thisYear) || planYears.length === 0 ? thisYear : planYears[0];
  const mayPlan = can(user, 'recruitment.plan', { provinceId: user.provinceId });
  const [plan, staffingToday, posts, t, tAll, format] = await Promise.all([
    findRecruitmentPlan(db(), user.provinceId, year),
    getProvinceStaffing(db(), user.provinceId, { date }),
    mayPlan ? listReceptionPosts(db(), user.provinceId) : Promise.resolve([]),
    getTranslations('recruitment.page'),
    getTranslations(),
    getFormatters(),
  ]);
  const targets = plan?.targets ?? [];
  // The block's figures at each target's planned date, by the counting pipeline (scheduled changes included).
  const dates = [...new Set(targets.map((target) => target.plannedDate))];
  const byDate = new Map(await Promise.all(dates.map(async (d) => [d, await getProvinceStaffing(db(), user.provinceId, { date: d })] as const)));
  const unusedFor = (target: (typeof targets)[number]) => {
    const commune = byDate.get(target.plannedDate)?.communes.find((c) => c.communeId === target.commune.id);
    if (!commune) return null;
    const figures = commune.blocks[target.position.block];
    const reserved = targets
      .filter((o) => o.id !== target.id && o.commune.id === target.commune.id && o.position.block === target.position.block)
      .reduce((sum, o) => sum + o.remaining, 0);
    return unusedQuota({ quota: figures.quota, headcount: figures.headcount, reserved });
  };
  const progress = planProgress(targets);
  const yearChoices = [...new Set([...planYears, thisYear, thisYear + 1])].sort((a, b) => b - a);
  const short = staffingToday.communes
    .flatMap((c) => BLOCKS.filter((b) => c.blocks[b].difference < 0).map((block) => ({ commune: c, block, figures: c.blocks[block] })))
    .sort((a, b) => a.figures.difference - b.figures.difference || a.commune.code.localeCompare(b.commune.code));
  const communeOptions = [...staffingToday.communes]
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((c) => ({ value: String(c.communeId), label: `${c.name} (${c.oldDistrictName})${c.total.difference < 0 ? ` – ${t('shortBy', { count: -c.total.difference })}` : ''}` }));
  const blockLabel = (block: Block) => tAll(`blocks.${block}`);

  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />
      <form method="get" action="/recruitment" role="search" aria-label={t('yearFilter')} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3 shadow-xs sm:p-4">
        <div>
          <label htmlFor="recruitment-year" className={filterLabelClass}>{t('year')}</label>
          <select id="recruitment-year" name="year" defaultValue={String(year)} className={filterInputClass}>
            {yearChoices.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </div>
        <button type="submit" className={filterButtonClass}>{t('show')}</button>
      </form>

      {!plan ? (
        <Card roomy className="space-y-3">
          <p className="text-sm text-stone-800" data-testid="recruitment-none">{t('none', { year })}</p>
          {mayPlan ? (
            <ActionForm
              id="create-plan"
              namespace="recruitment"
              action={createRecruitmentPlan}
              hidden={{ year }}
              submitLabel={t('create', { year })}
              fields={[{ type: 'textarea', name: 'note', label: t('note'), maxLength: 2000, rows: 2 }]}
            />
          ) : null}
        </Card>
      ) : (
        <>
          <p className="mb-3 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm text-stone-800 shadow-xs" data-testid="recruitment-progress">
            {t('total', { filled: format.number(progress.filled), count: format.number(progress.count), done: progress.done, targets: progress.targets })}
            {plan.note ? <span className="mt-1 block whitespace-pre-line text-stone-700">{plan.note}</span> : null}
          </p>
          {targets.length === 0 ? (
            <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700">{t('empty')}</p>
          ) : (
            <TableContainer label={t('caption', { year })}>
              <table className={tableClass} data-testid="recruitment-targets">
                <caption className="sr-only">{t('caption', { year })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={headCellClass}>{t('commune')}</th>
                    <th scope="col" className={headCellClass}>{t('post')}</th>
                    <th scope="col" className={headCellClass}>{t('plannedDate')}</th>
                    <th scope="col" className={numericHeadCellClass}>{t('count')}</th>
                    <th scope="col" className={numericHeadCellClass}>{t('filled')}</th>
                    <th scope="col" className={numericHeadCellClass}>{t('unused')}</th>
                    <th scope="col" className={headCellClass}>{t('status')}</th>
                    {mayPlan ? <th scope="col" className={headCellClass}><span className="sr-only">{t('remove')}</span></th> : null}
                  </tr>
                </thead>
                <tbody>
                  {targets.map((target) => {
                    const unused = unusedFor(target);
                    return (
                      <tr key={target.id}>
                        <th scope="row" className={`${cellClass} text-left font-medium`}>
                          <Link prefetch={false} href={`/communes/${encodeURIComponent(target.commune.code)}`} className="text-brand-800 underline hover:text-brand-900">{target.commune.name}</Link>
                        </th>
                        <td className={cellClass}>
                          {target.position.titleVi}
                          <span className="block text-xs text-stone-600">{blockLabel(target.position.block)}</span>
                        </td>
                        <td className={`${cellClass} numeric whitespace-nowrap`}>{format.date(target.plannedDate)}</td>
                        <td className={numericCellClass}>{format.number(target.count)}</td>
                        <td className={numericCellClass}>{format.number(target.filled)}</td>
                        <td className={numericCellClass}>{unused === null ? '—' : format.number(unused)}</td>
                        <td className={cellClass}>{target.done ? <Badge tone="green">{t('done')}</Badge> : <Badge tone="blue">{t('inProgress')}</Badge>}</td>
                        {mayPlan ? (
                          <td className={cellClass}>
                            <ActionForm
                              id={`remove-${target.id}`}
                              namespace="recruitment"
                              action={removeRecruitmentTarget}
                              hidden={{ targetId: target.id, version: target.version }}
                              submitLabel={t('remove')}
                              tone="secondary"
                              className="space-y-1"
                            />
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableContainer>
          )}
          {mayPlan ? (
            <Section id="add-target" title={t('addHeading')} description={t('addLead')}>
              <Card roomy>
                <ActionForm
                  id="save-target"
                  namespace="recruitment"
                  action={saveRecruitmentTarget}
                  hidden={{ planId: plan.id }}
                  submitLabel={t('save')}
                  layout="grid"
                  fields={[
                    { type: 'select', name: 'communeId', label: t('communeId'), required: true, options: [{ value: '', label: t('chooseCommune') }, ...communeOptions] },
                    {
                      type: 'select', name: 'positionId', label: t('positionId'), required: true,
                      options: [{ value: '', label: t('choosePosition') }, ...posts.map((p) => ({ value: String(p.id), label: `${p.titleVi} (${blockLabel(p.block)})` }))],
                    },
                    { type: 'text', name: 'count', label: t('count'), required: true, maxLength: 3 },
                    { type: 'date', name: 'plannedDate', label: t('plannedDate'), required: true, defaultValue: year === thisYear ? date : `${year}-07-01` },
                  ]}
                />
              </Card>
            </Section>
          ) : null}
        </>
      )}

      <Section id="short" title={t('shortHeading')} description={t('shortLead', { date: format.date(date) })}>
        {short.length === 0 ? (
          <p className="rounded-lg border border-stone-200 bg-white p-4 text-sm text-stone-700">{t('shortNone')}</p>
        ) : (
          <details className="rounded-lg border border-stone-200 bg-white px-3 py-2 shadow-xs">
            <summary className="cursor-pointer py-1 text-sm font-semibold text-brand-800">{t('shortSummary', { count: short.length })}</summary>
            <TableContainer label={t('shortHeading')}>
              <table className={tableClass} data-testid="recruitment-short">
                <caption className="sr-only">{t('shortHeading')}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={headCellClass}>{t('commune')}</th>
                    <th scope="col" className={headCellClass}>{t('block')}</th>
                    <th scope="col" className={numericHeadCellClass}>{tAll('figures.quota')}</th>
                    <th scope="col" className={numericHeadCellClass}>{tAll('figures.headcount')}</th>
                    <th scope="col" className={numericHeadCellClass}>{t('unusedToday')}</th>
                  </tr>
                </thead>
                <tbody>
                  {short.map(({ commune, block, figures }) => (
                    <tr key={`${commune.communeId}-${block}`}>
                      <th scope="row" className={`${cellClass} text-left font-medium`}>{commune.name}<span className="block text-xs font-normal text-stone-600">{commune.oldDistrictName}</span></th>
                      <td className={cellClass}>{blockLabel(block)}</td>
                      <td className={numericCellClass}>{format.number(figures.quota)}</td>
                      <td className={numericCellClass}>{format.number(figures.headcount)}</td>
                      <td className={numericCellClass}>{format.number(Math.max(0, figures.quota - figures.headcount))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
          </details>
        )}
      </Section>
    </>
  );
}
