import { getTranslations } from 'next-intl/server';

// The notice a step sends along after its redirect (`?notice=`): only known keys are shown.
const NOTICES = { raised: 'support.notices.raised', assigned: 'support.notices.assigned', visited: 'support.notices.visited', answered: 'support.notices.answered', resolved: 'support.notices.resolved', escalated: 'support.notices.escalated', attached: 'support.attachments.uploaded', created: 'support.groups.notices.created' } as const;

export async function SupportNotice({ notice }: { notice: string | string[] | undefined }) {
  const key = Array.isArray(notice) ? notice[0] : notice;
  const known = key && Object.hasOwn(NOTICES, key) ? NOTICES[key as keyof typeof NOTICES] : null;
  const t = await getTranslations();
  return (
    <div role="status" aria-live="polite" data-testid="page-notice">
      {known ? <p className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">{t(known)}</p> : null}
    </div>
  );
}
