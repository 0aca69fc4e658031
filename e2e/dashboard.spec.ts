import { expect, test } from '@playwright/test';
import { signIn } from './support';

const countIn = (text: string | null) => Number(/(\d+)\s*个/.exec(text ?? '')?.[1] ?? NaN);

test('clicking 开工项目 opens a ledger whose total equals the tile, with the entered-stage filter as a removable chip', async ({
  page,
}) => {
  await signIn(page, 'leader');
  await page.goto('/dashboard');
  const tile = page.getByTestId('tile-started');
  await expect(tile).toContainText('当年进入开工建设');
  await expect(page.getByRole('link', { name: '招商统计' })).toHaveAttribute('href', '/dashboard/leads');
  const figure = tile.getByRole('link', { name: /^开工项目 \d+ 个/ });
  const started = countIn(await figure.textContent());
  expect(started).toBeGreaterThan(0);
  await figure.click();
  await expect(page).toHaveURL(/\/projects\?enteredStage=construction&enteredFrom=\d{4}-01-01&enteredTo=\d{4}-12-31$/);
  await expect(page.getByText(/^共 \d+ 个项目/)).toHaveText(new RegExp(`^共 ${started} 个项目`));
  const chip = page.getByTestId('drill-chip');
  await expect(chip).toHaveText(/\d{4}年进入开工建设/);
  // Filtering on top keeps the drill-down; removing the chip drops it.
  await page.getByLabel('类别').selectOption({ label: '招商引资' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/enteredStage=construction/);
  await expect(page).toHaveURL(/category=attraction/);
  await page.getByRole('link', { name: /^移除筛选：\d{4}年进入开工建设/ }).click();
  await expect(page).not.toHaveURL(/enteredStage/);
  await expect(page).toHaveURL(/category=attraction/);
});

test('the 双十 scope and a unit narrow every figure, and the figures still equal their ledgers', async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto('/dashboard');
  const allStarted = countIn(await page.getByTestId('tile-started').getByRole('link').first().textContent());
  await page.getByRole('navigation', { name: '统计范围' }).getByRole('link', { name: '双十项目' }).click();
  await expect(page).toHaveURL(/scope=shuangshi/);
  const tile = page.getByTestId('tile-started');
  await expect(tile).toContainText(/目标 \d+ 个/);
  await expect(tile).toContainText(/开工率 (\d+(\.\d)?%|无数据)/);
  const started = countIn(await tile.getByRole('link').first().textContent());
  expect(started).toBeLessThan(allStarted);
  const landed = page.getByTestId('tile-landed').getByRole('link').first();
  const landedCount = countIn(await landed.textContent());
  await landed.click();
  await expect(page).toHaveURL(/packageYear=\d{4}/);
  await expect(page).toHaveURL(/category=attraction/);
  if (landedCount > 0)
    await expect(page.getByText(/^共 \d+ 个项目/)).toHaveText(new RegExp(`^共 ${landedCount} 个项目`));
  else await expect(page.getByText('没有符合条件的项目')).toBeVisible();
  await page.goto('/dashboard?scope=shuangshi');
  await page.getByLabel('责任单位').selectOption({ index: 1 });
  await page.getByRole('button', { name: '切换' }).click();
  await expect(page).toHaveURL(/scope=shuangshi&unitId=\d+/);
  await expect(page.getByTestId('tile-started')).toContainText('单位不设');
});

test('a leader switches the dashboard to 双十: the page states the scope and compares the 双十 targets', async ({
  page,
}) => {
  await signIn(page, 'leader');
  await page.goto('/dashboard');
  const scope = page.getByTestId('dashboard-scope');
  await expect(scope).toContainText('统计范围：全部项目');
  // In the whole pool the 双十 targets are not compared.
  await expect(page.getByTestId('tile-started')).toContainText('年度目标按双十项目考核');
  await page.getByRole('navigation', { name: '统计范围' }).getByRole('link', { name: '双十项目' }).click();
  await expect(page).toHaveURL(/scope=shuangshi/);
  await expect(page.getByRole('navigation', { name: '统计范围' }).locator('[aria-current="page"]')).toHaveText(
    '双十项目',
  );
  await expect(scope).toContainText(/统计范围：\d{4}年“双十”工程包子项目，共 \d+ 个/);
  await expect(scope).toContainText('开工、完成投资对照“双十”年度目标');
  // 开工 against the 135 target and 完成投资 against 220亿元, each with its rate.
  await expect(page.getByTestId('tile-started')).toContainText('目标 135 个');
  await expect(page.getByTestId('tile-started')).toContainText(/开工率 \d+(\.\d)?%/);
  await expect(page.getByTestId('tile-investment')).toContainText(/目标 220(\.0+)? ?亿元/);
  await expect(page.getByTestId('tile-investment')).toContainText(/投资完成率 \d+(\.\d)?%/);
  // The scope's count opens the year's list in the ledger, with the same total.
  const countLink = scope.getByRole('link', { name: /统计范围内项目/ });
  const listed = countIn(await countLink.textContent());
  expect(listed).toBeGreaterThanOrEqual(130);
  await countLink.click();
  await expect(page).toHaveURL(/\/projects\?packageYear=\d{4}$/);
  await expect(page.getByText(/^共 \d+ 个项目/)).toHaveText(new RegExp(`^共 ${listed} 个项目`));
  await expect(page.getByTestId('drill-chip')).toHaveText(/\d{4}年“双十”工程包项目/);

  // Back on the dashboard, the scope line opens the year's packages; the leader opens one.
  await page.goBack();
  await page
    .getByTestId('dashboard-scope')
    .getByRole('link', { name: /查看\d{4}年“双十”工程包/ })
    .click();
  await expect(page).toHaveURL(/\/shuangshi\?year=\d{4}$/);
  const contents = page.getByRole('navigation', { name: '工程包目录' });
  const entries = contents.getByRole('link');
  await expect(entries).toHaveCount(10);
  const name = (await entries.first().textContent())!.trim();
  await entries.first().click();
  await expect(page).toHaveURL(/#package-\d+$/);
  await expect(page.locator(`[id^="package-"]`, { hasText: name })).toBeInViewport();
  // Its sub-projects, each linking to its project page.
  const table = page.getByRole('table', { name: `${name} 子项目` });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  expect(await table.getByRole('link').count()).toBeGreaterThan(0);
});

test('the ranking period is selectable and every unit row links to its ledger', async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto('/dashboard');
  // One ranking per 考核 group (issue 13), each with its own 红榜 and 黑榜.
  for (const [group, label] of [
    ['county', '县（市）区'],
    ['zone', '开发区'],
    ['department', '市直部门'],
  ]) {
    const section = page.getByTestId(`ranking-group-${group}`);
    await expect(section.getByRole('heading', { level: 3, name: new RegExp(`^${label}`) })).toBeVisible();
    await expect(section.getByTestId('ranking-row').first()).toBeVisible();
  }
  await expect(page.getByTestId('ranking-group-county').getByText('红榜（前三名）')).toBeVisible();
  await expect(page.getByTestId('ranking-group-county').getByText('黑榜（后三名）')).toBeVisible();
  const firstQuarter = (await page.getByLabel('考核期间').locator('option[value$="-Q1"]').getAttribute('value'))!;
  await page.getByLabel('考核期间').selectOption(firstQuarter);
  await page.getByRole('button', { name: '查看' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${firstQuarter}`));
  await expect(page.getByRole('heading', { name: /考核排名 · \d{4}年第一季度/ })).toBeVisible();
  const firstRow = page.getByTestId('ranking-row').first();
  await expect(firstRow.getByRole('link').first()).toHaveAttribute('href', /^\/projects\?unitId=\d+$/);
});

test('a count in the unit × light matrix opens a ledger whose total equals it', async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto('/dashboard');
  const matrix = page.getByTestId('unit-light-matrix');
  await expect(matrix.getByRole('columnheader', { name: '红灯' })).toBeVisible();
  const cell = matrix.locator('a[data-light="red"]').filter({ hasNotText: /^0$/ }).first();
  const count = Number(await cell.textContent());
  expect(count).toBeGreaterThan(0);
  const href = (await cell.getAttribute('href'))!;
  expect(href).toMatch(/^\/projects\?unitId=\d+&light=red$/);
  await cell.click();
  await expect(page).toHaveURL(new RegExp(`${href.replace('?', '\\?')}$`));
  await expect(page.getByText(/^共 \d+ 个项目/)).toHaveText(new RegExp(`^共 ${count} 个项目`));
});

// ── Issue 17: the charts, corrected ──────────────────────────────────────────────────────────────

const countsIn = (label: string | null) => [...(label ?? '').matchAll(/(\d+) 个/g)].map((m) => Number(m[1]));
const nonIncreasing = (values: number[]) => values.every((v, i) => i === 0 || v <= values[i - 1]);

/** Waits until every chart on the page has drawn its SVG with its text. */
async function chartsDrawn(page: import('@playwright/test').Page) {
  const charts = page.locator('[data-chart]');
  await expect(charts.first()).toBeAttached();
  for (const chart of await charts.all()) await expect(chart.locator('svg text').first()).toBeAttached();
  return charts;
}

/** Pairs of texts drawn in the same chart whose boxes overlap, and charts wider than their card. */
function chartDefects(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const defects: string[] = [];
    for (const chart of document.querySelectorAll<HTMLElement>('[data-chart]')) {
      const svg = chart.querySelector('svg');
      if (!svg) continue;
      const name = chart.getAttribute('aria-label')?.slice(0, 12);
      if (svg.getBoundingClientRect().width > chart.getBoundingClientRect().width + 1)
        defects.push(`${name}: wider than its card`);
      if (chart.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        defects.push(`${name}: runs past the page`);
      const boxes = [...svg.querySelectorAll('text')]
        .filter(
          (t) => t.textContent?.trim() && getComputedStyle(t).opacity !== '0' && t.getAttribute('opacity') !== '0',
        )
        .map((t) => ({ text: t.textContent!.trim(), box: t.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].box;
          const b = boxes[j].box;
          // One pixel of slack: glyph boxes include the font's spacing.
          const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (overlapX > 1 && overlapY > 1) defects.push(`"${boxes[i].text}" overlaps "${boxes[j].text}"`);
        }
    }
    return defects;
  });
}

/** Fills in the charts whose colour is a light's: red, amber/yellow or green. */
function lightColouredFills(page: import('@playwright/test').Page) {
  return page.evaluate(() => {
    const found = new Set<string>();
    for (const el of document.querySelectorAll('[data-chart] svg path, [data-chart] svg rect')) {
      const fill = el.getAttribute('fill') ?? '';
      const probe = document.createElement('span');
      probe.style.color = fill;
      document.body.append(probe);
      const rgb =
        getComputedStyle(probe)
          .color.match(/\d+(\.\d+)?/g)
          ?.map(Number) ?? [];
      probe.remove();
      if (rgb.length < 3 || fill === 'none' || fill === 'transparent') continue;
      const [r, g, b] = rgb.map((v) => v / 255);
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      if (max - min < 0.25) continue; // greys, white and pale tints carry no light
      const hue =
        max === r
          ? (60 * ((g - b) / (max - min)) + 360) % 360
          : max === g
            ? 60 * ((b - r) / (max - min)) + 120
            : 60 * ((r - g) / (max - min)) + 240;
      // Red (and pink-red), amber/yellow and green, the lights' hues; blues, violets and cyans are neutral here.
      if (hue < 65 || hue > 330 || (hue > 80 && hue < 165)) found.add(fill);
    }
    return [...found];
  });
}

test('the stage funnel narrows step by step, in no light colour, and each step opens the ledger of the projects that reached it', async ({
  page,
}) => {
  await signIn(page, 'leader');
  await page.goto('/dashboard');
  await chartsDrawn(page);
  const funnel = page.locator('[data-chart="funnel"]');
  const counts = countsIn(await funnel.getAttribute('aria-label'));
  expect(counts).toHaveLength(6);
  expect(nonIncreasing(counts), `funnel ${counts.join(' > ')}`).toBe(true);
  // The widest step is every project in scope.
  const scopeCount = countIn(
    await page
      .getByTestId('dashboard-scope')
      .getByRole('link', { name: /统计范围内项目/ })
      .textContent(),
  );
  expect(counts[0]).toBe(scopeCount);
  expect(await lightColouredFills(page)).toEqual([]);

  // 开工建设 is the fourth step: its ledger is the projects at 开工建设 or later, as many as the step says.
  await funnel.locator('svg text', { hasText: '开工建设' }).click();
  await expect(page).toHaveURL(/\/projects\?minStage=construction$/);
  await expect(page.getByText(/^共 \d+ 个项目/)).toHaveText(new RegExp(`^共 ${counts[3]} 个项目`));
  await expect(page.getByText('开工建设及以后阶段')).toBeVisible();
});

for (const [name, viewport] of [
  ['a desktop', { width: 1440, height: 900 }],
  ['a phone', { width: 390, height: 844 }],
] as const) {
  test(`on ${name}, no chart draws text over text or runs past its card, on screen or printed`, async ({ page }) => {
    // Drawn first for a wide screen, then the window narrows (a phone turned, a window resized, the page
    // printed): the charts follow their cards instead of keeping the width they were drawn at.
    await page.setViewportSize({ width: 1440, height: 900 });
    await signIn(page, 'leader');
    await page.goto('/dashboard');
    await chartsDrawn(page);
    await page.setViewportSize(viewport);
    // Polled, not timed: bars grow in with their figures, and only the settled chart counts.
    await expect.poll(() => chartDefects(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect.poll(() => chartDefects(page)).toEqual([]);
    // Printed charts stay SVG, so they are sharp on paper.
    for (const chart of await page.locator('[data-chart]').all()) await expect(chart.locator('svg')).toHaveCount(1);
  });
}

test('a campaign funnel counts the leads that ever reached each stage, so it never widens', async ({ page }) => {
  await signIn(page, 'leader');
  await page.goto('/campaigns');
  const hrefs = (await page
    .locator('main a[href^="/campaigns/"]')
    .evaluateAll((links) =>
      links.map((a) => a.getAttribute('href')!).filter((href) => /^\/campaigns\/\d+$/.test(href)),
    )) as string[];
  expect(hrefs.length).toBeGreaterThan(0);
  let sawDropped = false;
  for (const href of hrefs) {
    await page.goto(href);
    const table = page.getByTestId('campaign-funnel');
    const counts = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
    expect(counts).toHaveLength(5);
    expect(nonIncreasing(counts), `${href}: ${counts.join(' > ')}`).toBe(true);
    // Today's stages, e.g. "线索 3 · 接洽 1 · … · 放弃 2": the first step is every lead, and each step holds
    // at least the leads standing at it or later on the line now.
    const current = [
      ...((await page.getByTestId('campaign-current-stages').textContent()) ?? '').matchAll(/(\S+) (\d+)/g),
    ].map((m) => Number(m[2]));
    expect(current).toHaveLength(6);
    expect(counts[0]).toBe(current.reduce((a, b) => a + b, 0));
    for (let step = 0; step < 5; step++)
      expect(counts[step]).toBeGreaterThanOrEqual(current.slice(step, 5).reduce((a, b) => a + b, 0));
    // A dropped lead still counts at the stages it reached, so the funnel's later steps hold more than today's.
    if (current[5] > 0) sawDropped = true;
  }
  expect(sawDropped, 'the demo data has a campaign with a dropped lead').toBe(true);
});
