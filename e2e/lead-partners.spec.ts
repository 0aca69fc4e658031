import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

// 首报首谈 and 协同招商 (issue 16), and the convert dialog's two choices.

async function newLeadVia(page: Page, body: Record<string, unknown>) {
  const response = await page.request.post('/api/v1/leads', { data: body });
  expect(response.status()).toBe(201);
  return response.json();
}

test('a second team meets a duplicate, asks to join, and the owner accepts', async ({ browser }) => {
  const stem = `协同演示${Date.now().toString(36)}`;
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, 'investment');
  const lead = await newLeadVia(owner, { company: `${stem}新材料有限公司` });

  const other = await (await browser.newContext()).newPage();
  await signIn(other, 'investment3');
  await other.goto('/leads/new');
  await other.getByLabel('企业名称').fill(`${stem}新材料集团`);
  await other.getByLabel('意向投资（万元）').fill('1000');
  await other.getByRole('button', { name: '保存线索' }).click();
  const notice = other.getByTestId('duplicate-lead');
  await expect(notice).toContainText(`#${lead.id}`);
  await expect(notice).toContainText('陈晓峰');
  await expect(notice).toContainText('招商一组');
  await notice.getByRole('button', { name: '申请协同' }).click();
  await expect(notice).toContainText('已申请协同');

  await owner.goto(`/leads/${lead.id}`);
  const partners = owner.getByRole('list', { name: '协同小组' });
  await expect(partners).toContainText('招商二组');
  await expect(partners).toContainText('待确认');
  await partners.getByRole('button', { name: '同意协同' }).click();
  await expect(partners).toContainText('已协同');

  // The partner team now logs follow-ups on the lead.
  await other.goto(`/leads/${lead.id}`);
  await expect(other.getByRole('form', { name: '添加跟进记录' })).toBeVisible();
});

test('the convert dialog keeps its unit and owner after an error, and links an existing project', async ({ page }) => {
  await signIn(page, 'investment');
  let lead = await newLeadVia(page, {
    company: `转化演示${Date.now().toString(36)}有限公司`,
    intendedInvestment: 8000,
  });
  for (const to of ['contacting', 'negotiating', 'signed']) {
    const moved = await page.request.post(`/api/v1/leads/${lead.id}/transitions`, {
      data: { to, version: lead.version },
    });
    expect(moved.status()).toBe(200);
    lead = await moved.json();
  }
  await page.goto(`/leads/${lead.id}`);
  await page.getByRole('button', { name: '转为项目', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '转为项目' });
  await dialog.getByLabel('项目所在单位').selectOption({ label: '昌邑区' });
  await dialog.getByLabel('项目责任人（该单位项目专员）').selectOption({ label: '李明' });
  await dialog.getByLabel('项目名称').fill('');
  await dialog.getByRole('button', { name: '确认转为项目' }).click();
  await expect(dialog.getByText('不能为空')).toBeVisible();
  await expect(dialog.getByLabel('项目所在单位')).toHaveValue(
    (await dialog.getByLabel('项目所在单位').locator('option', { hasText: '昌邑区' }).getAttribute('value')) ?? '',
  );
  await expect(dialog.getByLabel('项目责任人（该单位项目专员）').locator('option:checked')).toHaveText('李明');

  // Instead, link an existing 谋划储备/已签约 project.
  await dialog.getByLabel('关联已有谋划/已签约项目').check();
  const select = dialog.getByLabel('关联项目');
  const value = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(value!);
  await dialog.getByRole('button', { name: '确认关联项目' }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${value}$`));
  const stored = await (await page.request.get(`/api/v1/leads/${lead.id}`)).json();
  expect(stored).toMatchObject({ stage: 'landed', projectId: Number(value) });
});
