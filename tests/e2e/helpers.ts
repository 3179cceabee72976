import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** No serious or critical accessibility violation on the page as shown. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const severe = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** The body never scrolls sideways (wide tables scroll inside their own container). */
export async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

/**
 * Fills the decision behind a roster change (number, issuing body; the signing date defaults to today): the
 * commune's own People's Committee unless another body is named.
 */
export async function fillDecision(scope: Page | Locator, number: string, body = 'Ủy ban nhân dân xã') {
  await scope.getByLabel('Số quyết định').fill(number);
  const select = scope.getByLabel('Cơ quan ban hành');
  const label = (await select.locator('option', { hasText: body }).first().innerText()).trim();
  await select.selectOption({ label });
}
