import { expect, test } from '@playwright/test';
import { openSettled, pagesFor, type SweepRole } from './page-sweep';
import { signIn } from './support';

// Every page each role may open, at 390×844: the document never scrolls sideways.

test.use({ viewport: { width: 390, height: 844 } });

// Fifty pages a role: a trace of every step would cost more than the checks; the printed list names the faults.
test.use({ trace: 'off', screenshot: 'off' });

const ROLES: SweepRole[] = ['admin', 'leader', 'officer', 'investment'];

for (const role of ROLES) {
  test(`${role}: no page overflows a 390 px phone`, async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, role);
    const pages = await pagesFor(page, role);
    const found: string[] = [];
    for (const path of pages) {
      await openSettled(page, path);
      const overflow = await page.evaluate(() => {
        const width = window.innerWidth;
        const scroll = document.documentElement.scrollWidth;
        if (scroll <= width) return null;
        // The widest element that sticks out past the right edge, and is not inside a scroll box.
        let widest = '';
        let widestRight = width;
        for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
          const right = el.getBoundingClientRect().right;
          if (right <= widestRight) continue;
          let clipped = false;
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const ox = getComputedStyle(p).overflowX;
            if (ox !== 'visible') {
              clipped = true;
              break;
            }
          }
          if (clipped) continue;
          widestRight = right;
          const cls = typeof el.className === 'string' ? el.className.split(/\s+/).slice(0, 6).join('.') : '';
          widest = `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''}> right=${Math.round(right)} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
        }
        return { width, scroll, widest };
      });
      if (overflow) found.push(`${path}: scrollWidth ${overflow.scroll} > ${overflow.width}; ${overflow.widest}`);
    }
    if (found.length) console.log(`${role}:\n${found.join('\n')}`);
    expect(found, `${role} 的页面在手机上横向溢出`).toEqual([]);
  });
}
