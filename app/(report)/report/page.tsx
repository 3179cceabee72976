import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { saveReportDraft } from '@/lib/actions/report/save-draft';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { listCampaignYears } from '@/lib/db/quota-year-queries';
import { chooseCampaign, yearOf } from '@/lib/domain/quota-years';
import { formatDate, formatNumber, formatSigned } from '@/lib/domain/format';
// The model only (no PDF renderer in this page's bundle): the downloads render through app/api/report.
import { getReportDraft, loadReportData } from '@/lib/report/data';
import { REFORM_DATE } from '@/lib/report/model';
import { buildReport, checkReportDate, defaultRecommendations } from '@/lib/report/sections';
import { PageHeader } from '@/components/layout/page-header';
import { ActionForm } from '@/components/forms/action-form';
import { Section } from '@/components/ui/section';
import { StatCard } from '@/components/ui/stat-card';
import { requirePermission } from '../../_lib/current-province';
import { firstParam, type SearchParams } from '@/lib/domain/unit-list';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('report');
  return { title: t('title') };
}

const downloadClass =
  'inline-flex items-center justify-center rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700';
const secondaryClass =
  'inline-flex items-center justify-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-stone-800 shadow-xs ring-1 ring-stone-300 ring-inset hover:bg-stone-50';
const inputClass =
  'mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm text-stone-900 shadow-xs focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700';

/**
 * The plan report (decision 019): choose the date (a GET form), see what the report will contain, edit the
 * number, signer and recommendations (report.edit), and download the PDF and the XLSX for that date.
 */
export default async function ReportPage({ searchParams }: Props) {
  const user = await requirePermission('report.view');
  const params = await searchParams;
  const now = today();
  const asked = firstParam(params.date);
  const checked = checkReportDate(asked ?? null, now);
  const t = await getTranslations('report');
  const mayEdit = can(user, 'report.edit', { provinceId: user.provinceId });
  // The 5% campaign (docs/domain.md, Quota years and campaigns): `?year=` one of the years with phases up to the
  // date's year, by default the latest.
  const askedYear = firstParam(params.year);
  const campaignYears = await listCampaignYears(db(), user.provinceId);
  const campaign = checked.ok ? chooseCampaign(campaignYears, checked.date, askedYear) : null;
  const yearOptions = campaignYears.filter((y) => !checked.ok || y <= yearOf(checked.date));
  const [data, draft] = checked.ok && campaign?.ok
    ? await Promise.all([loadReportData(db(), user.provinceId, checked.date, campaign.year), getReportDraft(db(), user.provinceId)])
    : [null, await getReportDraft(db(), user.provinceId)];
  const model = data ? buildReport(data) : null;
  const query = checked.ok ? `?date=${checked.date}${campaign?.ok && campaign.requested ? `&year=${campaign.year}` : ''}` : '';
  const h = model?.headline;

  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <PageHeader title={t('title')} lead={t('lead')} />

      <form method="get" action="/report" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4 shadow-xs" aria-label={t('date.legend')}>
        <div className="w-full max-w-56">
          <label htmlFor="report-date" className="block text-sm font-medium text-stone-800">
            {t('date.label')}
          </label>
          <input
            id="report-date"
            name="date"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder="dd/MM/yyyy"
            defaultValue={asked ?? formatDate(now)}
            aria-describedby={checked.ok ? 'report-date-hint' : 'report-date-error report-date-hint'}
            aria-invalid={checked.ok ? undefined : true}
            className={`${inputClass} ${checked.ok ? 'border-stone-300' : 'border-red-600'}`}
          />
        </div>
        <div className="w-full max-w-64">
          <label htmlFor="report-year" className="block text-sm font-medium text-stone-800">
            {t('year.label')}
          </label>
          <select
            id="report-year"
            name="year"
            defaultValue={askedYear ?? ''}
            aria-describedby="report-year-hint"
            aria-invalid={campaign && !campaign.ok ? true : undefined}
            className={`${inputClass} ${campaign && !campaign.ok ? 'border-red-600' : 'border-stone-300'}`}
          >
            <option value="">{t('year.latest')}</option>
            {yearOptions.map((y) => (
              <option key={y} value={String(y)}>
                {t('year.option', { year: String(y) })}
              </option>
            ))}
            {askedYear && !yearOptions.some((y) => String(y) === askedYear) ? <option value={askedYear}>{askedYear}</option> : null}
          </select>
        </div>
        <button type="submit" className={secondaryClass}>
          {t('date.submit')}
        </button>
        <p id="report-year-hint" className="w-full text-xs text-stone-600">
          {t('year.hint')}
        </p>
        <p id="report-date-hint" className="w-full text-xs text-stone-600">
          {t('date.hint', { reform: formatDate(REFORM_DATE), today: formatDate(now) })}
        </p>
        {!checked.ok ? (
          <p id="report-date-error" role="alert" className="w-full text-sm font-medium text-red-700" data-testid="report-date-error">
            {t('errors.badDate', { message: checked.message })}
          </p>
        ) : null}
        {campaign && !campaign.ok ? (
          <p role="alert" className="w-full text-sm font-medium text-red-700" data-testid="report-year-error">
            {campaign.years.length
              ? t('errors.unknownYear', { year: campaign.requested, date: formatDate(checked.ok ? checked.date : now), years: campaign.years.join(', ') })
              : t('errors.noCampaignYears', { year: campaign.requested, date: formatDate(checked.ok ? checked.date : now) })}
          </p>
        ) : null}
      </form>

      {model && h ? (
        <>
          <Section id="report-download" title={t('download.title')} description={t('download.description', { date: formatDate(model.date) })}>
            <div className="flex flex-wrap gap-3">
              <a href={`/api/report/pdf${query}`} className={downloadClass} data-testid="report-pdf" download>
                {t('download.pdf')}
              </a>
              <a href={`/api/report/xlsx${query}`} className={secondaryClass} data-testid="report-xlsx" download>
                {t('download.xlsx')}
              </a>
            </div>
          </Section>

          <Section id="report-preview" title={t('preview.title')} description={t('preview.description', { date: formatDate(model.date) })}>
            <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <StatCard label={t('headline.quota')} value={formatNumber(h.quota)} note={`${t('headline.units')}: ${formatNumber(h.units)}`} />
              <StatCard label={t('headline.headcount')} value={formatNumber(h.headcount)} />
              <StatCard label={t('headline.difference')} value={formatSigned(h.difference)} emphasis={h.difference < 0 ? 'alert' : h.difference > 0 ? 'surplus' : 'default'} />
              <StatCard label={t('headline.both')} value={`${formatNumber(h.shortStaffedWithKeyGapsUnits)}/${formatNumber(h.units)}`} emphasis={h.shortStaffedWithKeyGapsUnits > 0 ? 'alert' : 'default'} />
              <StatCard label={t('headline.keyVacancies')} value={formatNumber(h.keyVacancies)} />
              {h.campaignYear === null ? (
                <StatCard label={t('headline.lists')} value="—" note={t('headline.noCampaign')} />
              ) : (
                <>
                  <StatCard
                    label={t('headline.listsOfYear', { year: String(h.campaignYear) })}
                    value={h.required > 0 ? `${formatNumber(h.listed)} / ${formatNumber(h.required)}` : formatNumber(h.listed)}
                    note={h.required > 0 ? undefined : t('headline.noMinimum')}
                  />
                  <StatCard label={t('headline.placed')} value={`${formatNumber(h.approved)} / ${formatNumber(h.placed)}`} />
                </>
              )}
              <StatCard label={t('headline.transfers')} value={formatNumber(h.transfers)} />
            </dl>
            <ol className="mt-4 space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-xs" data-testid="report-sections">
              {model.sections.map((section) => {
                const tables = section.blocks.filter((b) => b.kind === 'table');
                const lead = section.blocks.find((b) => b.kind === 'paragraph');
                return (
                  <li key={section.number} lang="vi">
                    <h3 className="font-semibold text-stone-900">{section.heading}</h3>
                    {lead && lead.kind === 'paragraph' ? <p className="mt-1 text-sm text-stone-700">{lead.text}</p> : null}
                    <p className="mt-1 text-xs text-stone-600">
                      {tables.length ? tables.map((b) => (b.kind === 'table' ? b.table.caption : '')).join(' · ') : t('preview.noTables')}
                    </p>
                  </li>
                );
              })}
            </ol>
          </Section>
        </>
      ) : null}

      <Section id="report-draft" title={t('draft.title')} description={t('draft.description')}>
        <div className="max-w-3xl rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
          {mayEdit ? (
            <ActionForm
              namespace="report"
              id="report-draft-form"
              action={saveReportDraft}
              hidden={{ version: draft?.version ?? 0 }}
              intro={draft ? t('draft.savedBy', { version: draft.version }) : t('draft.suggested')}
              submitLabel={t('draft.submit')}
              layout="grid"
              fields={[
                { type: 'text', name: 'documentNumber', label: t('draft.documentNumber'), hint: t('draft.documentNumberHint'), defaultValue: draft?.documentNumber ?? '', maxLength: 40 },
                { type: 'text', name: 'signerTitle', label: t('draft.signerTitle'), hint: t('draft.signerTitleHint'), defaultValue: draft?.signerTitle ?? '', maxLength: 100 },
                { type: 'text', name: 'signerName', label: t('draft.signerName'), defaultValue: draft?.signerName ?? '', maxLength: 100, wide: true },
                {
                  type: 'textarea',
                  name: 'recommendations',
                  label: t('draft.recommendations'),
                  hint: t('draft.recommendationsHint'),
                  defaultValue: draft?.recommendations ?? (data ? defaultRecommendations(data) : ''),
                  rows: 9,
                  maxLength: 6000,
                  required: true,
                },
              ]}
            />
          ) : (
            <p className="text-sm text-stone-700" data-testid="report-draft-readonly">
              {t('draft.readOnly')}
            </p>
          )}
        </div>
      </Section>
    </main>
  );
}
