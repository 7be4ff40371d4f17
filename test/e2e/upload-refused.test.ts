import { expect, it } from 'vitest';
import { loginAs, describeBrowser, openMenu, pickOption } from './harness.ts';

describeBrowser('browser: a refused upload is named, not dropped', (run) => {
  it('an officer records a meeting: the refused 对照检查材料 is shown with its reason and named again at save', async () => {
    const { page } = run();
    await loginAs(run(), 'officer');
    await openMenu(page, '民主生活会');
    await page.getByRole('button', { name: '记录会议' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '会议类型' });
    await pickOption(page, dialog, '单位', '办公室党支部');
    // A program renamed .pdf: the server reads the bytes and refuses it.
    await dialog.locator('input[type=file]').setInputFiles({
      name: '对照检查材料.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 not a pdf at all'),
    });
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain('“对照检查材料.pdf”未上传：');
    await dialog.getByRole('button', { name: '保存' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '个文件未能上传' });
    await expect.poll(() => confirm.textContent()).toContain('“对照检查材料.pdf”：');
    await confirm.getByRole('button', { name: '提交其余内容' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
    await page.screenshot({ path: '/tmp/e2e-upload-refused.png' });
  }, 180_000);
});
