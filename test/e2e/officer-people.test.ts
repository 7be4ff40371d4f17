import { expect, it } from 'vitest';
import { loginAs, describeBrowser, openMenu } from './harness.ts';

describeBrowser('browser: a branch officer keeps the roster', (run) => {
  it('sees only the own branch, is stopped by a bad phone number inline, saves, and finds the person by initials', async () => {
    const { page } = run();
    await loginAs(run(), 'officer');
    await openMenu(page, '组织机构');

    const tree = page.locator('.ant-tree');
    await expect.poll(() => tree.locator('.ant-tree-title').allTextContents()).toEqual(['办公室党支部']);
    await expect.poll(() => page.locator('.ant-card-head-title').nth(1).textContent()).toContain('办公室党支部');

    await page.getByRole('button', { name: '新增人员' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('姓名').fill('冯晓东');
    await drawer.getByLabel('联系电话').fill('12345');
    await drawer.getByRole('button', { name: '保存' }).click();
    await expect
      .poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents())
      .toContain('“联系电话”格式不正确：请输入 11 位手机号或带区号的固定电话');
    await page.screenshot({ path: '/tmp/e2e-bad-phone.png' });

    await drawer.getByLabel('联系电话').fill('13912345678');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.waitFor({ state: 'hidden' });

    await page.getByLabel('搜索人员').fill('fxd');
    await page.getByLabel('搜索人员').press('Enter');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('冯晓东');
    expect(await rows.first().textContent()).toContain('13912345678');
    await page.screenshot({ path: '/tmp/e2e-found.png' });

    // The person's drawer shows who created the record and with what.
    await rows.first().click();
    const personDrawer = page.getByRole('dialog');
    await personDrawer.getByRole('tab', { name: '变更记录' }).click();
    await expect.poll(() => personDrawer.locator('.ant-timeline').textContent()).toContain('新建');
    await personDrawer.getByRole('button', { name: '详情' }).first().click();
    await expect.poll(() => personDrawer.locator('.ant-table').textContent()).toContain('13912345678');
    await page.screenshot({ path: '/tmp/e2e-history.png' });
    await page.keyboard.press('Escape');
    await personDrawer.waitFor({ state: 'hidden' });

    // The unit tree finds the own branch by its initials.
    await page.getByPlaceholder('搜索单位：名称、拼音或首字母').fill('bgs');
    await page.getByPlaceholder('搜索单位：名称、拼音或首字母').press('Enter');
    await expect
      .poll(() => page.locator('.ant-list-item').allTextContents())
      .toEqual([expect.stringContaining('办公室党支部')]);
  });
});
