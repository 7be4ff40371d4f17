import { afterAll, expect, it } from 'vitest';
import { addDays, today } from '../../src/server/clock.ts';
import { PDF_BYTES } from '../../src/server/testing/multipart.ts';
import { attachFile, describeBrowser, loginAs, logout, pickOption, openMenu } from './harness.ts';

describeBrowser('browser: a key task falls behind and catches up', (current) => {
  const realToday = today();
  const day = (n: number) => addDays(realToday, n);
  afterAll(() => {
    delete process.env.TAIZHANG_TODAY;
  });

  it('office plans three nodes; the unit marks one done; past the second it is 滞后 on 预警; caught up it shows 曾滞后', async () => {
    const run = current();
    const { page } = run;
    await loginAs(run, 'office');
    await openMenu(page, '推动发展');
    await page.getByRole('button', { name: '新建重点任务' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '新建重点任务' });
    await form.getByLabel('任务名称').fill('智慧城管平台建设');
    const pickUnit = (label: string, name: string) => pickOption(page, form, label, name);
    await pickUnit('牵头单位', '市局党委');
    await pickUnit('责任单位', '办公室党支部');
    const range = form.locator('.ant-picker-range input');
    await range.nth(0).fill(day(-1));
    await range.nth(1).fill(day(30));
    await range.nth(1).press('Enter');
    await form.getByRole('button', { name: '添加节点' }).click();
    await form.getByRole('button', { name: '添加节点' }).click();
    const nodes: Array<[string, string]> = [
      ['需求调研', day(2)],
      ['上线试运行', day(5)],
      ['验收总结', day(20)],
    ];
    for (const [i, [title, date]] of nodes.entries()) {
      await form.getByLabel(`节点${i + 1}名称`).fill(title);
      const picker = form.getByLabel(`节点${i + 1}日期`);
      await picker.click();
      await picker.fill(date);
      await picker.press('Enter');
    }
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.getByTestId('task-summary').textContent())
      .toContain('1项重点任务完成0项，按序时推进1项');
    await logout(run);

    // The responsible unit marks the first node done with its evidence.
    await loginAs(run, 'officer');
    await openMenu(page, '推动发展');
    await page.locator('.ant-table-row', { hasText: '智慧城管平台建设' }).first().getByText('智慧城管平台建设').click();
    const drawer = page.getByRole('dialog').filter({ hasText: '周调度记录' }).last();
    await drawer.locator('.ant-table-row', { hasText: '需求调研' }).getByRole('button', { name: '标记完成' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '标记完成：需求调研' });
    await attachFile(confirm, { name: '调研报告.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    await confirm.getByRole('button', { name: '确认完成' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => drawer.textContent()).toContain('完成节点“需求调研”');

    // A day past the second node's date.
    process.env.TAIZHANG_TODAY = day(6);
    await page.goto(`${run.baseUrl}/warnings`);
    const behind = page.locator('.ant-table-row', { hasText: '进度滞后的重点任务' }).first();
    await behind.waitFor();
    await page.screenshot({ path: '/tmp/e2e-key-task-warnings.png' });
    await expect.poll(() => behind.textContent()).toContain('1');
    await behind.locator('a').first().click();
    await page.waitForURL(/\/tasks\?.*status=behind/);
    const row = page.locator('.ant-table-row', { hasText: '智慧城管平台建设' }).first();
    await expect.poll(() => row.textContent()).toContain('滞后');

    // The unit catches up: status back to 按序时推进, and 曾滞后 stays.
    await row.getByText('智慧城管平台建设').click();
    await drawer.locator('.ant-table-row', { hasText: '上线试运行' }).getByRole('button', { name: '标记完成' }).click();
    const again = page.getByRole('dialog').filter({ hasText: '标记完成：上线试运行' });
    await attachFile(again, { name: '试运行报告.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    await again.getByRole('button', { name: '确认完成' }).click();
    await again.waitFor({ state: 'hidden' });
    const tags = () => drawer.locator('.ant-tag').allTextContents();
    await expect.poll(tags).toEqual(expect.arrayContaining(['按序时推进', '曾滞后']));
    expect(await tags()).not.toContain('滞后');
    await page.screenshot({ path: '/tmp/e2e-key-task.png' });
  }, 400_000);
});
