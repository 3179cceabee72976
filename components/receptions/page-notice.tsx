import { getTranslations } from 'next-intl/server';

// The notice a reception step sends along after its redirect (`?notice=`): only known keys of reception.notices.
const NOTICES = ['proposed', 'appraised', 'refused', 'withdrawn', 'decided'] as const;

export async function ReceptionNotice({ notice }: { notice: string | string[] | undefined }) {
  const key = Array.isArray(notice) ? notice[0] : notice;
  const known = NOTICES.find((n) => n === key);
  const t = await getTranslations('reception.notices');
  return (
    <div role="status" aria-live="polite" data-testid="page-notice">
      {known ? <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">{t(known)}</p> : null}
    </div>
  );
}
