import { getTranslations } from 'next-intl/server';
import { PageNotice } from '@/components/ui/page-notice';

// The notice a reception step sends along after its redirect (`?notice=`): only known keys of reception.notices.
const NOTICES = ['proposed', 'appraised', 'refused', 'withdrawn', 'decided'] as const;

export async function ReceptionNotice({ notice }: { notice: string | string[] | undefined }) {
  const key = Array.isArray(notice) ? notice[0] : notice;
  const known = NOTICES.find((n) => n === key);
  const t = await getTranslations('reception.notices');
  return <PageNotice message={known ? t(known) : null} />;
}
