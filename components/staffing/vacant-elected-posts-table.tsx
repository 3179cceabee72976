import { getTranslations } from 'next-intl/server';
import type { VacantElectedPost } from '@/lib/domain/elected-posts';
import { getFormatters } from '@/lib/i18n/server';
import { Badge } from '@/components/ui/badge';
import { cellClass, headCellClass, numericCellClass, numericHeadCellClass, TableContainer, tableClass } from '@/components/ui/table';

/**
 * Elected posts left vacant, one row per commune and post, each marked "cần bầu / chỉ định": filled by an election or
 * a designation, never by a transfer (lib/domain/elected-posts.ts). The plan page, its what-if and the dashboard.
 */
export async function VacantElectedPostsTable({
  posts,
  titles,
  caption,
  testId = 'elected-vacancies',
}: {
  posts: readonly VacantElectedPost[];
  /** Position titles by id, in the reader's language where the page has both. */
  titles: ReadonlyMap<number, string>;
  caption: string;
  testId?: string;
}) {
  const [t, format] = await Promise.all([getTranslations('electedPosts'), getFormatters()]);
  return (
    <TableContainer label={caption}>
      <table className={tableClass} data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={headCellClass}>{t('commune')}</th>
            <th scope="col" className={headCellClass}>{t('oldDistrict')}</th>
            <th scope="col" className={headCellClass}>{t('position')}</th>
            <th scope="col" className={numericHeadCellClass}>{t('places')}</th>
            <th scope="col" className={headCellClass}>{t('how')}</th>
          </tr>
        </thead>
        <tbody>
          {posts.map((p) => (
            <tr key={`${p.communeId}-${p.positionId}`} data-testid="elected-vacancy">
              <th scope="row" className={`${cellClass} text-left font-medium`}>
                {p.communeName} <span className="text-xs font-normal text-stone-600">({p.communeCode})</span>
              </th>
              <td className={cellClass}>{p.oldDistrictName}</td>
              <td className={cellClass}>{titles.get(p.positionId) ?? p.positionCode}</td>
              <td className={numericCellClass}>{format.number(p.vacancies)}</td>
              <td className={cellClass}>
                <Badge tone="amber">{t('needsElection')}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
