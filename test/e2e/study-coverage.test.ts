import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginAs, describeBrowser, openMenu, pickOption } from './harness.ts';

/** 补学完成 asks how the absentee made the session up; the dialog's button closes the make-up. */
async function makeUp(page: Page, name: string) {
  await page.locator('.ant-table-row', { hasText: name }).getByText('补学完成').click();
  const dialog = page.getByRole('dialog').filter({ hasText: '补学方式' });
  await dialog.getByLabel('补学方式').fill('观看会议录像并提交学习心得');
  await dialog.getByRole('button', { name: '补学完成' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

describeBrowser('browser: study attendance and make-ups', (run) => {
  it('officer records a session with two absentees; as they make it up, coverage of that session reaches 100%', async () => {
    const { page } = run();
    await loginAs(run(), 'officer');
    await openMenu(page, '理论学习');
    await page.getByRole('button', { name: '记录集中学习' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '学习主题' });
    await pickOption(page, form, '单位', '办公室党支部');
    await form.getByLabel('学习主题').fill('学习城市工作重要论述');
    for (const name of ['孙晓雨', '钱多多']) {
      const row = form.locator('.ant-table-row', { hasText: name });
      await row.getByText('缺席').click();
      await form.getByLabel(`${name}缺席原因`).fill('外出执法');
    }
    await expect.poll(() => form.textContent()).toContain('应到 3 人，实到 1 人');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });

    const coverage = page
      .locator('.ant-statistic', { hasText: '全覆盖场次占比' })
      .locator('.ant-statistic-content-value');
    await expect.poll(() => coverage.textContent()).toBe('0');
    await page.getByRole('tab', { name: /补课补学/ }).click();
    await makeUp(page, '孙晓雨');
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '孙晓雨' }).textContent()).toContain('已补学');
    await expect.poll(() => coverage.textContent()).toBe('0');
    await makeUp(page, '钱多多');
    await expect.poll(() => coverage.textContent()).toBe('100');
    await page.screenshot({ path: '/tmp/e2e-study.png' });
  }, 120_000);

  it('a 群众 is not 应到 at a 支部党员大会; an impossible date is named; a session is corrected and a make-up undone', async () => {
    const { page, fx } = run();
    // Joins after the first scenario's roster was read (older than the 10 s the web keeps answers fresh).
    await fx.writer.person(fx.units.branchA, '吴群众', '科员', false);
    await page.getByRole('button', { name: '记录集中学习' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '学习主题' });
    await pickOption(page, form, '单位', '办公室党支部');
    await form.getByLabel('学习主题').fill('学习党章');
    await expect.poll(() => form.textContent()).toContain('应到 3 人');
    expect(await form.textContent()).not.toContain('吴群众');
    const kind = (label: string) => pickOption(page, form, '学习形式', label);
    await kind('第一议题');
    await expect.poll(() => form.textContent()).toContain('应到 4 人');
    expect(await form.textContent()).toContain('吴群众');
    await kind('支部党员大会');
    await expect.poll(() => form.textContent()).toContain('应到 3 人');

    const date = form.locator('.ant-picker input').first();
    await date.fill('2030-02-30');
    await date.press('Tab');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => form.textContent()).toContain('“日期”“2030-02-30”不是有效日期');
    await date.fill(new Date().toISOString().slice(0, 10));
    await date.press('Tab');
    const row = form.locator('.ant-table-row', { hasText: '孙晓雨' });
    await row.getByText('缺席').click();
    await form.getByLabel('孙晓雨缺席原因').fill('病假');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '学习台账' }).click();
    await page.locator('.ant-table-row', { hasText: '学习党章' }).getByText('修改').click();
    const edit = page.getByRole('dialog').filter({ hasText: '修改集中学习' });
    await edit.getByLabel('学习主题').fill('学习党章（更正）');
    await edit.locator('.ant-table-row', { hasText: '孙晓雨' }).getByText('出席').click();
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.locator('.ant-table-row', { hasText: '学习党章（更正）' }).textContent())
      .toContain('3 / 3');

    await page.getByRole('tab', { name: /补课补学/ }).click();
    const madeUp = page.locator('.ant-table-row', { hasText: '孙晓雨' });
    await expect.poll(() => madeUp.count()).toBe(1);
    expect(await madeUp.textContent()).toContain('观看会议录像并提交学习心得');
    await madeUp.getByText('撤销补学').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤销补学' }).click();
    await expect.poll(() => madeUp.textContent()).toContain('待补学');
    await page.screenshot({ path: '/tmp/e2e-study-corrections.png' });
  }, 180_000);
});
