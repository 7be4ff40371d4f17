import { expect, it } from 'vitest';
import { loginAs, describeBrowser, openMenu, pickOption } from './harness.ts';

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
    await page.locator('.ant-table-row', { hasText: '孙晓雨' }).getByText('补学完成').click();
    await expect.poll(() => page.locator('.ant-table-row', { hasText: '孙晓雨' }).textContent()).toContain('已补学');
    await expect.poll(() => coverage.textContent()).toBe('0');
    await page.locator('.ant-table-row', { hasText: '钱多多' }).getByText('补学完成').click();
    await expect.poll(() => coverage.textContent()).toBe('100');
    await page.screenshot({ path: '/tmp/e2e-study.png' });
  }, 120_000);
});
