'use client';

import { useTranslations } from '@/components/forms/translations';
import { confirmCadreRoundAndShow, confirmCivilServantRoundAndShow } from '@/app/(ratings)/ratings/communes/[code]/actions';
import { recordCadreRating, recordCivilServantRating } from '@/lib/actions/ratings/record-rating';
import { removeCadreRating, removeCivilServantRating } from '@/lib/actions/ratings/remove-rating';
import { RATING_LEVELS, type RatingGroup } from '@/lib/domain/ratings';
import { ActionForm } from '@/components/forms/action-form';
import { Field } from '@/components/forms/field';
import { TextAreaField } from '@/components/forms/field';

// The forms of a commune's rating round (docs/decisions/040-annual-ratings.md): one per person (record or change his
// rating), the removal of a rating, and the round's confirmation. Each posts without JavaScript and keeps what was
// typed when refused; the action is the group's (civil servants: the chairman's; cadres: the Organizing Committee's).

const RECORD = { civil_servant: recordCivilServantRating, cadre: recordCadreRating } as const;
const REMOVE = { civil_servant: removeCivilServantRating, cadre: removeCadreRating } as const;
// Confirming lands on the round's summary with its notice (the form leaves the page with the round's other forms).
const CONFIRM = { civil_servant: confirmCivilServantRoundAndShow, cadre: confirmCadreRoundAndShow } as const;

type Saved = { ratingId: number; version: number; level: string; score: number | null; belowBandReason: string | null } | null;

/** One person's rating: the level, an optional score, the reason when below the score's band. */
export function RatingRowForm({ group, communeId, cadreId, year, name, saved }: { group: RatingGroup; communeId: number; cadreId: number; year: number; name: string; saved: Saved }) {
  const t = useTranslations('ratings');
  const id = `rate-${cadreId}`;
  return (
    <ActionForm
      id={id}
      testId={`rating-form-${cadreId}`}
      namespace="ratings"
      action={RECORD[group]}
      hidden={{ communeId, cadreId, year, ratingId: saved?.ratingId ?? '', version: saved?.version ?? '' }}
      initial={saved ? { level: saved.level, score: saved.score === null ? '' : String(saved.score), belowBandReason: saved.belowBandReason ?? '' } : {}}
      submitLabel={saved ? t('form.change') : t('form.record')}
      tone="secondary"
      statusAtEnd
      className="flex flex-wrap items-end gap-2"
    >
      {({ values, error }) => (
        <>
          <div className="min-w-48">
            <Field
              id={`${id}-level`}
              name="level"
              label={`${t('form.level')} – ${name}`}
              options={[{ value: '', label: t('form.chooseLevel') }, ...RATING_LEVELS.map((level) => ({ value: level, label: t(`levels.${level}`) }))]}
              defaultValue={values.level}
              error={error('level')}
            />
          </div>
          <div className="w-28">
            <Field id={`${id}-score`} name="score" label={t('form.score')} inputMode="decimal" autoComplete="off" defaultValue={values.score} error={error('score')} />
          </div>
          <div className="min-w-56 flex-1">
            <Field id={`${id}-reason`} name="belowBandReason" label={t('form.belowBandReason')} maxLength={500} autoComplete="off" defaultValue={values.belowBandReason} error={error('belowBandReason')} />
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** Removes a rating of a draft round. */
export function RemoveRatingForm({ group, communeId, ratingId, version }: { group: RatingGroup; communeId: number; ratingId: number; version: number }) {
  const t = useTranslations('ratings');
  return (
    <ActionForm
      id={`remove-rating-${ratingId}`}
      namespace="ratings"
      action={REMOVE[group]}
      hidden={{ communeId, ratingId, version }}
      submitLabel={t('form.remove')}
      tone="secondary"
      statusAtEnd
      className="flex flex-wrap items-end gap-2"
    />
  );
}

/** Confirms the round (irreversible), with the reason when beyond the 20% rule. */
export function ConfirmRoundForm({ group, communeId, communeCode, year, version, percent }: { group: RatingGroup; communeId: number; communeCode: string; year: number; version: number; percent: number }) {
  const t = useTranslations('ratings');
  return (
    <ActionForm
      id="confirm-round"
      namespace="ratings"
      action={CONFIRM[group]}
      hidden={{ communeId, communeCode, year, version }}
      submitLabel={t('form.confirm')}
      confirm={t('form.confirmCheck')}
      className="space-y-3"
    >
      {({ values, error }) => (
        <TextAreaField
          id="confirm-round-reason"
          name="overLimitReason"
          label={t('form.overLimitReason')}
          hint={t('form.overLimitHint', { percent })}
          maxLength={1000}
          defaultValue={values.overLimitReason}
          error={error('overLimitReason')}
        />
      )}
    </ActionForm>
  );
}
