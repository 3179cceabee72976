import { getTranslations } from 'next-intl/server';

const FORMATS = ['csv', 'xlsx'] as const;

/** Downloads of the status report (the same file as `npm run data -- export status`). */
export async function ExportLinks() {
  const t = await getTranslations('overview.export');
  return (
    <div role="group" aria-label={t('heading')} className="flex flex-wrap gap-2">
      {FORMATS.map((format) => (
        <a
          key={format}
          href={`/api/exports/status?format=${format}`}
          download
          className="inline-flex items-center gap-1.5 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 shadow-xs hover:border-brand-700 hover:text-brand-800"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
            <path d="M10 3a1 1 0 0 1 1 1v7.59l2.3-2.3a1 1 0 1 1 1.4 1.42l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.42L9 11.6V4a1 1 0 0 1 1-1ZM4 15a1 1 0 0 1 1 1v.5h10V16a1 1 0 1 1 2 0v1.5a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V16a1 1 0 0 1 1-1Z" />
          </svg>
          {t(format)}
        </a>
      ))}
    </div>
  );
}
