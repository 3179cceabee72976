import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { updateDossier } from '@/lib/actions/dossier/update-dossier';
import { db } from '@/lib/db/client';
import { findDossier } from '@/lib/db/dossier-queries';
import { rankNameKey } from '@/lib/domain/civil-service-rank';
import { POLITICAL_THEORY_LEVELS, STATE_MANAGEMENT_LEVELS } from '@/lib/domain/dossier';
import { untyped } from '@/lib/i18n/translator';
import { getFormatters } from '@/lib/i18n/server';
import { ActionForm, type FormFieldSpec } from '@/components/forms/action-form';
import { Card } from '@/components/ui/card';
import { Section } from '@/components/ui/section';
import { DossierEntriesTable } from './remove-entries-form';

type Props = {
  cadreId: number;
  communeId: number;
  /** `cadre.viewPersonal` in the person's scope: date of birth, personal ID, places, religion, phone, address. */
  mayViewPersonal: boolean;
  /** The roster's permission in the person's scope: the forms. */
  mayEdit: boolean;
  /**
   * The forms adding to the lists (components/dossier/entry-forms.tsx), rendered by the page, which makes their
   * one-time tokens (docs/decisions/036-one-time-form-tokens.md); shown only when `mayEdit`.
   */
  entryForms?: { education?: ReactNode; training?: ReactNode; recognition?: ReactNode };
};

/**
 * A person's dossier as the data groups of Decree 27/2026/NĐ-CP (docs/decisions/037-the-personnel-dossier.md):
 * identity, Party and political, education and training, rank and salary, awards and discipline; with the one
 * "edit dossier" form and the forms of the lists when the user may change them. The history of posts is the person
 * page's own section.
 */
export async function DossierView({ cadreId, communeId, mayViewPersonal, mayEdit, entryForms: forms }: Props) {
  const entryForms = mayEdit ? forms : undefined;
  const [person, tr, format, locale] = await Promise.all([findDossier(db(), cadreId), getTranslations(), getFormatters(), getLocale()]);
  if (!person) return null;
  const t = untyped(tr);
  const unknown = t('dossier.unknown');
  const show = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? unknown : String(value));
  const date = (value: string | null) => (value ? format.date(value) : unknown);
  const rank = (code: string | null) => {
    if (!code) return unknown;
    const key = rankNameKey(code);
    return key ? `${t(key)} (${code})` : t('dossier.unlistedRank', { code });
  };
  const choose = (prefix: string, values: readonly string[]) => [
    { value: '', label: t('dossier.notSet') },
    ...values.map((value) => ({ value, label: t(`${prefix}.${value}`) })),
  ];
  const label = (name: string) => t(`dossier.fields.${name}`);
  const hidden = { cadreId, communeId };

  const facts = (rows: [string, string][]) => (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([name, value]) => (
        <div key={name} className="contents" data-testid={`dossier-${name}`}>
          <dt className="font-medium text-stone-700">{label(name)}</dt>
          <dd className="text-stone-900">{value}</dd>
        </div>
      ))}
    </dl>
  );

  const identity: [string, string][] = [
    ['fullName', person.fullName],
    ['gender', t(`gender.${person.gender}`)],
    ...(mayViewPersonal
      ? ([
          ['birthDate', date(person.birthDate)], ['nationalId', show(person.nationalId)], ['placeOfBirth', show(person.placeOfBirth)],
          ['homeTown', show(person.homeTown)],
        ] as [string, string][])
      : []),
    ['ethnicity', show(person.ethnicity)],
    ...(mayViewPersonal ? ([['religion', show(person.religion)], ['phone', show(person.phone)], ['homeAddress', show(person.homeAddress)]] as [string, string][]) : []),
    ['employmentType', t(`employmentType.${person.employmentType}`)],
  ];
  const party: [string, string][] = [
    ['isPartyMember', person.isPartyMember ? t('dossier.yes') : t('dossier.no')],
    ['partyJoinDate', date(person.partyJoinDate)],
    ['partyOfficialDate', date(person.partyOfficialDate)],
    ['politicalTheory', person.politicalTheory ? t(`dossier.politicalTheory.${person.politicalTheory}`) : unknown],
    ['stateManagement', person.stateManagement ? t(`dossier.stateManagement.${person.stateManagement}`) : unknown],
  ];
  const salary: [string, string][] = [
    ['rank', rank(person.rankCode)],
    ['salaryStep', show(person.salaryStep)],
    ['salaryCoefficient', person.salaryCoefficient === null ? unknown : (locale === 'vi' ? person.salaryCoefficient.replace('.', ',') : person.salaryCoefficient)],
    ['salaryEffectiveOn', date(person.salaryEffectiveOn)],
  ];

  const editFields: FormFieldSpec[] = [
    ...(mayViewPersonal
      ? ([
          { type: 'text', name: 'nationalId', label: label('nationalId'), hint: t('dossier.hints.nationalId'), maxLength: 12, defaultValue: person.nationalId ?? '' },
          { type: 'text', name: 'placeOfBirth', label: label('placeOfBirth'), maxLength: 200, defaultValue: person.placeOfBirth ?? '' },
          { type: 'text', name: 'homeTown', label: label('homeTown'), maxLength: 200, defaultValue: person.homeTown ?? '' },
          { type: 'text', name: 'religion', label: label('religion'), maxLength: 50, defaultValue: person.religion ?? '' },
        ] as FormFieldSpec[])
      : []),
    { type: 'text', name: 'ethnicity', label: label('ethnicity'), maxLength: 50, defaultValue: person.ethnicity ?? '' },
    { type: 'checkboxes', name: 'party', label: t('dossier.groups.party'), hint: t('dossier.hints.isPartyMember'), options: [{ name: 'isPartyMember', label: label('isPartyMember') }] },
    { type: 'date', name: 'partyJoinDate', label: label('partyJoinDate'), defaultValue: person.partyJoinDate ?? '' },
    { type: 'date', name: 'partyOfficialDate', label: label('partyOfficialDate'), defaultValue: person.partyOfficialDate ?? '' },
    { type: 'select', name: 'politicalTheory', label: label('politicalTheory'), options: choose('dossier.politicalTheory', POLITICAL_THEORY_LEVELS), defaultValue: person.politicalTheory ?? '' },
    { type: 'select', name: 'stateManagement', label: label('stateManagement'), options: choose('dossier.stateManagement', STATE_MANAGEMENT_LEVELS), defaultValue: person.stateManagement ?? '' },
    { type: 'text', name: 'rankCode', label: label('rankCode'), hint: t('dossier.hints.rankCode'), maxLength: 6, defaultValue: person.rankCode ?? '' },
    { type: 'text', name: 'salaryStep', label: label('salaryStep'), hint: t('dossier.hints.salaryStep'), maxLength: 2, defaultValue: person.salaryStep === null ? '' : String(person.salaryStep) },
    { type: 'text', name: 'salaryCoefficient', label: label('salaryCoefficient'), hint: t('dossier.hints.salaryCoefficient'), maxLength: 5, defaultValue: person.salaryCoefficient ?? '' },
    { type: 'date', name: 'salaryEffectiveOn', label: label('salaryEffectiveOn'), defaultValue: person.salaryEffectiveOn ?? '' },
  ];
  const initial = { isPartyMember: person.isPartyMember ? 'on' : '' };

  const person2 = { communeId, cadreId };

  return (
    <Section id="dossier" title={t('dossier.title')} description={t('dossier.description')}>
      <div className="space-y-6" data-testid="dossier">
        {mayViewPersonal ? null : <p className="text-sm text-stone-600">{t('dossier.personalHidden')}</p>}
        <Card roomy>
          <h3 className="mb-2 text-base font-semibold text-stone-900">{t('dossier.groups.identity')}</h3>
          {facts(identity)}
        </Card>
        <Card roomy>
          <h3 className="mb-2 text-base font-semibold text-stone-900">{t('dossier.groups.party')}</h3>
          {facts(party)}
        </Card>
        <Card roomy>
          <h3 className="mb-2 text-base font-semibold text-stone-900">{t('dossier.groups.rank')}</h3>
          {facts(salary)}
        </Card>
        {mayEdit ? (
          <Card roomy>
            <h3 className="mb-1 text-base font-semibold text-stone-900">{t('dossier.edit.title')}</h3>
            <p className="mb-3 text-sm text-stone-600">{t('dossier.edit.description')}</p>
            <ActionForm
              id="edit-dossier"
              namespace="dossier"
              action={updateDossier}
              hidden={{ ...hidden, version: person.version }}
              fields={editFields}
              initial={initial}
              layout="grid"
              submitLabel={t('dossier.edit.submit')}
            />
          </Card>
        ) : null}
        <Card roomy>
          <h3 className="mb-2 text-base font-semibold text-stone-900">{t('dossier.groups.education')}</h3>
          {facts([['education', t(`education.${person.education}`)], ['field', person.field ? (t.has(`fields.${person.field}`) ? t(`fields.${person.field}`) : person.field) : unknown]])}
          <div className="mt-4 space-y-3">
            <DossierEntriesTable
              id="educations" caption={t('dossier.educations.caption')} empty={t('dossier.educations.empty')} person={person2} mayEdit={mayEdit}
              columns={[label('degree'), label('educationField'), label('institution'), label('year'), label('mode')]}
              rows={person.educations.map((e) => ({
                entry: `education:${e.id}`, label: `${t(`education.${e.degree}`)} ${e.field}`,
                cells: [t(`education.${e.degree}`), e.field, show(e.institution), show(e.year), show(e.mode)],
              }))}
            />
            {entryForms?.education}
            <DossierEntriesTable
              id="trainings" caption={t('dossier.trainings.caption')} empty={t('dossier.trainings.empty')} person={person2} mayEdit={mayEdit}
              columns={[label('trainingKind'), label('trainingName'), label('institution'), label('startDate'), label('endDate'), label('certificate')]}
              rows={person.trainings.map((e) => ({
                entry: `training:${e.id}`, label: e.name,
                cells: [t(`dossier.trainingKinds.${e.kind}`), e.name, show(e.institution), date(e.startDate), date(e.endDate), show(e.certificate)],
              }))}
            />
            {entryForms?.training}
          </div>
        </Card>
        <Card roomy>
          <h3 className="mb-2 text-base font-semibold text-stone-900">{t('dossier.groups.recognition')}</h3>
          <div className="space-y-3">
            <DossierEntriesTable
              id="recognitions" caption={t('dossier.recognitions.caption')} empty={t('dossier.recognitions.empty')} person={person2} mayEdit={mayEdit}
              columns={[label('recognitionKind'), label('form'), label('decisionNumber'), label('decisionDate'), label('issuer'), label('reason')]}
              rows={person.recognitions.map((e) => ({
                entry: `recognition:${e.id}`, label: `${e.form} ${e.decisionNumber}`,
                cells: [t(`dossier.recognitionKinds.${e.kind}`), e.form, e.decisionNumber, date(e.decisionDate), show(e.issuer), show(e.reason)],
              }))}
            />
            {entryForms?.recognition}
          </div>
        </Card>
      </div>
    </Section>
  );
}
