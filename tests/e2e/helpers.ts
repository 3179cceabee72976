import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type Response } from '@playwright/test';

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

/**
 * Nothing on the page as shown is cut off: the body never scrolls sideways, no visible element with text hides part
 * of it (overflow hidden or clipped, an ellipsis), nothing sticks out of the viewport, and a region that scrolls
 * sideways (a wide table on a phone) can be reached by the keyboard (focusable, named). Elements kept for screen
 * readers only (clipped to nothing on purpose) are left out. Returns nothing; fails with the elements concerned.
 */
export async function expectNothingClipped(page: Page) {
  await expectNoHorizontalOverflow(page);
  const clipped = await page.evaluate(() => {
    const found: string[] = [];
    const width = document.documentElement.clientWidth;
    const name = (el: Element) => {
      const testId = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${testId ? ` data-testid=${testId}` : ''}> "${text}"`;
    };
    const shown = Array.from(document.body.querySelectorAll('*')).filter((el) => el.checkVisibility({ visibilityProperty: true }));
    const styles = new Map(shown.map((el) => [el, getComputedStyle(el)] as const));
    const forScreenReaders = shown.filter((el) => {
      const style = styles.get(el)!;
      return style.position === 'absolute' && (style.clipPath === 'inset(50%)' || style.clip === 'rect(0px, 0px, 0px, 0px)');
    });
    const scrollers: Element[] = [];
    const candidates = shown.filter((el) => !forScreenReaders.some((root) => root.contains(el)));
    for (const el of candidates) {
      const style = styles.get(el)!;
      const hasText = (el.textContent ?? '').trim() !== '';
      const wider = el.scrollWidth > el.clientWidth + 1;
      if ((style.overflowX === 'auto' || style.overflowX === 'scroll') && wider) {
        scrollers.push(el);
        const keyboard = (el as HTMLElement).tabIndex >= 0 && el.getAttribute('role') === 'region' && !!el.getAttribute('aria-label');
        if (!keyboard) found.push(`scrolls sideways out of the keyboard's reach: ${name(el)}`);
      }
      if ((style.overflowX === 'hidden' || style.overflowX === 'clip') && wider && hasText) found.push(`text cut at the side (${el.scrollWidth} > ${el.clientWidth} px): ${name(el)}`);
      if ((style.overflowY === 'hidden' || style.overflowY === 'clip') && el.scrollHeight > el.clientHeight + 1 && hasText) found.push(`text cut at the bottom (${el.scrollHeight} > ${el.clientHeight} px): ${name(el)}`);
    }
    for (const el of candidates) {
      if (scrollers.some((scroller) => scroller !== el && scroller.contains(el))) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && (box.right > width + 1 || box.left < -1)) found.push(`outside the viewport (${Math.round(box.left)}–${Math.round(box.right)} of ${width} px): ${name(el)}`);
    }
    return found.slice(0, 20);
  });
  expect(clipped).toEqual([]);
}

/** The element is in the viewport as the page stands, whole if it fits (the first thing in view after a submit). */
export async function expectInView(page: Page, target: Locator) {
  await expect(target).toBeVisible();
  const box = (await target.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y, 'top edge in view').toBeGreaterThanOrEqual(0);
  expect(box.y + Math.min(box.height, viewport.height), 'bottom edge in view').toBeLessThanOrEqual(viewport.height + 1);
}

/**
 * Records the page's Content-Security-Policy violations from now on; `check(response)` then asserts that every
 * server-rendered script carries the nonce of that answer's CSP header (chunks loaded later run under 'strict-dynamic'
 * without one) and that nothing was blocked.
 */
export function watchNonce(page: Page) {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  return {
    async check(response: Response) {
      const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'])![1];
      const nonces = await page.evaluate(() => [...document.querySelectorAll('script')].map((s) => s.nonce).filter(Boolean));
      expect(nonces.length).toBeGreaterThan(0);
      expect(new Set(nonces)).toEqual(new Set([nonce]));
      expect(violations).toEqual([]);
    },
  };
}
