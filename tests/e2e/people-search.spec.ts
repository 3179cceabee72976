import type { Db } from '../../lib/db/prisma';
import { expect, test } from './fixtures';

// Search across the province (docs/decisions/039-completeness-search-personal-history.md): the header's GET form, each
// role within its scope, the person page it links to and its print button answering the personal history form as a
// PDF. Read-only: it changes nothing another spec asserts.

type Person = { code: string; full_name: string };

/** A counted person with an open primary post in the commune (or department) `where` names, first by code. */
async function personOf(db: Db, where: string): Promise<Person> {
  const rows = await db.$queryRawUnsafe<Person[]>(
    `SELECT c.code, c.full_name FROM cadre c JOIN assignment a ON a.cadre_id = c.id AND a.is_primary AND a.end_date IS NULL
       LEFT JOIN commune cm ON cm.id = a.commune_id LEFT JOIN department d ON d.id = a.department_id
      WHERE c.status = 'active' AND ${where} ORDER BY c.code LIMIT 1`,
  );
  return rows[0];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();

test.describe('search across the province', () => {
  let ngaMy: Person;
  let hoaQuan: Person;
  let homeAffairsStaff: Person;

  test.beforeAll(async ({ e2eDb }) => {
    ngaMy = await personOf(e2eDb, `cm.name = 'Nga My'`);
    hoaQuan = await personOf(e2eDb, `cm.name = 'Hoa Quân'`);
    homeAffairsStaff = await personOf(e2eDb, `d.code = 'SNV'`);
  });

  const search = async (page: import('@playwright/test').Page, text: string) => {
    const box = page.locator('#people-search-q');
    await box.fill(text);
    await box.press('Enter');
    await expect(page).toHaveURL(/\/people\/search\?q=/);
  };
  const results = (page: import('@playwright/test').Page) => page.getByTestId('search-results');

  test('a chairman finds his commune’s people without diacritics, not another commune’s, and opens the person page', async ({ page, signIn }) => {
    await signIn(page, 'xa.ngamy', '/');
    await search(page, fold(ngaMy.full_name));
    await expect(results(page).getByRole('row').filter({ hasText: ngaMy.code })).toContainText('Nga My');
    await search(page, hoaQuan.code);
    await expect(page.getByTestId('search-none')).toBeVisible();
    await search(page, homeAffairsStaff.code);
    await expect(page.getByTestId('search-none')).toBeVisible();

    await search(page, ngaMy.code);
    await results(page).getByRole('link', { name: ngaMy.full_name }).click();
    await expect(page).toHaveURL(new RegExp(`/manage/person/${ngaMy.code}$`));
    const print = page.getByTestId('print-personal-history');
    await expect(print).toBeVisible();
    const response = await page.request.get((await print.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  test('a department officer finds her department’s staff only', async ({ page, signIn }) => {
    await signIn(page, 'so.noivu', '/');
    await search(page, homeAffairsStaff.code);
    await expect(results(page).getByRole('row').filter({ hasText: homeAffairsStaff.code })).toContainText('Sở Nội vụ');
    await search(page, ngaMy.code);
    await expect(page.getByTestId('search-none')).toBeVisible();
  });

  test('the Organizing Committee finds anyone in the province and prints a form; without JavaScript too', async ({ browser, signIn }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await signIn(context, 'bantochuc');
    const page = await context.newPage();
    await page.goto('/');
    for (const person of [ngaMy, hoaQuan, homeAffairsStaff]) {
      await search(page, fold(person.full_name));
      await expect(results(page).getByRole('row').filter({ hasText: person.code })).toBeVisible();
    }
    const pdf = results(page).getByRole('row').filter({ hasText: homeAffairsStaff.code }).getByRole('link', { name: /Sơ yếu lý lịch/ });
    const response = await page.request.get((await pdf.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    await context.close();
  });

  test('Home Affairs opens a dossier from the results and sees the record completeness', async ({ page, signIn }) => {
    await signIn(page, 'noivu', '/');
    await search(page, hoaQuan.code);
    await results(page).getByRole('link', { name: hoaQuan.full_name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(hoaQuan.full_name);
    await expect(page.getByTestId('print-personal-history')).toBeVisible();
    await page.goto('/completeness');
    await expect(page.getByTestId('completeness-communes')).toContainText('Nga My');
    await expect(page.getByTestId('completeness-headline')).toBeVisible();
  });
});
