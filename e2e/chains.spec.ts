import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// 产业链: the lead form's dependent 环节 select, the /chains map's 招商空白, and the admin page.

const linkBox = (page: Page, chain: string, link: string) =>
  page
    .getByRole('region', { name: chain })
    .getByRole('listitem')
    .filter({ has: page.getByText(link, { exact: true }) });

test('an investment user files a lead at a 招商空白 link; the select keeps it after an error and the map fills the gap', async ({
  page,
}) => {
  const company = `吉林碳谷下游制品测试${Date.now().toString(36)}有限公司`;
  await signIn(page, 'investment');

  // The demo leaves 碳纤维 下游制品 empty: the map marks it.
  await page.goto('/chains');
  await expect(page.getByRole('heading', { name: '产业链招商图' })).toBeVisible();
  await expect(linkBox(page, '碳纤维产业链', '下游制品')).toContainText('招商空白');
  await expect(linkBox(page, '碳纤维产业链', '碳丝')).not.toContainText('招商空白');

  await page.goto('/leads/new');
  const link = page.getByLabel('产业链环节');
  await page.getByLabel('行业').selectOption({ label: '碳纤维及新材料' });
  // Only the chosen industry's links are offered.
  await expect(link.locator('option')).toContainText(['碳纤维产业链 · 原丝', '碳纤维产业链 · 下游制品']);
  await expect(link.locator('option', { hasText: '化工产业链' })).toHaveCount(0);
  await link.selectOption({ label: '碳纤维产业链 · 下游制品' });
  // Switching to another industry empties the link; switching back offers carbon again.
  await page.getByLabel('行业').selectOption({ label: '化工' });
  await expect(link).toHaveValue('');
  await expect(link.locator('option', { hasText: '化工产业链 · 精细化工' })).toHaveCount(1);
  await page.getByLabel('行业').selectOption({ label: '碳纤维及新材料' });
  await link.selectOption({ label: '碳纤维产业链 · 下游制品' });

  await page.getByLabel('企业名称').fill(company);
  await page.getByLabel('联系电话').fill('12345');
  await page.getByRole('button', { name: '保存线索' }).click();
  await expect(page.getByText('电话号码无效', { exact: false })).toBeVisible();
  await expect(page.getByLabel('行业')).toHaveValue(/\d+/);
  await expect(link.locator('option:checked')).toHaveText('碳纤维产业链 · 下游制品');

  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('意向投资（万元）').fill('20000');
  await page.getByRole('button', { name: '保存线索' }).click();
  await expect(page).toHaveURL(/\/leads\/\d+/);
  const leadId = Number(page.url().match(/\/leads\/(\d+)/)![1]);
  const lead = await (await page.request.get(`/api/v1/leads/${leadId}`)).json();
  const chains = await (await page.request.get('/api/v1/chains')).json();
  const downstream = chains
    .find((c: { name: string }) => c.name === '碳纤维产业链')
    .links.find((l: { name: string }) => l.name === '下游制品');
  expect(lead.chainLinkId).toBe(downstream.id);
  // The edit form on the lead page shows it.
  await expect(page.getByLabel('产业链环节').locator('option:checked')).toHaveText('碳纤维产业链 · 下游制品');

  await page
    .getByRole('navigation', { name: '主导航', exact: true })
    .getByRole('link', { name: '产业链', exact: true })
    .click();
  await expect(page).toHaveURL(/\/chains$/);
  const box = linkBox(page, '碳纤维产业链', '下游制品');
  await expect(box).not.toContainText('招商空白');
  // A link's sum is a total: 亿元 with two decimals (issue 18), never 万元.
  await expect(box).toContainText('1 条 · 2.00 亿元');
});

test('an admin adds a link to a chain, moves it upstream, and the map shows it as a gap', async ({ page }) => {
  const name = `固态电池${Date.now().toString(36).slice(-4)}`;
  await signIn(page, 'admin');
  await page.goto('/admin');
  await page.getByRole('link', { name: /产业链管理/ }).click();
  await expect(page.getByRole('heading', { name: '产业链管理' })).toBeVisible();
  const card = page.getByRole('region', { name: /汽车产业链/ });
  await card.getByLabel('新增环节（加在最下游）').fill('整车制造');
  await card.getByRole('button', { name: '添加环节' }).click();
  await expect(card.getByRole('alert')).toContainText('该产业链已有同名环节');
  await card.getByLabel('新增环节（加在最下游）').fill(name);
  await card.getByRole('button', { name: '添加环节' }).click();
  await expect(page.getByText(`已添加环节"${name}"`)).toBeVisible();
  const links = card.getByRole('list', { name: /汽车产业链的环节/ }).getByRole('listitem');
  await expect(links.last().getByRole('textbox')).toHaveValue(name);
  await card.getByRole('button', { name: `上移 ${name}` }).click();
  await expect(page.getByText(`已上移"${name}"`)).toBeVisible();
  await expect(links.nth(-2).getByRole('textbox')).toHaveValue(name);

  await page.goto('/chains');
  const row = page.getByRole('region', { name: '汽车产业链' }).getByRole('listitem');
  await expect(row.nth(-2)).toContainText(name);
  await expect(row.nth(-2)).toContainText('招商空白');
  await expect(row.last()).toContainText('汽车后市场');
});
