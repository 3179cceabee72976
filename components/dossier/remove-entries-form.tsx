'use client';

import { useTranslations } from '@/components/forms/translations';
import { removeDossierEntry } from '@/lib/actions/dossier/remove-dossier-entry';
import { ActionForm } from '@/components/forms/action-form';
import { cellClass, DataTable, headCellClass } from '@/components/ui/table';

export type DossierEntryRow = { entry: string; label: string; cells: string[] };

/**
 * One list of a dossier (education history, training courses, awards and discipline) as a table whose rows each
 * have a remove button naming the entry (`entry` comes from the button pressed), so it is one form that works
 * without JavaScript; `mayEdit` false shows the table alone.
 */
export function DossierEntriesTable({
  id, caption, empty, columns, rows, person, mayEdit,
}: { id: string; caption: string; empty: string; columns: string[]; rows: DossierEntryRow[]; person: { communeId: number; cadreId: number }; mayEdit: boolean }) {
  const t = useTranslations('dossier');
  const table = (
    <DataTable caption={caption} testId={`${id}-table`}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className={headCellClass}>{column}</th>
          ))}
          {mayEdit ? <th scope="col" className={headCellClass}><span className="sr-only">{t('actions')}</span></th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.entry}>
            {row.cells.map((cell, index) => (
              <td key={index} className={cellClass}>{cell}</td>
            ))}
            {mayEdit ? (
              <td className={`${cellClass} text-right`}>
                <button
                  type="submit"
                  name="entry"
                  value={row.entry}
                  aria-label={t('removeFor', { item: row.label })}
                  className="rounded-md bg-white px-2.5 py-1 text-xs font-semibold text-red-800 ring-1 ring-inset ring-red-300 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
                >
                  {t('remove')}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
  if (rows.length === 0) return <p className="text-sm text-stone-600" data-testid={`${id}-empty`}>{empty}</p>;
  if (!mayEdit) return table;
  return (
    <ActionForm id={`${id}-remove`} namespace="dossier" action={removeDossierEntry} hidden={person}>
      {() => table}
    </ActionForm>
  );
}
