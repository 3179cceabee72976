import { getTranslations } from 'next-intl/server';
import type { AuditFilterOptions } from '@/lib/db/audit-queries';
import { compareVietnamese } from '@/lib/domain/vietnamese';
import type { AuditFilters } from '@/lib/validation/audit-filters';
import { Field } from '@/components/forms/field';
import { auditEntityLabel, auditTranslator } from './audit-text';

/** A GET form: the filters live in the URL, so a filtered view can be shared and exported as is. */
export async function AuditFiltersForm({ filters, options }: { filters: AuditFilters; options: AuditFilterOptions }) {
  const t = await getTranslations('audit');
  const labels = auditTranslator(await getTranslations());
  const entityOptions = options.entityTypes
    .map((type) => ({ value: type, label: auditEntityLabel(labels, type) }))
    .sort((a, b) => compareVietnamese(a.label, b.label));
  const actorOptions = options.actors
    .map((actor) => ({ value: String(actor.id), label: actor.name }))
    .sort((a, b) => compareVietnamese(a.label, b.label));
  return (
    <form method="get" action="/audit" aria-label={t('filters')} className="rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field
          id="filter-user"
          name="user"
          label={t('user')}
          defaultValue={filters.actorId === null ? '' : String(filters.actorId)}
          options={[{ value: '', label: t('allUsers') }, ...actorOptions]}
        />
        <Field
          id="filter-entity"
          name="entity"
          label={t('entity')}
          defaultValue={filters.entityType ?? ''}
          options={[{ value: '', label: t('allEntities') }, ...entityOptions]}
        />
        <Field id="filter-from" name="from" label={t('from')} placeholder={t('datePlaceholder')} inputMode="numeric" maxLength={10} defaultValue={filters.fromText} error={filters.fromText && !filters.from ? t('badDate') : null} />
        <Field id="filter-to" name="to" label={t('to')} placeholder={t('datePlaceholder')} inputMode="numeric" maxLength={10} defaultValue={filters.toText} error={filters.toText && !filters.to ? t('badDate') : null} />
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-xs hover:bg-brand-800">
          {t('apply')}
        </button>
        <a href="/audit" className="text-sm font-medium text-brand-800 underline hover:text-brand-900">
          {t('clear')}
        </a>
      </div>
    </form>
  );
}
