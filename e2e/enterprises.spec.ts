import { expect, test } from '@playwright/test';
import { signIn } from './support';

// 企业库 (issue 16). Valid 统一社会信用代码 (GB 32100-2015 check characters), and one with its check
// character changed.
const CODE_A = '91220201MA0E2E2E1T';
const CODE_A_WRONG = '91220201MA0E2E2E1U';
const CODE_B = '91220202MA0E2E2E2C';
const suffix = Date.now().toString(36).slice(-4);
const investorName = `吉林碳谷测试${suffix}股份有限公司`;
const builderName = `吉林市城建测试${suffix}有限公司`;
const projectName = `碳纤维复材测试项目${suffix}`;

test('an investment user registers an enterprise; a project picks it as investor and creates its builder inline', async ({
  page,
}) => {
  await signIn(page, 'investment');
  await page.getByRole('link', { name: '企业库' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: '企业库' })).toBeVisible();
  await page.getByRole('link', { name: '登记企业' }).click();

  // A wrong check character and a bad phone are refused beside their fields; what was typed stays.
  await page.getByLabel('企业名称').fill(investorName);
  await page.getByLabel('统一社会信用代码').fill(CODE_A_WRONG);
  await page.getByLabel('所在地区或国家').fill('吉林吉林');
  await page.getByLabel('行业').selectOption({ index: 1 });
  const industry = await page.getByLabel('行业').inputValue();
  await page.getByLabel('联系人 1').fill('王经理');
  await page.locator('#f-contact-0-phone').fill('12345');
  await page.getByRole('button', { name: '登记企业' }).click();
  await expect(page.getByText('统一社会信用代码校验位不正确，请核对')).toBeVisible();
  await expect(page.getByText('电话号码无效', { exact: false })).toBeVisible();
  await expect(page.getByLabel('企业名称')).toHaveValue(investorName);
  await expect(page.getByLabel('联系人 1')).toHaveValue('王经理');
  await expect(page.getByLabel('行业')).toHaveValue(industry);

  await page.getByLabel('统一社会信用代码').fill(CODE_A);
  await page.locator('#f-contact-0-phone').fill('13904320001');
  await page.getByRole('button', { name: '登记企业' }).click();
  await expect(page).toHaveURL(/\/enterprises\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: investorName })).toBeVisible();
  await expect(page.getByTestId('enterprise-credit-code')).toHaveText(CODE_A);
  await expect(page.getByTestId('enterprise-contacts')).toContainText('13904320001');
  const investorUrl = page.url();

  // The same credit code again is a duplicate, named.
  await page.goto('/enterprises/new');
  await page.getByLabel('企业名称').fill(`另一家${suffix}公司`);
  await page.getByLabel('统一社会信用代码').fill(CODE_A);
  await page.getByRole('button', { name: '登记企业' }).click();
  await expect(page.getByText(`该代码已属于企业"${investorName}"`)).toBeVisible();

  // The list finds it by part of its code.
  await page.goto('/enterprises');
  await page.getByLabel('名称或信用代码').fill(CODE_A.slice(8, 14));
  await page.getByRole('button', { name: '查找' }).click();
  await expect(page.getByRole('link', { name: investorName }).first()).toBeVisible();

  // An admin's new project: the investor is picked from the suggestions, the builder is new.
  await page.context().clearCookies();
  await signIn(page, 'admin');
  await page.goto('/projects/new');
  await page.getByLabel('项目名称').fill(projectName);
  await page.getByLabel('项目类别').selectOption({ label: '招商引资重点项目' });
  await page.getByLabel('责任单位').selectOption({ label: '昌邑区' });
  const investor = page.getByRole('combobox', { name: '投资方', exact: true });
  await investor.fill(`碳谷测试${suffix}`);
  const option = page.getByRole('option', { name: new RegExp(investorName) });
  await expect(option).toBeVisible();
  await investor.press('ArrowDown');
  await investor.press('Enter');
  await expect(investor).toHaveValue(investorName);
  await expect(page.getByLabel('投资方统一社会信用代码')).toHaveValue(CODE_A);
  await page.getByRole('combobox', { name: '项目业主/建设单位', exact: true }).fill(builderName);
  await expect(page.getByText('企业库中没有，保存时将新建该企业')).toBeVisible();
  await page.getByLabel('项目业主统一社会信用代码').fill(CODE_B.slice(0, 17) + 'A');
  await page.getByRole('button', { name: '创建项目' }).click();
  await expect(page.getByText('统一社会信用代码校验位不正确，请核对')).toBeVisible();
  // Both enterprises are still there after the refusal, the investor still picked.
  await expect(page.getByRole('combobox', { name: '投资方', exact: true })).toHaveValue(investorName);
  await expect(page.getByRole('combobox', { name: '项目业主/建设单位', exact: true })).toHaveValue(builderName);
  await expect(page.getByLabel('项目类别')).toHaveValue('attraction');
  await page.getByLabel('项目业主统一社会信用代码').fill(CODE_B);
  // 责任单位 is a plain select (keeping selects after a refusal is the forms fix of this issue).
  await page.getByLabel('责任单位').selectOption({ label: '昌邑区' });
  await page.getByRole('button', { name: '创建项目' }).click();
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();

  // The project page links both; each enterprise lists the project in its role.
  await expect(page.getByTestId('project-investor')).toContainText(investorName);
  await expect(page.getByTestId('project-builder')).toContainText(builderName);
  await page.getByTestId('project-builder').getByRole('link', { name: builderName }).click();
  await expect(page.getByTestId('enterprise-credit-code')).toHaveText(CODE_B);
  await expect(page.getByTestId('enterprise-projects')).toContainText('项目业主/建设单位');
  await page.goto(investorUrl);
  await expect(page.getByTestId('enterprise-projects').getByRole('link', { name: projectName })).toBeVisible();
  await expect(page.getByTestId('enterprise-projects')).toContainText('投资方');

  // An officer sees the enterprise but not its contacts' phone.
  await page.context().clearCookies();
  await signIn(page, 'officer');
  await page.goto(investorUrl);
  await expect(page.getByTestId('enterprise-contacts')).toContainText('王经理');
  await expect(page.getByTestId('enterprise-contacts')).not.toContainText('13904320001');
  await expect(page.getByRole('link', { name: '编辑企业' })).toHaveCount(0);
});

test('the 企业库 list fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'leader');
  await page.goto('/enterprises');
  await expect(page.getByRole('heading', { level: 1, name: '企业库' })).toBeVisible();
  await expect(page.getByRole('list', { name: '企业库' }).getByRole('listitem').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
