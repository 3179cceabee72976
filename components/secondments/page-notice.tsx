import { getTranslations } from 'next-intl/server';
import { knownNotice, PageNotice as Notice } from '@/components/ui/page-notice';

// The notice a step sends along when it moves the record on (`?notice=` after its redirect): only the known
// keys of secondment.notices are shown, anything else is ignored.
const NOTICES = ['listCreated', 'submitted', 'forwarded', 'returned', 'approved', 'declined', 'placed', 'ended'] as const;

export async function PageNotice({ notice }: { notice: string | string[] | undefined }) {
  const known = knownNotice(notice, NOTICES);
  const t = await getTranslations('secondment.notices');
  return <Notice message={known ? t(known) : null} />;
}
