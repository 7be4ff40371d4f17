import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { attachFile, loginAs, logout, describeBrowser, openMenu, pickOption, confirmDialog } from './harness.ts';
import { addWorkingDays } from '../../src/server/lib/working-days.ts';
import { today } from '../../src/server/clock.ts';
import { PDF_BYTES } from '../../src/server/testing/multipart.ts';

async function openFirstProblem(page: Page, title: string) {
  await openMenu(page, '问题清单');
  await page.locator('.ant-table-row', { hasText: title }).first().click();
  return page.getByRole('dialog').last();
}

/** The success and error messages on screen. */
async function toasts(page: Page): Promise<string> {
  return (await page.locator('.ant-message').allTextContents()).join(' ');
}

async function closedFigure(page: Page): Promise<string> {
  await openMenu(page, '整改统计');
  const total = page.locator('.ant-table-summary');
  await total.waitFor();
  const cells = await total.locator('td').allTextContents();
  return cells[2];
}

describeBrowser('browser: the rectification loop', (run) => {
  it('officer records and submits with evidence, the secretary returns it, the officer resubmits, the secretary closes it and the figures move', async () => {
    const { page } = run();
    const title = '支部学习流于形式';
    await loginAs(run(), 'secretary');
    expect(await closedFigure(page)).toBe('0');
    await logout(run());

    await loginAs(run(), 'officer');
    await openMenu(page, '问题清单');
    await page.getByRole('button', { name: '记录问题' }).click();
    const form = page.getByRole('dialog').filter({ hasText: '问题标题' });
    await pickOption(page, form, '责任单位', '办公室党支部');
    await form.getByLabel('问题标题').fill(title);
    await form.getByLabel('措施内容').fill('每月开展一次专题研讨');
    await form.locator('.ant-input-number-input').last().fill('3');
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/problems') && r.request().method() === 'POST', {
        timeout: 30_000,
      }),
      form.getByRole('button', { name: '保存' }).click(),
    ]);
    expect(created.status(), await created.text()).toBe(201);
    await form.waitFor({ state: 'hidden', timeout: 30_000 });
    let drawer = page.getByRole('dialog').last();
    await expect.poll(() => drawer.textContent()).toContain(addWorkingDays(today(), 3));
    await logout(run());

    await loginAs(run(), 'secretary');
    drawer = await openFirstProblem(page, title);
    // The 确认 step says what it is for where it appears.
    await expect.poll(() => drawer.textContent()).toContain('确认是第一责任人的审核把关');
    await drawer.getByRole('button', { name: '确认' }).click();
    await confirmDialog(page);
    await expect.poll(() => toasts(page)).toContain('已确认，问题进入整改');
    await expect.poll(() => drawer.textContent()).toContain('整改中');
    await logout(run());

    await loginAs(run(), 'officer');
    drawer = await openFirstProblem(page, title);
    // 申请销号 says why it is not open yet, before anyone types into its dialog.
    const early = drawer.getByRole('button', { name: '申请销号' });
    await expect.poll(() => early.isDisabled()).toBe(true);
    // A disabled button takes no pointer events, so the hover is forced — and forcing skips the wait for the
    // drawer to finish sliding in: wait until the button stands still inside the window first.
    let last = '';
    await expect
      .poll(async () => {
        const box = await early.boundingBox();
        const at = box ? `${Math.round(box.x)},${Math.round(box.y)}` : '';
        const still = box !== null && at === last && box.x >= 0 && box.x + box.width <= 1440;
        last = at;
        return still;
      })
      .toBe(true);
    await early.hover({ force: true });
    await expect.poll(() => page.locator('.ant-tooltip').last().textContent()).toContain('还有 1 条整改措施未完成');
    await drawer.getByText('标记完成').click();
    await expect.poll(() => toasts(page)).toContain('措施已标记完成');
    await expect.poll(() => drawer.textContent()).toContain('已完成');
    await drawer.getByRole('button', { name: '申请销号' }).click();
    const submit = page.getByRole('dialog').filter({ hasText: '整改成效' });
    await submit.getByLabel('整改成效').fill('研讨已常态化开展');
    await attachFile(submit, { name: '研讨记录.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    await submit.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => toasts(page)).toContain('已申请销号');
    await expect.poll(() => drawer.textContent()).toContain('申请销号');
    await logout(run());

    await loginAs(run(), 'secretary');
    drawer = await openFirstProblem(page, title);
    await drawer.getByRole('button', { name: '退回' }).click();
    const reject = page.getByRole('dialog').filter({ hasText: '退回理由' });
    await reject.getByLabel('退回理由').fill('请补充研讨照片');
    await reject.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => toasts(page)).toContain('已退回整改');
    await expect.poll(() => drawer.textContent()).toContain('请补充研讨照片');
    await logout(run());

    await loginAs(run(), 'officer');
    drawer = await openFirstProblem(page, title);
    await drawer.getByRole('button', { name: '申请销号' }).click();
    const again = page.getByRole('dialog').filter({ hasText: '整改成效' });
    // The 整改成效 written before the return is kept as the draft of the resubmission.
    await expect.poll(() => again.getByLabel('整改成效').inputValue()).toBe('研讨已常态化开展');
    await again.getByLabel('整改成效').fill('研讨已常态化开展，已补充研讨照片');
    await again.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => drawer.textContent()).toContain('申请销号');
    await logout(run());

    await loginAs(run(), 'secretary');
    drawer = await openFirstProblem(page, title);
    await drawer.getByRole('button', { name: '同意销号' }).click();
    // One name for the move: the dialog carries the button's words, and so does the history.
    await expect.poll(() => page.locator('.ant-modal-confirm-title').textContent()).toBe('同意销号');
    await confirmDialog(page);
    await expect.poll(() => toasts(page)).toContain('已同意销号');
    await expect.poll(() => drawer.textContent()).toContain('已销号');
    await drawer.getByRole('tab', { name: '变更记录' }).click();
    await expect.poll(() => drawer.textContent()).toContain('同意销号');
    expect(await drawer.textContent()).not.toContain('验收销号');
    await page.goto(`${run().baseUrl}/`);
    expect(await closedFigure(page)).toBe('1');
    await page.screenshot({ path: '/tmp/e2e-figures.png' });
  }, 400_000);
});
