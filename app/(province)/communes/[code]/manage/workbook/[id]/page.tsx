import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { can } from '@/lib/auth/policy';
import { db } from '@/lib/db/client';
import { findWorkbookUpload } from '@/lib/db/commune-workbook-queries';
import { applyUploadProblem, importUploadStatus } from '@/lib/domain/import-upload';
import { changeCount } from '@/lib/commune-workbook/types';
import { listCommunePositions } from '@/lib/db/roster-queries';
import { formatAuditTime } from '@/components/audit/format-audit';
import { ApplyCommuneWorkbookForm } from '@/components/commune-workbook/apply-form';
import { WorkbookReportView } from '@/components/commune-workbook/workbook-report';
import { FormMessages } from '@/components/forms/form-messages';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { loadManagedCommune } from '../../load';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ code: string; id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The upload of the commune's workbook (docs/decisions/047-commune-workbook.md), for its chairman or Home Affairs. */
async function load(params: Props['params']) {
  const { code, id } = await params;
  const { user, province, commune } = await loadManagedCommune(code);
  if (!can(user, 'communeWorkbook.use', { provinceId: province.id, communeId: commune.id })) forbidden();
  const upload = UUID.test(id) ? await findWorkbookUpload(db(), commune.id, id) : null;
  if (!upload) notFound();
  return { province, commune, upload };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ upload }, t] = await Promise.all([load(params), getTranslations('communeWorkbook.page')]);
  return { title: `${t('title')} · ${upload.fileName}` };
}

/** The dry run's diff per person, its problems and conflicts, and the apply button when it is clean. */
export default async function CommuneWorkbookPage({ params, searchParams }: Props) {
  const { province, commune, upload } = await load(params);
  const query = await searchParams;
  const [t, positions] = await Promise.all([getTranslations(), listCommunePositions(db(), province.id)]);
  const titles = new Map(positions.map((p) => [p.code, p.titleVi]));
  const report = upload.report;
  const manageHref = `/communes/${encodeURIComponent(commune.code)}/manage`;
  // Checked or applied, clean or not: the same states as a province import's upload (lib/domain/import-upload.ts).
  const uploadState = { status: upload.status, clean: report.ok };
  const status = importUploadStatus(uploadState);
  const banner = status === 'applied'
    ? { tone: 'border-emerald-200 bg-emerald-50 text-emerald-900', text: t('communeWorkbook.page.applied') }
    : query.refused
      ? { tone: 'border-red-200 bg-red-50 text-red-900', text: t('communeWorkbook.page.refused') }
      : status === 'ready'
        ? { tone: 'border-sky-200 bg-sky-50 text-sky-900', text: t('communeWorkbook.page.ready') }
        : { tone: 'border-red-200 bg-red-50 text-red-900', text: t('communeWorkbook.page.notReady') };
  const mayApply = applyUploadProblem(uploadState) === null && changeCount(report) > 0;
  return (
    <FormMessages paths={['communeWorkbook']}>
      <Breadcrumbs
        items={[
          { label: t('nav.overview'), href: '/' },
          { label: commune.name, href: `/communes/${encodeURIComponent(commune.code)}` },
          { label: t('roster.manageLink'), href: manageHref },
          { label: t('communeWorkbook.page.title') },
        ]}
      />
      <PageHeader
        eyebrow={t('communeWorkbook.page.eyebrow', { code: commune.code, file: upload.fileName })}
        title={t('communeWorkbook.page.title')}
        lead={t('communeWorkbook.page.uploadedAt', { at: formatAuditTime(upload.createdAt) })}
      />
      {/* First in view after the upload's redirect or the apply's answer, with or without JavaScript. */}
      <div role="status" className={`mb-6 rounded-md border px-4 py-3 text-sm font-medium ${banner.tone}`} data-testid="workbook-status">
        {banner.text}
      </div>
      {mayApply ? (
        <div className="mb-6 max-w-xl">
          <ApplyCommuneWorkbookForm communeId={commune.id} uploadId={upload.id} />
        </div>
      ) : null}
      <WorkbookReportView report={report} titles={titles} />
      <p className="mt-8 flex flex-wrap gap-4 text-sm">
        <Link prefetch={false} href={`${manageHref}#offline`} className="font-medium text-brand-800 underline hover:text-brand-900">{t('communeWorkbook.page.back')}</Link>
      </p>
    </FormMessages>
  );
}
