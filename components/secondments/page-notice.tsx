import { getTranslations } from 'next-intl/server';

// The notice a step sends along when it moves the record on (`?notice=` after its redirect): only the known
// keys of secondment.notices are shown, anything else is ignored.
const NOTICES = ['listCreated', 'submitted', 'forwarded', 'returned', 'approved', 'declined', 'placed', 'ended'] as const;

export async function PageNotice({ notice }: { notice: string | string[] | undefined }) {
  const key = Array.isArray(notice) ? notice[0] : notice;
  const known = NOTICES.find((n) => n === key);
  const t = await getTranslations('secondment.notices');
  return (
    <div role="status" aria-live="polite" data-testid="page-notice">
      {known ? <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">{t(known)}</p> : null}
    </div>
  );
}
