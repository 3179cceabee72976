import { getTranslations } from 'next-intl/server';
import { getFormatters } from '@/lib/i18n/server';

// Parts of the planning register's pages (docs/decisions/041-structure-and-planning.md): the term chosen by a plain
// GET form (works without JavaScript), and the structure of the people planned.

export async function TermChooser({ terms, current, action }: { terms: readonly { id: number; name: string }[]; current: number; action: string }) {
  const t = await getTranslations('planning');
  return (
    <form method="get" action={action} className="mb-4 flex flex-wrap items-end gap-2 text-sm" data-testid="term-chooser">
      <label className="flex flex-col gap-1">
        <span className="font-medium text-stone-800">{t('term')}</span>
        <select name="term" defaultValue={String(current)} className="rounded-md border border-stone-300 bg-white px-2 py-1.5">
          {terms.map((term) => (
            <option key={term.id} value={term.id}>{term.name}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md border border-stone-300 bg-white px-3 py-1.5 font-semibold text-stone-800 hover:bg-stone-50">{t('show')}</button>
    </form>
  );
}

export async function PlanningStructureLine({ counts, youngAge }: { counts: { people: number; female: number; young: number; ethnicMinority: number }; youngAge: number }) {
  const [t, format] = await Promise.all([getTranslations('planning'), getFormatters()]);
  if (counts.people === 0) return <p className="text-sm text-stone-700">{t('nobodyPlanned')}</p>;
  return (
    <p className="text-sm text-stone-800" data-testid="planning-structure">
      {t('structureLine', {
        people: format.number(counts.people),
        female: format.number(counts.female), femaleShare: format.percent(counts.female, counts.people),
        young: format.number(counts.young), youngShare: format.percent(counts.young, counts.people), age: youngAge,
        minority: format.number(counts.ethnicMinority), minorityShare: format.percent(counts.ethnicMinority, counts.people),
      })}
    </p>
  );
}
