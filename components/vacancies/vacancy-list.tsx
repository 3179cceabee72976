import { getTranslations } from 'next-intl/server';
import type { OpenVacancy } from '@/lib/db/vacancy-queries';
import { getFormatters } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';
import { CloseVacancyForm } from './close-vacancy-form';

const URGENCY_TONE = { normal: 'neutral', urgent: 'amber', critical: 'red' } as const;

/**
 * The commune's open needs as a list of cards (readable on a phone). With `closable` (the commune's code), each card
 * carries its close form; the caller checks can(user, 'vacancy.declare', …) first.
 */
export async function VacancyList({ vacancies, closable = null }: { vacancies: OpenVacancy[]; closable?: { communeCode: string } | null }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatters()]);
  if (vacancies.length === 0) return <p className="text-sm text-stone-600">{t('vacancies.empty')}</p>;
  const fieldLabel = (field: string) => {
    const key = `fields.${field}` as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : field;
  };
  return (
    <ul aria-label={t('vacancies.caption')} className="grid gap-3 md:grid-cols-2">
      {vacancies.map((v) => (
        <li key={v.id} className="rounded-lg border border-stone-200 bg-white p-3 shadow-xs" data-testid="open-vacancy">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <p className="font-medium text-stone-900">
              {[v.positionTitle, v.field ? fieldLabel(v.field) : null].filter(Boolean).join(' · ')}
            </p>
            <Badge tone={URGENCY_TONE[v.urgency]}>{t(`vacancies.urgencies.${v.urgency}`)}</Badge>
          </div>
          <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-sm text-stone-700">
            <dt>{t('vacancies.count')}</dt>
            <dd className="numeric">{format.number(v.count)}</dd>
            <dt>{t('vacancies.declaredOn')}</dt>
            <dd>{format.date(v.declaredOn)}</dd>
            {v.note ? (
              <>
                <dt>{t('vacancies.note')}</dt>
                <dd className="break-words">{v.note}</dd>
              </>
            ) : null}
          </dl>
          {closable ? (
            <div className="mt-3 border-t border-stone-100 pt-3">
              <CloseVacancyForm vacancyId={v.id} version={v.version} communeCode={closable.communeCode} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
