import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openSettled, pagesFor, type SweepRole } from './page-sweep';
import { signIn } from './support';

// axe-core over every page each role may open: WCAG 2 A/AA, no serious or critical violation.

// Fifty pages a role: a trace of every step would cost more than the checks; the printed list names the faults.
test.use({ trace: 'off', screenshot: 'off' });

const ROLES: SweepRole[] = ['admin', 'leader', 'officer', 'investment'];

for (const role of ROLES) {
  test(`${role}: every page has no serious or critical axe violation`, async ({ page }) => {
    test.setTimeout(600_000);
    await signIn(page, role);
    const pages = await pagesFor(page, role);
    const found: string[] = [];
    for (const path of pages) {
      await openSettled(page, path);
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa'])
        .options({ resultTypes: ['violations'] })
        .analyze();
      for (const v of result.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        const targets = v.nodes
          .slice(0, 5)
          .map((n) => `      ${n.target.join(' ')}  ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`)
          .join('\n');
        found.push(`${path} [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length})\n${targets}`);
      }
    }
    if (found.length) console.log(`${role}:\n${found.join('\n')}`);
    expect(found, `${role} 的页面存在严重的无障碍问题`).toEqual([]);
  });
}
