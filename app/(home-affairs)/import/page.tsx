import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '../../_lib/current-province';
import { db } from '@/lib/db/client';
import { listImports } from '@/lib/db/import-queries';
import { importUploadStatus } from '@/lib/domain/import-upload';
import { getFormatters } from '@/lib/i18n/server';
import { OPTIONAL_SHEETS, SHEET_COLUMNS, SHEETS } from '@/lib/import/types';
import { formatAuditTime } from '@/components/audit/format-audit';
import { UploadWorkbookForm } from '@/components/import/upload-form';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { StateBadge } from '@/components/ui/state-badge';
import { Section } from '@/components/ui/section';
import { TableContainer, cellClass, headCellClass, numericCellClass, numericHeadCellClass, tableClass } from '@/components/ui/table';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('imports');
  return { title: t('title') };
}

/** Home Affairs: upload a province workbook, read its dry run, then apply it (all or nothing). */
export default async function ImportPage() {
  const user = await requirePermission('data.import');
  const [imports, t, format] = await Promise.all([listImports(db(), user.provinceId), getTranslations('imports'), getFormatters()]);
  return (
    <>
      <PageHeader title={t('title')} lead={t('lead')} />

      <Section id="steps" title={t('steps.heading')}>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-stone-800">
          <li>
            {t('steps.template')}{' '}
            <a href="/api/import/template" className="font-medium text-brand-700 underline hover:text-brand-900" download>
              {t('steps.templateLink')}
            </a>
          </li>
          <li>{t('steps.fill')}</li>
          <li>{t('steps.check')}</li>
          <li>{t('steps.apply')}</li>
        </ol>
      </Section>

      <Section id="upload" title={t('upload.heading')}>
        <Card className="max-w-xl">
          <UploadWorkbookForm />
        </Card>
      </Section>

      <Section id="history" title={t('history.heading')}>
        {imports.length === 0 ? (
          <p className="text-sm text-stone-700">{t('history.empty')}</p>
        ) : (
          <TableContainer label={t('history.heading')}>
            <table className={tableClass}>
              <thead>
                <tr>
                  <th scope="col" className={headCellClass}>{t('history.at')}</th>
                  <th scope="col" className={headCellClass}>{t('history.file')}</th>
                  <th scope="col" className={headCellClass}>{t('history.by')}</th>
                  <th scope="col" className={headCellClass}>{t('history.status')}</th>
                  <th scope="col" className={numericHeadCellClass}>{t('history.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {imports.map((item) => (
                  <tr key={item.id}>
                    <td className={`${cellClass} numeric whitespace-nowrap`}>{formatAuditTime(item.createdAt)}</td>
                    <td className={cellClass}>
                      <Link prefetch={false} href={`/import/${item.id}`} className="font-medium text-brand-700 underline hover:text-brand-900">
                        {item.fileName}
                      </Link>
                    </td>
                    <td className={cellClass}>{item.uploadedBy ?? '–'}</td>
                    <td className={cellClass}>
                      <StateBadge machine="importUpload" state={importUploadStatus({ status: item.status, clean: item.problemCount === 0 })} />
                    </td>
                    <td className={numericCellClass}>{format.number(item.problemCount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableContainer>
        )}
      </Section>

      <Section id="contract" title={t('contract.heading')} description={t('contract.lead')}>
        <TableContainer label={t('contract.heading')}>
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col" className={headCellClass}>{t('report.sheet')}</th>
                <th scope="col" className={headCellClass}>{t('contract.columns')}</th>
              </tr>
            </thead>
            <tbody>
              {SHEETS.map((sheet) => (
                <tr key={sheet}>
                  <th scope="row" className={`${cellClass} text-left font-medium`}>
                    <code className="text-stone-900">{sheet}</code>
                    <span className="block text-xs font-normal text-stone-600">
                      {t(`sheets.${sheet}`)}
                      {OPTIONAL_SHEETS.includes(sheet) ? ` · ${t('contract.optionalSheet')}` : ''}
                    </span>
                  </th>
                  <td className={cellClass}>
                    <code className="break-words text-stone-800">{SHEET_COLUMNS[sheet].required.join(', ')}</code>
                    {SHEET_COLUMNS[sheet].optional.length > 0 ? (
                      <span className="block text-xs text-stone-600">
                        {t('contract.optional')}: <code>{SHEET_COLUMNS[sheet].optional.join(', ')}</code>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableContainer>
        <p className="mt-2 text-xs text-stone-600">{t('contract.values')}</p>
      </Section>
    </>
  );
}
