import { getTranslations } from 'next-intl/server';
import { today } from '@/lib/clock';
import { db } from '@/lib/db/client';
import { compilationTotal, getCompilation, listPhases, listYearConclusions } from '@/lib/db/secondment-queries';
import { foldVietnamese } from '@/lib/domain/vietnamese';
import { downloadResponse } from '@/lib/exports/download';
import { renderCompilationPdf } from '@/lib/pdf';
import { defineRoute, refuse } from '@/lib/routes/define-route';

export const dynamic = 'force-dynamic';

const COLUMNS = ['department_code', 'department_name', 'quota', 'required', 'listed', 'meets', 'approved', 'placed', 'below_minimum'] as const;

/**
 * The province-wide compilation of the 5% lists for `year` (default: the latest phase year) as XLSX (`format=xlsx`,
 * the default: one row per department and a total row, headers in the reader's language) or as a PDF document in
 * Vietnamese (`format=pdf`, lib/pdf). Only roles that see the whole province: the resource is the province
 * (defineRoute's default), and the policy refuses unit-bound roles (department officers) a resource of no unit.
 */
export const GET = defineRoute('secondment.view', async (_request, { user, searchParams: params }) => {
  const format = params.get('format') ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'pdf') refuse(400, 'routes.badCompilationFormat');
  const years = [...new Set((await listPhases(db(), user.provinceId)).map((p) => p.year))];
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && years.includes(asked) ? asked : (years.sort((a, b) => b - a)[0] ?? Number(today().slice(0, 4)));
  const rows = await getCompilation(db(), user.provinceId, year, undefined);
  if (format === 'pdf') return pdfResponse(user.provinceId, year, rows);
  const t = await getTranslations('secondment');
  const yes = t('export.yes');
  const no = t('export.no');
  const total = compilationTotal(rows);
  const header = Object.fromEntries(COLUMNS.map((c) => [c, t(`export.columns.${c}`)])) as Record<(typeof COLUMNS)[number], string>;
  const table = {
    columns: COLUMNS.map((c) => header[c]),
    rows: [
      ...rows.map((r) => ({
        [header.department_code]: r.code, [header.department_name]: r.name, [header.quota]: r.quota, [header.required]: r.required,
        [header.listed]: r.listed, [header.meets]: r.meets, [header.approved]: r.approved, [header.placed]: r.placed,
        [header.below_minimum]: r.belowMinimum ? yes : no,
      })),
      {
        [header.department_code]: '', [header.department_name]: t('compilation.total'), [header.quota]: total.quota, [header.required]: total.required,
        [header.listed]: total.listed, [header.meets]: total.meets, [header.approved]: total.approved, [header.placed]: total.placed,
        [header.below_minimum]: total.belowMinimum ? yes : no,
      },
    ],
  };
  return downloadResponse(table, 'xlsx', `biet-phai-5-phan-tram-${year}-${today()}`, t('export.sheet', { year: String(year) }));
});

async function pdfResponse(provinceId: number, year: number, rows: Awaited<ReturnType<typeof getCompilation>>): Promise<Response> {
  const [province, conclusions] = await Promise.all([
    db().province.findUniqueOrThrow({ where: { id: provinceId }, select: { name: true } }),
    listYearConclusions(db(), provinceId, year),
  ]);
  const body = await renderCompilationPdf({ province, year, date: today(), rows, total: compilationTotal(rows), conclusions });
  const slug = foldVietnamese(province.name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="tong-hop-5-phan-tram-${slug}-${year}.pdf"`,
      'cache-control': 'no-store',
    },
  });
}
