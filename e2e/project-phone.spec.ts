import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// Issue 18: an officer on site with a phone. The project's tabs scroll with the active one in view,
// 概况 opens as a read view, the monthly report is filed with a photo chosen in the form, and a problem
// is raised with its type chosen on purpose.

test.use({ viewport: { width: 390, height: 844 } });

// A 1×1 PNG: the server reads the type from the bytes, so it must be a real image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** An active project of the officer's unit: the officer may edit it, file its reports and raise its problems. */
function ownProject(): number {
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true, timeout: 5000 });
  try {
    const found = db
      .prepare(
        "select p.id from projects p join users u on u.unit_id = p.unit_id where u.username = 'officer' and p.status = 'active' order by p.id limit 1",
      )
      .get() as { id: number };
    return found.id;
  } finally {
    db.close();
  }
}

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The document is no wider than the phone. */
async function expectNoHorizontalOverflow(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
}

/** The officer's due report furthest down the desk list (desk.spec files the first one). */
async function dueReport(page: Page) {
  const desk = await (await page.request.get('/api/v1/desk')).json();
  expect(desk.reportsDue.length).toBeGreaterThan(0);
  return desk.reportsDue.at(-1) as { projectId: number; projectName: string; month: string };
}

test('an officer files the due report with a photo taken in the form, on a phone', async ({ page }) => {
  await signIn(page, 'officer');
  const due = await dueReport(page);

  // 概况 opens as a read view; 编辑 switches to the form and 返回查看 back.
  await page.goto(`/projects/${due.projectId}`);
  await expect(page.getByRole('term').filter({ hasText: /^项目名称$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存修改' })).toBeHidden();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: 'docs/screenshots/phone-project.png' });
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  await expect(page.getByRole('button', { name: '保存修改' })).toBeVisible();
  await page.getByRole('button', { name: '返回查看' }).click();
  await expect(page.getByRole('button', { name: '保存修改' })).toBeHidden();

  // The last tab, 历史, is off the right edge at first: opening it scrolls the bar to it.
  await page.goto(`/projects/${due.projectId}/history`);
  const tabs = page.getByRole('navigation', { name: '项目栏目' });
  const history = tabs.getByRole('link', { name: '历史' });
  await expect(history).toHaveAttribute('aria-current', 'page');
  await expect(history).toBeInViewport({ ratio: 1 });
  await expect(tabs.getByRole('link', { name: '问题与督办' })).toBeAttached();
  await expectNoHorizontalOverflow(page);

  await tabs.getByRole('link', { name: '进度清单' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${due.projectId}/reports$`));
  await expect(tabs.getByRole('link', { name: '进度清单' })).toBeInViewport({ ratio: 1 });
  const form = page.getByRole('form', { name: '填报月度进度' });
  await expect(form.getByLabel('报告月份')).toHaveValue(due.month);
  await form.getByLabel('本月完成投资（万元）').fill('90');
  await form.getByLabel('形象进度（%）').fill('42');
  const narrative = `现场拍照报送 ${Date.now()}`;
  await form.getByLabel('形象进度说明').fill(narrative);
  const camera = form.getByLabel('拍照或选择照片');
  await expect(camera).toHaveAttribute('accept', 'image/*');
  await expect(camera).toHaveAttribute('capture', 'environment');
  await camera.setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
  await expect(form.getByRole('img', { name: '待上传照片 1：site.png' })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await form.getByRole('button', { name: '提交进度报告（含 1 张照片）' }).click();

  await expect(page.getByRole('status').filter({ hasText: '已报送' })).toHaveText(
    `已报送 ${monthLabel(due.month)}进度，1 张照片已上传`,
  );
  const filed = page.getByRole('listitem').filter({ hasText: narrative });
  await expect(filed).toHaveAttribute('data-highlight', 'true');
  await expect(filed).toBeInViewport();
  await expect(filed.getByRole('img', { name: `${monthLabel(due.month)}现场照片 1（点击查看原图）` })).toBeVisible();
  await page.getByRole('heading', { name: '填报月度进度' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/phone-report-form.png' });

  // 更正: the author, inside the filing window (until the 5th of the next month), needs no reason.
  const { today } = await (await page.request.get('/api/v1/desk')).json();
  const [year, month] = due.month.split('-').map(Number);
  const deadline = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}-05`;
  await filed.getByRole('button', { name: '更正', exact: true }).click();
  const correction = filed.getByRole('form', { name: `更正进度报告 ${due.month}` });
  await expect(correction.getByLabel('本月完成投资（万元）')).toHaveValue('90');
  await expect(correction.getByLabel('形象进度（%）')).toHaveValue('42');
  const reason = correction.getByLabel('更正原因');
  if (today <= deadline) await expect(reason).toHaveCount(0);
  else await reason.fill('现场复核，按监理月报更正');
  await correction.getByLabel('本月完成投资（万元）').fill('95');
  await correction.getByRole('button', { name: '保存更正' }).click();
  await expect(filed.getByRole('status')).toHaveText('已更正，更正记录见本报告下方。');
  await expect(filed.getByRole('list', { name: `${monthLabel(due.month)}更正记录` })).toContainText(
    '本月完成投资 90 万元→95 万元',
  );
  await expect(filed.getByText('95 万元', { exact: true })).toBeVisible();
});

test('a photo the server refuses is named, and the report stays filed', async ({ page }) => {
  await signIn(page, 'officer');
  await page.goto(`/projects/${ownProject()}/reports`);
  const form = page.getByRole('form', { name: '填报月度进度' });
  const month = await form.getByLabel('报告月份').inputValue();
  await form.getByLabel('本月完成投资（万元）').fill('10');
  await form.getByLabel('形象进度（%）').fill('12');
  const narrative = `坏照片 ${Date.now()}`;
  await form.getByLabel('形象进度说明').fill(narrative);
  await form
    .getByLabel('拍照或选择照片')
    .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  await form.getByRole('button', { name: '提交进度报告（含 1 张照片）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已报送' })).toHaveText(
    `已报送 ${monthLabel(month)}进度，1 张未上传`,
  );
  await expect(page.getByRole('alert').filter({ hasText: 'notes.png' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: narrative })).toBeVisible();
});

test('a problem is raised only with its type chosen, after a confirmation, and is shown highlighted', async ({
  page,
}) => {
  await signIn(page, 'officer');
  await page.goto(`/projects/${ownProject()}/problems`);
  await page.locator('summary', { hasText: '提出问题' }).click();
  const form = page.getByRole('form', { name: '提出问题' });
  const type = form.getByLabel('问题类型');
  await expect(type).toHaveValue('');
  await expect(type.locator('option:checked')).toHaveText('请选择');
  const description = `E2E 手机提出的问题 ${Date.now()}`;
  await form.getByLabel('问题描述').fill(description);
  await form.getByLabel('解决时限').fill('2099-01-05');
  let confirmations = 0;
  page.on('dialog', (dialog) => {
    confirmations += 1;
    expect(dialog.message()).toContain('类型：资金');
    void dialog.accept();
  });
  await form.getByRole('button', { name: '提交问题' }).click();
  await expect(form.getByRole('alert').filter({ hasText: '请选择问题类型' })).toBeVisible();
  expect(confirmations).toBe(0);

  await type.selectOption({ label: '资金' });
  await form.getByRole('button', { name: '提交问题' }).click();
  const card = page.locator('article', { hasText: description });
  await expect(card).toHaveAttribute('data-highlight', 'true');
  await expect(card).toBeInViewport();
  expect(confirmations).toBe(1);
});

test('a leader reads 概况 with an 编辑 button; the investment user only reads it', async ({ page }) => {
  await signIn(page, 'leader');
  const projectId = ownProject();
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole('term').filter({ hasText: /^包保领导$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '保存修改' })).toBeHidden();

  await page.context().clearCookies();
  await signIn(page, 'investment');
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole('term').filter({ hasText: /^包保领导$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑', exact: true })).toHaveCount(0);
});
