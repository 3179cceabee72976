import { getTranslations } from 'next-intl/server';
import type { CommuneAttributesSnapshot, CommuneHistoryEntry, QuotaSnapshot } from '@/lib/db/quota-queries';
import { BLOCKS } from '@/lib/domain/types';
import { formatAuditTime } from '@/components/audit/format-audit';
import { cellClass, headCellClass, TableContainer, tableClass } from '@/components/ui/table';

type Line = { label: string; before: string; after: string };

const asObject = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** The quota, attribute and key-position norm changes of one commune, newest first, each as "label: before → after" lines. */
export async function CommuneHistory({ entries, positionTitles }: { entries: CommuneHistoryEntry[]; positionTitles: Map<string, string> }) {
  const t = await getTranslations();
  const none = t('quotas.none');
  const text = (value: unknown) => (value === null || value === undefined ? none : String(value));
  const yesNo = (value: unknown) => (value === true ? t('communeAttributes.yes') : value === false ? t('communeAttributes.no') : none);

  function describe(entry: CommuneHistoryEntry): { what: string; lines: Line[] } {
    const before = asObject(entry.before) as Partial<QuotaSnapshot & CommuneAttributesSnapshot>;
    const after = asObject(entry.after) as Partial<QuotaSnapshot & CommuneAttributesSnapshot>;
    if (entry.entityType === 'quota') {
      return {
        what: t('quotas.historyQuota', { year: text(after.year ?? before.year) }),
        lines: BLOCKS.map((block) => ({ label: t(`blocks.${block}`), before: text(before[block]), after: text(after[block]) })),
      };
    }
    if (entry.entityType === 'keyPositionNorm') {
      const codes = [...new Set([...Object.keys(asObject(entry.before)), ...Object.keys(asObject(entry.after))])];
      return {
        what: t('quotas.norms.heading'),
        lines: codes.map((code) => ({ label: positionTitles.get(code) ?? code, before: text(asObject(entry.before)[code]), after: text(asObject(entry.after)[code]) })),
      };
    }
    const all: Line[] = [
      { label: t('communeAttributes.oldDistrict'), before: text(before.oldDistrictName), after: text(after.oldDistrictName) },
      ...(['mountainous', 'extremelyDisadvantaged', 'border'] as const).map((flag) => ({
        label: t(`communeAttributes.${flag}`),
        before: yesNo(before[flag]),
        after: yesNo(after[flag]),
      })),
    ];
    const changed = all.filter((line) => line.before !== line.after);
    return { what: t('quotas.historyAttributes'), lines: changed.length > 0 ? changed : all };
  }

  if (entries.length === 0) return <p className="text-sm text-stone-600">{t('quotas.historyEmpty')}</p>;
  return (
    <TableContainer label={t('quotas.historyCaption')}>
      <table className={tableClass} data-testid="quota-history">
        <caption className="sr-only">{t('quotas.historyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('quotas.historyWhen')}</th>
            <th scope="col" className={headCellClass}>{t('quotas.historyWho')}</th>
            <th scope="col" className={headCellClass}>{t('quotas.historyWhat')}</th>
            <th scope="col" className={`${headCellClass} min-w-48`}>{t('quotas.historyChange')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const { what, lines } = describe(entry);
            return (
              <tr key={entry.id}>
                <td className={`${cellClass} numeric whitespace-nowrap`}>{formatAuditTime(entry.at)}</td>
                <td className={cellClass}>{entry.actorName}</td>
                <td className={cellClass}>{what}</td>
                <td className={cellClass}>
                  <ul className="space-y-0.5">
                    {lines.map((line) => (
                      <li key={line.label}>
                        <span className="text-stone-600">{line.label}:</span> <span className="numeric">{line.before} → {line.after}</span>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableContainer>
  );
}
