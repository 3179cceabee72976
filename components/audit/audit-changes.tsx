import type { AuditPresentation, AuditText } from '@/lib/audit/present';
import { renderAuditText, showsBefore, type AuditTranslator } from './audit-text';

// The changes of one audit row (lib/audit/present.ts): a small "trước → sau" table on the audit page, a
// definition list in the workflow timelines. Long values (comments, checksums) wrap inside their cell.

function Value({ t, value }: { t: AuditTranslator; value: AuditText | null }) {
  if (value !== null && 'list' in value && value.lines) {
    return value.list.map((line, index) => (
      <span key={index} className="block">
        {renderAuditText(t, line)}
      </span>
    ));
  }
  return <>{renderAuditText(t, value)}</>;
}

/** Field | before | after; a side no change has (an event that only records what it did) is left out. */
export function AuditChangeTable({ t, presentation, caption }: { t: AuditTranslator; presentation: AuditPresentation; caption: string }) {
  const { changes, legacy, compared } = presentation;
  const note = legacy ? <p className="mb-1 text-xs text-stone-600 italic">{t('audit.legacy')}</p> : null;
  if (changes.length === 0) return note ?? <span className="text-stone-500">—</span>;
  const hasBefore = compared || changes.some((change) => change.before !== null);
  const hasAfter = compared || changes.some((change) => change.after !== null);
  const cell = 'border-t border-stone-100 px-1.5 py-1 align-top wrap-anywhere';
  const head = 'px-1.5 pb-1 text-left font-semibold text-stone-600';
  return (
    <>
      {note}
      <table className="w-full table-fixed border-collapse text-xs">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${head} w-[36%]`}>{t('audit.field')}</th>
            {hasBefore ? <th scope="col" className={head}>{t('audit.before')}</th> : null}
            {hasAfter ? <th scope="col" className={head}>{hasBefore ? t('audit.after') : t('audit.value')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row" className={`${cell} text-left font-medium text-stone-700`}>{renderAuditText(t, change.label)}</th>
              {hasBefore ? (
                <td className={`${cell} text-stone-700 whitespace-pre-line`}>{showsBefore(change, presentation) || change.unchanged ? <Value t={t} value={change.before} /> : null}</td>
              ) : null}
              {hasAfter ? <td className={`${cell} text-stone-900 whitespace-pre-line`}><Value t={t} value={change.after} /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "Trường: trước → sau", one line per field, for a timeline entry. */
export function AuditChangeList({ t, presentation }: { t: AuditTranslator; presentation: AuditPresentation }) {
  if (presentation.changes.length === 0) return null;
  return (
    <dl className="mt-1 space-y-0.5 text-stone-700">
      {presentation.changes.map((change) => (
        <div key={change.field} className="wrap-anywhere">
          <dt className="inline text-stone-600">{renderAuditText(t, change.label)}:</dt>{' '}
          <dd className="inline whitespace-pre-line">
            {showsBefore(change, presentation) ? (
              <>
                <Value t={t} value={change.before} />
                <span role="img" aria-label={t('audit.changedTo')}> → </span>
              </>
            ) : null}
            <span className="font-medium text-stone-900">
              <Value t={t} value={change.after ?? (showsBefore(change, presentation) ? null : change.before)} />
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
