import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '../../../_lib/current-province';
import { db } from '@/lib/db/client';
import { findImport } from '@/lib/db/import-queries';
import { applyUploadProblem, importUploadStatus } from '@/lib/domain/import-upload';
import { getFormatters } from '@/lib/i18n/server';
import { formatAuditTime } from '@/components/audit/format-audit';
import { ApplyWorkbookForm } from '@/components/import/apply-form';
import { ImportReportView } from '@/components/import/import-report';
import { Breadcrumbs } from '@/components/layout/breadcrumbs';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requirePermission('data.import');
  const upload = await findImport(db(), user.provinceId, id);
  if (!upload) notFound();
  return upload;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [upload, t] = await Promise.all([load((await params).id), getTranslations('imports')]);
  return { title: t('detail.title', { file: upload.fileName }) };
}

/** One upload: its dry run (or what applying it did), and the apply button when it has no problem. */
export default async function ImportDetailPage({ params }: Props) {
  const upload = await load((await params).id);
  const [t, format] = await Promise.all([getTranslations('imports'), getFormatters()]);
  const report = upload.report;
  const kilobytes = Math.max(1, Math.round(upload.byteSize / 1024));
  const uploadState = { status: upload.status, clean: report?.ok === true };
  const status = importUploadStatus(uploadState);
  const mayApply = applyUploadProblem(uploadState) === null;
  const banner =
    status === 'applied'
      ? { tone: 'border-emerald-200 bg-emerald-50 text-emerald-900', text: t('detail.applied', { at: upload.appliedAt ? formatAuditTime(upload.appliedAt) : '', by: upload.appliedBy ?? '–' }) }
      : status === 'ready'
        ? { tone: 'border-sky-200 bg-sky-50 text-sky-900', text: t('detail.ready') }
        : { tone: 'border-red-200 bg-red-50 text-red-900', text: t('detail.problems', { count: format.number(upload.problemCount) }) };
  return (
    <>
      <Breadcrumbs items={[{ label: t('title'), href: '/import' }, { label: upload.fileName }]} />
      <PageHeader
        title={t('detail.title', { file: upload.fileName })}
        lead={t('detail.meta', {
          at: formatAuditTime(upload.createdAt),
          by: upload.uploadedBy ?? '–',
          size: format.number(kilobytes),
          province: report?.province ? `${report.province.name} (${report.province.code})` : '–',
        })}
      />
      <div role="status" className={`mb-6 rounded-md border px-4 py-3 text-sm font-medium ${banner.tone}`} data-testid="import-status">
        {banner.text}
      </div>
      {mayApply ? (
        <Card className="mb-6">
          <p className="mb-3 text-sm text-stone-700">{t('apply.lead')}</p>
          <ApplyWorkbookForm importId={upload.id} />
        </Card>
      ) : null}
      {status === 'problems' ? (
        <p className="mb-6 text-sm">
          <Link prefetch={false} href="/import#upload" className="font-medium text-brand-700 underline hover:text-brand-900">
            {t('detail.uploadFixed')}
          </Link>
        </p>
      ) : null}
      {report ? <ImportReportView report={report} /> : null}
    </>
  );
}
