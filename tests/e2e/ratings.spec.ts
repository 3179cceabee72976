import type { Db } from '../../lib/db/prisma';
import { ensureChairman, expect, test } from './fixtures';

// Annual ratings (docs/decisions/040-annual-ratings.md): a commune chairman rates his commune's civil servants for
// the current year (2025 on the e2e clock) and confirms the round; beyond the 20% rule the confirmation is refused with
// the numbers, and accepted with a reason. The spec works on a commune the demo does not rate and no other spec names;
// a confirmed round cannot be reopened through the screens, so the spec first removes its own round of the year
// through the e2e database (ratings change no published figure).

const YEAR = 2025;
const USERNAME = 'e2e.danhgia';
/** Communes other specs name (docs/domain.md, Published figures), never used here. */
const NAMED = ['Nga My', 'Bắc Lý', 'Hoa Quân', 'Keng Đu', 'Đông Hiếu', 'Văn Kiều', 'Tam Thái', 'Mường Xén', 'Tiên Đồng', 'Tương Dương', 'Hưng Nguyên', 'Quế Phong'];

/** The spec's commune: its chairman's, once made; else the last commune by code with no round of the year and no other spec naming it. */
async function chooseCommune(db: Db) {
  const own = await db.user.findUnique({ where: { username: USERNAME }, select: { commune: { select: { id: true, code: true, name: true } } } });
  if (own?.commune) return own.commune;
  const rated = await db.ratingRound.findMany({ where: { year: YEAR, communeId: { not: null } }, select: { communeId: true } });
  const taken = new Set(rated.map((r) => r.communeId));
  const communes = await db.commune.findMany({ where: { province: { code: 'NA' }, name: { notIn: NAMED } }, orderBy: { code: 'desc' }, select: { id: true, code: true, name: true } });
  const commune = communes.find((c) => !taken.has(c.id));
  if (!commune) throw new Error('no commune left unrated by the demo');
  return commune;
}

test('a chairman rates his commune and confirms: refused beyond 20% with the numbers, accepted with a reason', async ({ page, signIn, e2eDb }) => {
  const commune = await chooseCommune(e2eDb);
  await ensureChairman(e2eDb, { username: USERNAME, displayName: 'Chủ tịch thử đánh giá', communeCode: commune.code });
  // A second run starts from no round: the first run's confirmed round is removed (the screens never reopen one).
  const old = await e2eDb.ratingRound.findMany({ where: { communeId: commune.id, year: YEAR, group: 'civil_servant' }, select: { id: true } });
  await e2eDb.rating.deleteMany({ where: { roundId: { in: old.map((r) => r.id) } } });
  await e2eDb.ratingRound.deleteMany({ where: { id: { in: old.map((r) => r.id) } } });

  // The chairman's navigation leads to his own round.
  await signIn(page, USERNAME, '/ratings');
  await expect(page).toHaveURL(new RegExp(`/ratings/communes/${commune.code}\\?year=${YEAR}`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Đánh giá, xếp loại công chức năm ${YEAR}`);

  // Everyone eligible has a form; all but two are rated here through the database, as the earlier sittings would have.
  const forms = page.locator('[data-testid^="rating-form-"]');
  const ids = (await forms.evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute('data-testid')!.replace('rating-form-', '')))));
  expect(ids.length).toBeGreaterThanOrEqual(7);
  const [first, second, ...rest] = ids;
  // With G good and E excellent after the two typed below (one good, one excellent), E = floor(G / 5) + 1: just beyond 20%.
  let excellentBefore = 0;
  while (excellentBefore + 1 <= Math.floor((rest.length - excellentBefore + 1) / 5)) excellentBefore += 1;
  const round = await e2eDb.ratingRound.create({ data: { provinceId: (await e2eDb.province.findUniqueOrThrow({ where: { code: 'NA' } })).id, communeId: commune.id, year: YEAR, group: 'civil_servant' } });
  await e2eDb.rating.createMany({ data: rest.map((cadreId, i) => ({ roundId: round.id, cadreId, year: YEAR, level: i < excellentBefore ? 'excellent' as const : 'good' as const })) });
  const good = rest.length - excellentBefore + 1;
  const excellent = excellentBefore + 1;
  const allowed = Math.floor(good / 5);
  expect(excellent).toBe(allowed + 1);

  // A rating above its score's band is refused, the rule named beside the field; then recorded within it.
  await page.reload();
  const one = page.getByTestId(`rating-form-${first}`);
  await one.getByLabel(/^Xếp loại/).selectOption({ label: 'Hoàn thành xuất sắc nhiệm vụ' });
  await one.getByLabel('Điểm (0–100)').fill('85');
  await one.getByRole('button', { name: 'Ghi' }).click();
  await expect(one).toContainText('Mức xếp loại cao hơn mức của điểm số');
  await one.getByLabel(/^Xếp loại/).selectOption({ label: 'Hoàn thành tốt nhiệm vụ' });
  await one.getByRole('button', { name: 'Ghi' }).click();
  await expect(page.getByTestId(`rating-form-${first}`)).toContainText('Đã ghi kết quả đánh giá.');

  const two = page.getByTestId(`rating-form-${second}`);
  await two.getByLabel(/^Xếp loại/).selectOption({ label: 'Hoàn thành xuất sắc nhiệm vụ' });
  await two.getByLabel('Điểm (0–100)').fill('95,5');
  await two.getByRole('button', { name: 'Ghi' }).click();
  await expect(page.getByTestId(`rating-form-${second}`)).toContainText('Đã ghi kết quả đánh giá.');

  // Beyond 20%: the confirmation is refused and says which numbers break the rule.
  await page.reload();
  await expect(page.getByTestId('round-share')).toContainText(`Vượt tỷ lệ 20%: ${excellent} người xuất sắc, ${good} người tốt (tối đa ${allowed})`);
  const confirm = page.getByTestId('confirm-round');
  await confirm.getByLabel('Tôi đã kiểm tra kết quả; sau khi xác nhận không thể sửa.').check();
  await confirm.getByRole('button', { name: 'Xác nhận kết quả đánh giá' }).click();
  await expect(confirm).toContainText(`${excellent} người xếp loại «Hoàn thành xuất sắc nhiệm vụ» trong khi ${good} người xếp loại «Hoàn thành tốt nhiệm vụ» chỉ cho phép tối đa ${allowed} người`);
  await expect(page.getByTestId('round-summary')).toContainText('Đang đánh giá');

  // With a reason (an outstanding unit), the round is confirmed and takes no more change.
  await confirm.getByLabel('Lý do vượt tỷ lệ 20% (nếu có)').fill('Đơn vị dẫn đầu phong trào thi đua của tỉnh năm 2025.');
  await confirm.getByLabel('Tôi đã kiểm tra kết quả; sau khi xác nhận không thể sửa.').check();
  await confirm.getByRole('button', { name: 'Xác nhận kết quả đánh giá' }).click();
  // The confirmed round has no confirm form any more: the page lands on its summary, which says so, with the notice.
  await expect(page).toHaveURL(/[?&]notice=confirmed#round-summary$/);
  await expect(page.getByTestId('page-notice')).toHaveText('Đã xác nhận kết quả đánh giá của đợt.');
  await expect(page.getByTestId('page-notice')).toBeInViewport();
  await expect(page.getByTestId('round-summary')).toContainText('Đã xác nhận');
  await page.reload();
  await expect(page.getByTestId('round-summary')).toContainText('Đã xác nhận');
  await expect(page.getByTestId('round-summary')).toContainText('Lý do vượt tỷ lệ: Đơn vị dẫn đầu phong trào thi đua của tỉnh năm 2025.');
  await expect(page.locator('[data-testid^="rating-form-"]')).toHaveCount(0);
});

test('without JavaScript the chairman records a rating (a plain POST re-renders the page)', async ({ browser, signIn, e2eDb }) => {
  const commune = await chooseCommune(e2eDb);
  await ensureChairman(e2eDb, { username: USERNAME, displayName: 'Chủ tịch thử đánh giá', communeCode: commune.code });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signIn(context, USERNAME);
  const page = await context.newPage();
  await page.goto(`/ratings/communes/${commune.code}?year=${YEAR}`);
  const forms = page.locator('[data-testid^="rating-form-"]');
  if ((await forms.count()) === 0) {
    // The first test confirmed the round: nothing to record; the page says it is confirmed.
    await expect(page.getByTestId('round-summary')).toContainText('Đã xác nhận');
  } else {
    const form = forms.first();
    const id = (await form.getAttribute('data-testid'))!;
    await form.getByLabel(/^Xếp loại/).selectOption({ label: 'Hoàn thành nhiệm vụ' });
    await form.getByLabel('Điểm (0–100)').fill('60');
    await form.getByRole('button', { name: /^(Ghi|Sửa)$/ }).click();
    await expect(page.getByTestId(id)).toContainText(/Đã (ghi|sửa) kết quả đánh giá\./);
  }
  await context.close();
});
