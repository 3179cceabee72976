import { getTranslations } from 'next-intl/server';
import { MAX_WORKBOOK_BYTES } from '@/lib/actions/commune-workbook/check';
import { Section } from '@/components/ui/section';

/**
 * "Làm việc khi mất mạng" on the chairman's workspace (docs/decisions/047-commune-workbook.md): the commune's
 * workbook to download, and a plain multipart form posting the edited file to the streaming upload route (a server
 * action takes 1 MB), which answers with the diff page. No JavaScript needed.
 */
export async function OfflineWorkSection({ communeCode }: { communeCode: string }) {
  const t = await getTranslations('communeWorkbook.section');
  const route = `/api/communes/${encodeURIComponent(communeCode)}/workbook`;
  return (
    <Section id="offline" title={t('title')} description={t('lead')}>
      <div className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-xs" data-testid="offline-work">
        <p>
          <a href={route} download className="text-sm font-semibold text-brand-800 underline hover:text-brand-900" data-testid="workbook-download">
            {t('download')}
          </a>
        </p>
        <form action={route} method="post" encType="multipart/form-data" className="flex flex-wrap items-end gap-3" data-testid="workbook-upload-form">
          <div className="min-w-0 grow">
            <label htmlFor="workbook-file" className="text-sm font-medium text-stone-800">{t('file')}</label>
            <input
              id="workbook-file" name="file" type="file" required aria-describedby="workbook-file-hint"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="mt-1 block w-full text-sm"
            />
            <p id="workbook-file-hint" className="mt-1 text-xs text-stone-600">{t('fileHint', { mb: MAX_WORKBOOK_BYTES / 1024 / 1024 })}</p>
          </div>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800">{t('submit')}</button>
        </form>
      </div>
    </Section>
  );
}
