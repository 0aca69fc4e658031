import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { signIn } from './support';

// 上争: an officer files a funding application on a project of their own unit, on its 上争资金
// tab, updates the money received, and finds it in the city-wide /funding ledger, whose totals include it.

const db = () => new Database(process.env.E2E_DATABASE_PATH!, { readonly: true, timeout: 5000 });
const one = <T>(sql: string, ...args: unknown[]) => {
  const handle = db();
  try {
    return handle.prepare(sql).get(...args) as T;
  } finally {
    handle.close();
  }
};

test('an officer files a 上争 application on their project and sees it in the city list', async ({ page }) => {
  const officer = one<{ unit_id: number }>("select unit_id from users where username = 'officer'");
  const project = one<{ id: number; name: string }>(
    "select id, name from projects where unit_id = ? and status = 'active' order by id limit 1",
    officer.unit_id,
  );
  const batch = `E2E 2026年省预算内基本建设资金 ${Date.now()}`;

  await signIn(page, 'officer');
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('navigation', { name: '项目栏目' }).getByRole('link', { name: '上争资金' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/funding$`));

  const form = page.getByRole('form', { name: '填报上争申请' });
  // A granted amount above the applied one is refused, with the reason at the field.
  await form.getByLabel('申报渠道').selectOption({ label: '省级专项资金' });
  await form.getByLabel('批次').fill(batch);
  await form.getByLabel('申报日期').fill('2026-09-15');
  await form.getByLabel('申报状态').selectOption({ label: '已获批' });
  await form.getByLabel('申请资金（万元）').fill('2,400');
  await form.getByLabel('获批资金（万元）').fill('3000');
  await form.getByLabel('获批日期').fill('2026-11-02');
  await form.getByRole('button', { name: '填报申请' }).click();
  await expect(form.getByText('获批资金不能超过申请资金（2400 万元）')).toBeVisible();
  // What was typed is kept; correct the amount and add what has arrived.
  await expect(form.getByLabel('批次')).toHaveValue(batch);
  await form.getByLabel('获批资金（万元）').fill('1800');
  await form.getByLabel('到位资金（万元）').fill('600');
  await form.getByRole('button', { name: '填报申请' }).click();
  await expect(page.getByRole('status').filter({ hasText: '上争申请已填报' })).toBeVisible();

  const table = page.getByRole('table', { name: '本项目的上争申请' });
  await expect(table.getByRole('row', { name: new RegExp(batch) })).toContainText('1,800 万元');

  // More money arrives: the officer updates the application's 到位资金 from the keyboard-openable details.
  const details = page.locator('details', { has: page.locator('summary', { hasText: batch }) });
  await details.locator('summary').click();
  const edit = details.getByRole('form', { name: '修改上争申请' });
  await expect(edit.getByLabel('到位资金（万元）')).toHaveValue('600');
  await edit.getByLabel('到位资金（万元）').fill('1500');
  await edit.getByRole('button', { name: '保存修改' }).click();
  await expect(details.getByRole('status').filter({ hasText: '修改已保存' })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(batch) })).toContainText('1,500 万元');

  // The city-wide ledger, filtered to the channel and the officer's unit, lists it and counts it.
  await page.getByRole('link', { name: '全市上争资金台账 →' }).click();
  await expect(page.getByRole('heading', { name: '上争资金台账' })).toBeVisible();
  await page.getByLabel('申报年度').selectOption('2026');
  await page.getByLabel('申报渠道').selectOption({ label: '省级专项资金' });
  await page.getByLabel('责任单位').selectOption(String(officer.unit_id));
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/channel=provincial/);
  const list = page.getByRole('table', { name: '上争申请清单' });
  const row = list.getByRole('row', { name: new RegExp(batch) });
  await expect(row).toContainText(project.name);
  await expect(row).toContainText('已获批');
  await expect(row).toContainText('1,500 万元');

  // The totals are those of the filtered applications in the database, the new one included.
  const sums = one<{ n: number; r: number }>(
    `select count(*) n, coalesce(sum(f.received_amount), 0) r from funding_applications f join projects p on p.id = f.project_id
     where f.channel = 'provincial' and p.unit_id = ? and f.applied_date between '2026-01-01' and '2026-12-31'`,
    officer.unit_id,
  );
  const totals = page.getByLabel('合计', { exact: true });
  await expect(totals).toContainText(`${sums.n} 个`);
  await expect(totals).toContainText(`${(sums.r / 10000).toFixed(2)} 亿元`);
  // The project link leads back to the application's project.
  await row.getByRole('link', { name: project.name }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${project.id}/funding$`));
});
