import { expect, test } from '@playwright/test';
import { signIn } from './support';

// Issue 17: a project's place is set by clicking the small map of its unit (or by typing), saved with
// the project, and half a pair is refused beside the field with what was typed kept.

test('an officer places a new project by clicking the map of the unit, then a half pair is refused', async ({
  page,
}) => {
  const name = `坐标点选测试项目${Date.now().toString(36)}`;
  await signIn(page, 'officer');
  await page.goto('/projects/new');
  const picker = page.getByTestId('coordinate-picker');
  // The officer's unit (昌邑区) is preselected: the picker shows that county alone.
  await expect(picker).toHaveAttribute('data-ready', 'true');
  await expect(picker).toHaveAttribute('data-shape', '220202');
  await expect(picker.locator('canvas')).toHaveCount(1);
  await expect(page.getByLabel('经度')).toHaveValue('');

  // A click in the middle of the map (Playwright scrolls it into view first).
  await picker.click();
  await expect(page.getByLabel('经度')).toHaveValue(/^12[5-7]\.\d{1,6}$/);
  await expect(page.getByLabel('纬度')).toHaveValue(/^4[2-4]\.\d{1,6}$/);
  await expect(page.getByText(/已选位置：东经/)).toBeVisible();
  const longitude = await page.getByLabel('经度').inputValue();
  const latitude = await page.getByLabel('纬度').inputValue();
  await picker.locator('..').screenshot({ path: 'docs/screenshots/coordinate-picker.png' });

  await page.getByLabel('项目名称').fill(name);
  await page.getByLabel('项目类别').selectOption({ label: '政府投资重点项目' });
  await page.getByRole('button', { name: '创建项目' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: '编辑', exact: true }).click();
  await expect(page.getByLabel('经度')).toHaveValue(longitude);
  await expect(page.getByLabel('纬度')).toHaveValue(latitude);

  // Typing: half a pair is refused beside the missing field; the typed longitude stays.
  await page.getByLabel('经度').fill('126.6');
  await page.getByLabel('纬度').fill('');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('请同时填写纬度')).toBeVisible();
  await expect(page.getByLabel('经度')).toHaveValue('126.6');

  // 清除位置 empties both, and the project is saved without a place.
  await page.getByRole('button', { name: '清除位置' }).click();
  await expect(page.getByLabel('经度')).toHaveValue('');
  await page.getByRole('button', { name: '保存修改' }).click();
  await expect(page.getByText('已保存。')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('经度')).toHaveValue('');
  await expect(page.getByLabel('纬度')).toHaveValue('');
});
