import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn } from './support';

// Every form keeps every field, selects and checkboxes included, after the server refuses a save
// (issue 16): React 19 resets a form after its action, and a <select> used to go back to its first
// option. Each case below fills a form, changes every select on it to another option, breaks one
// field, submits, and compares every control's value before and after the refusal.

const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** The form whose submit button has this name. */
const formWith = (page: Page, submit: string) =>
  page.locator('form').filter({ has: page.getByRole('button', { name: submit, exact: true }) });

/** Moves every visible select of the form to another option (the last one that has a value), top to bottom. */
async function chooseEverySelect(form: Locator) {
  const selects = form.locator('select');
  for (let i = 0; i < (await selects.count()); i += 1) {
    const select = selects.nth(i);
    if (!(await select.isVisible()) || !(await select.isEnabled())) continue;
    const values = await select
      .locator('option')
      .evaluateAll((options) =>
        options.filter((o) => !(o as HTMLOptionElement).disabled).map((o) => (o as HTMLOptionElement).value),
      );
    const current = await select.inputValue();
    const other = values.filter((value) => value !== '' && value !== current).at(-1);
    if (other !== undefined) await select.selectOption(other);
  }
}

/** Every named control's value (checkboxes: ticked or not), passwords, files and hidden inputs left out. */
const snapshot = (form: Locator) =>
  form
    .locator('input[name], select[name], textarea[name]')
    .evaluateAll((controls) =>
      controls
        .filter((c) => !(c instanceof HTMLInputElement && ['hidden', 'password', 'file'].includes(c.type)))
        .map((c) =>
          c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio')
            ? `${c.name}[${c.value}]=${c.checked}`
            : `${c.getAttribute('name')}=${(c as HTMLInputElement).value}`,
        ),
    );

interface FormCase {
  name: string;
  user: string;
  /** Opens the page with the form (may create what it needs through the UI). */
  open: (page: Page) => Promise<void>;
  submit: string;
  /** Fills the form with good values, then breaks one field. */
  fill: (form: Locator) => Promise<void>;
  /** The refusal's message beside the broken field. */
  error: string | RegExp;
}

/** Creates a lead through the new-lead form and lands on its page. */
async function newLead(page: Page) {
  await page.goto('/leads/new');
  await page.getByLabel('企业名称').fill(unique('吉林表单测试企业'));
  await page.getByLabel('意向投资（万元）').fill('8000');
  await page.getByRole('button', { name: '保存线索' }).click();
  await expect(page).toHaveURL(/\/leads\/\d+/);
}

const CASES: FormCase[] = [
  {
    name: '新建线索',
    user: 'investment',
    open: (page) => page.goto('/leads/new').then(() => undefined),
    submit: '保存线索',
    fill: async (form) => {
      await form.getByLabel('企业名称').fill(unique('表单保留测试有限公司'));
      await form.getByLabel('企业来源地（省市或国家）').fill('德国');
      await form.getByLabel('拟建项目').fill('碳纤维复合材料');
      await form.getByLabel('意向投资（万元）').fill('12000');
      await chooseEverySelect(form);
      await form.getByLabel('联系电话').fill('12345');
    },
    error: '电话号码无效',
  },
  {
    name: '添加跟进记录',
    user: 'investment',
    open: newLead,
    submit: '添加跟进',
    fill: async (form) => {
      await chooseEverySelect(form);
      await form.getByLabel('下次跟进日期').fill('2099-01-02');
      await form.getByLabel('跟进内容').fill('');
    },
    error: '请填写跟进内容',
  },
  {
    name: '新建招商活动',
    user: 'investment',
    open: (page) => page.goto('/campaigns/new').then(() => undefined),
    submit: '创建活动',
    fill: async (form) => {
      await form.getByLabel('目的地').fill('慕尼黑、法兰克福');
      await form.getByLabel('说明').fill('表单保留测试');
      const boxes = form.getByRole('checkbox');
      const count = await boxes.count();
      for (let i = 0; i < Math.min(count, 2); i += 1) await boxes.nth(i).check();
      await form.getByLabel('活动名称').fill('');
    },
    error: '不能为空',
  },
  {
    name: '新建项目',
    user: 'admin',
    open: (page) => page.goto('/projects/new').then(() => undefined),
    submit: '创建项目',
    fill: async (form) => {
      await form.getByLabel('项目名称').fill(unique('表单保留测试项目'));
      await form.getByLabel('建设地点').fill('吉林经开区');
      await chooseEverySelect(form);
      await form.getByLabel('总投资（万元）').fill('-1');
    },
    error: /不能为负|不能小于/,
  },
  {
    name: '新建用户',
    user: 'admin',
    open: (page) => page.goto('/admin/users/new').then(() => undefined),
    submit: '创建用户',
    fill: async (form) => {
      await form.getByLabel('姓名').fill('表单保留');
      await chooseEverySelect(form);
      await form.locator('input[name="username"]').fill('');
    },
    error: '用户名',
  },
];

for (const formCase of CASES) {
  test(`${formCase.name}: every field, selects included, survives a refused save`, async ({ page }) => {
    await signIn(page, formCase.user);
    await formCase.open(page);
    const form = formWith(page, formCase.submit);
    await formCase.fill(form);
    const before = await snapshot(form);
    // Something was chosen in each select: an unchanged default would prove nothing.
    expect(before.length).toBeGreaterThan(1);
    await form.getByRole('button', { name: formCase.submit, exact: true }).click();
    await expect(form.getByRole('alert').filter({ hasText: formCase.error }).first()).toBeVisible();
    expect(await snapshot(form)).toEqual(before);
  });
}

test('an investment user fixes an invalid phone and the lead saves with every select still chosen', async ({
  page,
}) => {
  await signIn(page, 'investment');
  await page.goto('/leads/new');
  const form = formWith(page, '保存线索');
  const company = unique('德国碳材料测试有限公司');
  await form.getByLabel('企业名称').fill(company);
  await form.getByLabel('联系电话').fill('0432-123');
  await form.getByLabel('意向投资（万元）').fill('30000');
  const industry = form.getByLabel('行业');
  const unit = form.getByLabel('意向落地单位');
  const campaign = form.getByLabel('招商活动');
  await industry.selectOption({ index: 1 });
  await unit.selectOption({ index: 2 });
  await campaign.selectOption({ index: 1 });
  const chosen = {
    industryId: await industry.inputValue(),
    locationUnitId: await unit.inputValue(),
    campaignId: await campaign.inputValue(),
  };
  await form.getByRole('button', { name: '保存线索' }).click();
  await expect(form.getByRole('alert').filter({ hasText: '电话号码无效' })).toBeVisible();
  await expect(industry).toHaveValue(chosen.industryId);
  await expect(unit).toHaveValue(chosen.locationUnitId);
  await expect(campaign).toHaveValue(chosen.campaignId);

  await form.getByLabel('联系电话').fill('13912345678');
  await form.getByRole('button', { name: '保存线索' }).click();
  await expect(page).toHaveURL(/\/leads\/\d+/);
  const leadId = page.url().match(/\/leads\/(\d+)/)![1];
  const saved = await page.request.get(`/api/v1/leads/${leadId}`);
  expect(saved.ok()).toBe(true);
  const lead = await saved.json();
  expect(lead).toMatchObject({
    company,
    contactPhone: '13912345678',
    industryId: Number(chosen.industryId),
    locationUnitId: Number(chosen.locationUnitId),
    campaignId: Number(chosen.campaignId),
  });
});

test('the leads board: linked from /leads and back, a subtitle that says how cards move, figures never broken mid-value', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'investment');
  await page.goto('/leads');
  await page.getByRole('link', { name: '线索看板' }).click();
  await expect(page).toHaveURL(/\/leads\/board/);
  await expect(page.getByText('可拖动到后续阶段；退回、放弃和转为项目请在线索详情中操作')).toBeVisible();
  const figures = page.locator('[data-testid="card-investment"], [data-testid="card-followup"]');
  // Each figure is one line high, on a phone and on a 1440 screen: "意向 50,000 万元" and a date never wrap inside.
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await expect(figures.first()).toBeVisible();
    const heights = await figures.evaluateAll((elements) =>
      elements
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
    );
    expect(heights.length).toBeGreaterThan(0);
    for (const lines of heights) expect(lines).toBeLessThan(1.5);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: '线索列表', exact: true }).click();
  await expect(page).toHaveURL(/\/leads$/);
});
