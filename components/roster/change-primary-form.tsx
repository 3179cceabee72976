'use client';

import { useTranslations } from '@/components/forms/translations';
import { changePrimaryPosition } from '@/lib/actions/roster/change-primary-position';
import { ActionForm } from '@/components/forms/action-form';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';
import { PositionDateFields } from './position-date-fields';

type Option = { value: string; label: string };
type Person = { communeId: number; cadreId: number; version: number };

/** The new primary position and the day it takes effect; the cadre's version rides along (conflicts are refused). */
export function ChangePrimaryForm({ person, positions, today, bodies }: { person: Person; positions: Option[]; today: string; bodies: IssuingBodyChoice[] }) {
  const t = useTranslations('roster.changePrimary');
  return (
    <ActionForm
      id="primary"
      testId="change-primary-form"
      namespace="roster"
      action={changePrimaryPosition}
      hidden={{ communeId: person.communeId, cadreId: person.cadreId, version: person.version }}
      intro={t('hint')}
      submitLabel={t('submit')}
      className="space-y-4"
    >
      {({ values, error }) => (
        <>
          <PositionDateFields
            idPrefix="primary"
            positions={positions}
            dateName="effectiveDate"
            labels={{ position: t('position'), choosePosition: t('choosePosition'), date: t('effectiveDate'), dateHint: t('effectiveDateHint') }}
            values={values}
            error={error}
            today={today}
          />
          <DecisionFields idPrefix="primary" bodies={bodies} values={values} error={error} today={today} />
        </>
      )}
    </ActionForm>
  );
}
