import { getTranslations } from 'next-intl/server';
import { knownNotice, PageNotice } from '@/components/ui/page-notice';

// The notice a step sends along after its redirect (`?notice=`): only known keys of transfer.notices are shown.
const NOTICES = ['proposed', 'opinion', 'approved', 'executed', 'declined', 'cancelled'] as const;

export async function TransferNotice({ notice }: { notice: string | string[] | undefined }) {
  const known = knownNotice(notice, NOTICES);
  const t = await getTranslations('transfer.notices');
  return <PageNotice message={known ? t(known) : null} />;
}
