import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db/client';
import { listPastRetirement } from '@/lib/db/retirement-queries';
import { getFormatters } from '@/lib/i18n/server';
import { Section } from '@/components/ui/section';
import { PastRetirementList } from './past-retirement-list';

/** The commune page's section of people past their retirement date (shown only when there are some). */
export async function CommunePastRetirement({ provinceId, commune, today, mayManage }: { provinceId: number; commune: { id: number; code: string }; today: string; mayManage: boolean }) {
  const [rows, t, format] = await Promise.all([listPastRetirement(db(), provinceId, today, commune.id), getTranslations('retirement'), getFormatters()]);
  if (rows.length === 0) return null;
  const base = `/communes/${encodeURIComponent(commune.code)}/manage/person/`;
  return (
    <Section id="past-retirement" title={t('heading')} description={t('lead')}>
      <PastRetirementList rows={rows} format={format} manageHref={mayManage ? (row) => base + encodeURIComponent(row.code) : undefined} />
    </Section>
  );
}
