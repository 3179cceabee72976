import { getTranslations } from 'next-intl/server';

const FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof FORMATS)[number];

const linkClass =
  'inline-flex items-center gap-1.5 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 shadow-xs hover:border-brand-700 hover:text-brand-800';

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
      <path d="M10 3a1 1 0 0 1 1 1v7.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V4a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1v.5h10V16a1 1 0 1 1 2 0v1.5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V16a1 1 0 0 1 1-1Z" />
    </svg>
  );
}

/**
 * Downloads of exactly what a table shows: `route` receives the page's own query string, so the file has
 * the table's rows, order and columns. `label` names the group ("Tải bảng đang xem").
 */
export async function ExportLinks({ route, search, label, testId }: { route: string; search: string; label: string; testId?: string }) {
  const t = await getTranslations('overview.export');
  const params = new URLSearchParams(search);
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-2" data-testid={testId}>
      <span className="text-sm text-stone-600" aria-hidden="true">
        {label}:
      </span>
      {FORMATS.map((format) => {
        params.set('format', format);
        return (
          <a key={format} href={`${route}?${params.toString()}`} download className={linkClass} aria-label={`${label}: ${t(`${format}Short`)}`}>
            <DownloadIcon />
            {t(`${format}Short`)}
          </a>
        );
      })}
    </div>
  );
}

/** The status report (the same file as `npm run data -- export status`): every unit, the CLI's columns. */
export async function StatusReportLinks() {
  const t = await getTranslations('overview.export');
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600">
      <span>{t('statusReport')}</span>
      {FORMATS.map((format) => (
        <a key={format} href={`/api/exports/status?format=${format}`} download className="font-medium text-brand-800 underline hover:text-brand-900">
          {t(format)}
        </a>
      ))}
    </p>
  );
}
