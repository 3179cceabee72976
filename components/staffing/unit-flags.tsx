import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';

export type UnitFlagSource = {
  isShortStaffed?: boolean;
  hasKeyGaps?: boolean;
  mountainous: boolean;
  extremelyDisadvantaged: boolean;
  border?: boolean;
  missingQuota?: boolean;
};

export async function UnitFlags({ unit }: { unit: UnitFlagSource }) {
  const t = await getTranslations('flags');
  return (
    <span className="flex flex-wrap gap-1">
      {unit.isShortStaffed ? <Badge tone="red">{t('shortStaffed')}</Badge> : null}
      {unit.hasKeyGaps ? <Badge tone="amber">{t('keyGaps')}</Badge> : null}
      {unit.missingQuota ? <Badge tone="neutral">{t('missingQuota')}</Badge> : null}
      {unit.mountainous ? <Badge tone="green">{t('mountainous')}</Badge> : null}
      {unit.extremelyDisadvantaged ? <Badge tone="violet">{t('extremelyDisadvantaged')}</Badge> : null}
      {unit.border ? <Badge tone="blue">{t('border')}</Badge> : null}
    </span>
  );
}
