'use client';

import { DateField, Field } from '@/components/forms/field';

type Option = { value: string; label: string };

/**
 * A position to take and the day it starts (a new primary position, an added concurrent one): the roster forms'
 * shared pair, beside their decision fields. `today` is the date's default.
 */
export function PositionDateFields({
  idPrefix, positions, dateName, labels, values, error, today,
}: {
  idPrefix: string;
  positions: Option[];
  dateName: string;
  labels: { position: string; choosePosition: string; date: string; dateHint: string };
  values: Partial<Record<string, string>>;
  error: (field: string) => string | null;
  today: string;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        id={`${idPrefix}-position`}
        name="positionId"
        label={labels.position}
        required
        options={[{ value: '', label: labels.choosePosition }, ...positions]}
        defaultValue={values.positionId}
        error={error('positionId')}
      />
      <DateField
        id={`${idPrefix}-${dateName}`}
        name={dateName}
        label={labels.date}
        required
        hint={labels.dateHint}
        defaultValue={values[dateName] ?? today}
        error={error(dateName)}
      />
    </div>
  );
}
