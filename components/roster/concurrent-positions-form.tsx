'use client';

import { useTranslations } from '@/components/forms/translations';
import { addConcurrentPosition } from '@/lib/actions/roster/add-concurrent-position';
import { removeConcurrentPosition } from '@/lib/actions/roster/remove-concurrent-position';
import { ActionForm } from '@/components/forms/action-form';
import { DateField } from '@/components/forms/field';
import { DecisionFields, type IssuingBodyChoice } from './decision-fields';
import { PositionDateFields } from './position-date-fields';

type Option = { value: string; label: string };
type Person = { communeId: number; cadreId: number; version: number };
export type ConcurrentHolding = { assignmentId: number; title: string; detail: string };

const personFields = (person: Person) => ({ communeId: person.communeId, cadreId: person.cadreId, version: person.version });

/**
 * The open concurrent positions, each with its own submit button naming it (`assignmentId` comes from the
 * button pressed, so this is one form, with one status that survives the row's removal), and one date.
 */
export function RemoveConcurrentForm({ person, holdings, today, bodies }: { person: Person; holdings: ConcurrentHolding[]; today: string; bodies: IssuingBodyChoice[] }) {
  const t = useTranslations('roster.concurrent');
  return (
    <ActionForm id="remove-concurrent" testId="remove-concurrent-form" namespace="roster" action={removeConcurrentPosition} hidden={personFields(person)} className="space-y-4">
      {({ values, error }) =>
        holdings.length === 0 ? (
          <p className="text-sm text-stone-700">{t('none')}</p>
        ) : (
          <>
            <div className="max-w-xs">
              <DateField
                id="concurrent-removeDate"
                name="date"
                label={t('removeDate')}
                required
                hint={t('removeDateHint')}
                defaultValue={values.date ?? today}
                error={error('date')}
              />
            </div>
            <DecisionFields idPrefix="remove-concurrent" bodies={bodies} values={values} error={error} today={today} />
            <ul aria-label={t('list')} className="divide-y divide-stone-100 rounded-md border border-stone-200">
              {holdings.map((holding) => (
                <li key={holding.assignmentId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="concurrent-holding">
                  <div className="min-w-0">
                    <p className="font-medium text-stone-900">{holding.title}</p>
                    <p className="text-xs text-stone-600">{holding.detail}</p>
                  </div>
                  <button
                    type="submit"
                    name="assignmentId"
                    value={holding.assignmentId}
                    aria-label={t('removeFor', { title: holding.title })}
                    className="inline-flex items-center rounded-md bg-white px-3 py-2 text-sm font-semibold text-red-800 shadow-xs ring-1 ring-inset ring-red-300 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
                  >
                    {t('remove')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )
      }
    </ActionForm>
  );
}

/** A concurrent position from a start date (never the primary one, never one already held). */
export function AddConcurrentForm({ person, positions, today, bodies }: { person: Person; positions: Option[]; today: string; bodies: IssuingBodyChoice[] }) {
  const t = useTranslations('roster.concurrent');
  return (
    <ActionForm id="add-concurrent" testId="add-concurrent-form" namespace="roster" action={addConcurrentPosition} hidden={personFields(person)} submitLabel={t('add')} className="space-y-4">
      {({ values, error }) => (
        <>
          <PositionDateFields
            idPrefix="concurrent"
            positions={positions}
            dateName="startDate"
            labels={{ position: t('position'), choosePosition: t('choosePosition'), date: t('startDate'), dateHint: t('startDateHint') }}
            values={values}
            error={error}
            today={today}
          />
          <DecisionFields idPrefix="add-concurrent" bodies={bodies} values={values} error={error} today={today} />
        </>
      )}
    </ActionForm>
  );
}
