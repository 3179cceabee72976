import { getTranslations } from 'next-intl/server';
import { knownNotice, PageNotice } from '@/components/ui/page-notice';

// The notice a reception step sends along after its redirect (`?notice=`): only known keys of reception.notices.
const NOTICES = ['proposed', 'appraised', 'refused', 'withdrawn', 'decided'] as const;

export async function ReceptionNotice({ notice }: { notice: string | string[] | undefined }) {
  const known = knownNotice(notice, NOTICES);
  const t = await getTranslations('reception.notices');
  return <PageNotice message={known ? t(known) : null} />;
}
