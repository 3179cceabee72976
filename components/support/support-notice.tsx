import { getTranslations } from 'next-intl/server';
import { knownNotice, PageNotice } from '@/components/ui/page-notice';

// The notice a step sends along after its redirect (`?notice=`): only known keys are shown.
const NOTICES = { raised: 'support.notices.raised', assigned: 'support.notices.assigned', visited: 'support.notices.visited', answered: 'support.notices.answered', resolved: 'support.notices.resolved', escalated: 'support.notices.escalated', attached: 'support.attachments.uploaded', created: 'support.groups.notices.created' } as const;

export async function SupportNotice({ notice }: { notice: string | string[] | undefined }) {
  const known = knownNotice(notice, Object.keys(NOTICES) as (keyof typeof NOTICES)[]);
  const t = await getTranslations();
  return <PageNotice message={known ? t(NOTICES[known]) : null} />;
}
