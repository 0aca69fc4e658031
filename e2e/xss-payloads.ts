import { expect, type Page } from '@playwright/test';

// Injected markup for the XSS e2e (e2e/xss.spec.ts). Every payload sets window.__xss or opens a
// dialog if it ever runs. Extend the list here; extend the spec with the pages that show a field.

export const XSS_PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  'javascript:window.__xss=1',
  '"><svg onload=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">点我</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
] as const;

/** A field's text: a readable label and one payload (kept short for 50-character fields). */
export const xss = (label: string, index: number) => `${label}${XSS_PAYLOADS[index % XSS_PAYLOADS.length]}`;

/** Call before the first navigation; returns the dialogs seen, for expectNoScriptRan. */
export async function installXssTrap(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { __xss: number }).__xss = 0;
  });
  return dialogs;
}

/** Nothing injected ran, and nothing injected became live markup. */
export async function expectNoScriptRan(page: Page, dialogs: string[]) {
  // Give onerror/onload handlers a moment to fire if any markup slipped through.
  await page.waitForTimeout(300);
  expect(
    await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    `window.__xss on ${page.url()}`,
  ).toBe(0);
  expect(dialogs, `dialogs on ${page.url()}`).toEqual([]);
  expect(
    await page.locator('[onerror], [onload], iframe[srcdoc], a[href^="javascript:" i]').count(),
    `live injected markup on ${page.url()}`,
  ).toBe(0);
}

/** The payload is shown as literal text, or as the literal value of a form field (edit forms). */
export async function expectLiteral(page: Page, text: string) {
  await expect
    .poll(
      () =>
        page.evaluate(
          (t) =>
            document.body.innerText.includes(t) ||
            [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].some((field) =>
              field.value.includes(t),
            ),
          text,
        ),
      { message: `"${text}" shown literally on ${page.url()}` },
    )
    .toBe(true);
}
