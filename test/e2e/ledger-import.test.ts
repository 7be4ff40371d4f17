import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { callApi, describeBrowser, loginAs, PHONE, type BrowserRun } from './harness.ts';

const TITLES = ['党员学习教育存在走过场现象', '窗口服务办事时限长'];

/**
 * An office's own 整改台账 as offices keep them: a merged title, a 填报单位 line, a header over two rows (责任主体
 * over 落实科室/具体责任人), 存在问题 for 问题描述, one problem over two measure rows (序号 and 存在问题 merged),
 * names padded with full-width spaces, text deadlines, a blank row and a 合计 row. 落实科室 is a header no
 * synonym knows: the office maps it to 责任单位 in the preview.
 */
async function messyLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('整改台账');
  ws.addRow(['市局党委主题教育检视问题整改台账']);
  ws.mergeCells('A1:F1');
  ws.addRow(['填报单位：办公室党支部', '', '', '', '填报日期：2026年3月1日']);
  ws.addRow(['序号', '存在问题', '整改措施', '责任主体', '', '整改时限']);
  ws.addRow(['', '', '', '落实科室', '具体责任人', '']);
  ws.mergeCells('D3:E3');
  for (const col of ['A', 'B', 'C', 'F']) ws.mergeCells(`${col}3:${col}4`);
  ws.addRow(['1', TITLES[0], '制定学习计划，逐月检查落实', '机关党委', '王　芳', '2026年6月30日']);
  ws.addRow(['', '', '每季度开展一次专题研讨', '办公室党支部', '赵立新', '2026.9.30']);
  ws.mergeCells('A5:A6');
  ws.mergeCells('B5:B6');
  ws.addRow(['2', TITLES[1], '推行一次办结，公开办理时限', '　办公室党支部 ', ' 赵立新', '2026年12月底前']);
  ws.addRow([]);
  ws.addRow(['合计', '共2项']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Picks `option` in the wizard's antd Select named `label` and waits for the PATCH it sends. On a machine
 * running many browsers a click can land while the dropdown is still opening; then the pick is tried again.
 */
async function pick(page: Page, label: string | RegExp, option: string) {
  for (let attempt = 1; ; attempt++) {
    const patched = page
      .waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/imports/previews/'), {
        timeout: 20_000,
      })
      .catch(() => null);
    await page.getByLabel(label, { exact: true }).click({ force: true });
    // A dropdown that closes under the click (the wizard re-renders as its preview refreshes) is opened again.
    const clicked = await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
      .click({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    const answer = clicked ? await patched : null;
    if (answer) return expect(answer.status(), await answer.text()).toBe(202);
    if (attempt === 3) throw new Error(`choosing “${option}” sent nothing`);
  }
}

/** Opens the wizard on 问题清单 and uploads the file; answers the wizard's drawer. */
async function uploadOnProblems(run: BrowserRun): Promise<Locator> {
  const { page, baseUrl, campaignId } = run;
  // The machine runs several browser scenarios at once; a drawer full of tables may take a while to open.
  page.setDefaultTimeout(60_000);
  await page.goto(`${baseUrl}/problems?campaignId=${campaignId}`);
  await page.getByRole('button', { name: '导入整改台账' }).click();
  const wizard = page.getByRole('dialog').filter({ hasText: '上传文件' });
  await wizard.getByText('点击或将文件拖到此处上传').waitFor();
  await wizard.locator('input[type=file]').setInputFiles({
    name: '办公室党支部整改台账.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await messyLedger(),
  });
  await wizard.getByTestId('sheet-整改台账').waitFor({ timeout: 30_000 });
  return wizard;
}

/**
 * Two people of the same name in the office's scope, both under 机关党委 (the 责任单位 of the row that names
 * 王芳, so the unit does not tell them apart); answers the id of the one in 办公室党支部.
 */
/** Waits until the server has finished reading or checking (the wizard's bar is gone; its selects are enabled). */
async function settled(wizard: Locator) {
  await expect.poll(() => wizard.getByTestId('import-progress').count(), { timeout: 60_000 }).toBe(0);
}

async function twoWangFang(run: BrowserRun): Promise<number> {
  const { fx } = run;
  await fx.writer.person(fx.units.branchB, '王芳', '科员');
  return fx.writer.person(fx.units.branchA, '王芳', '组织委员');
}

describeBrowser('browser: an office brings its own 整改台账 in', (run) => {
  it('uploads a messy ledger, maps 落实科室 to 责任单位, picks which 王芳, confirms and finds the problems on the list', async () => {
    const { page } = run();
    const picked = await twoWangFang(run());
    await loginAs(run(), 'office');
    const wizard = await uploadOnProblems(run());

    // How the file was read: the header over rows 3–4, two records, the blank and the 合计 row skipped.
    await expect.poll(() => wizard.textContent(), { timeout: 30_000 }).toContain('表头在第 3–4 行');
    const text = (await wizard.textContent()) ?? '';
    expect(text).toContain('填报单位：办公室党支部');
    expect(text).toContain('存在问题');
    await expect
      .poll(async () => (await wizard.locator('.ant-statistic').allTextContents()).join(' '))
      .toMatch(/识别出的记录2条.*跳过的空行1行.*跳过的合计行1行/);
    // 存在问题 was taken for 问题描述; 落实科室 was not understood, so the required 责任单位 is missing.
    const mappingRow = (header: string) => wizard.locator('.ant-table-row', { hasText: header }).first().textContent();
    expect(await mappingRow('存在问题')).toContain('问题描述');
    expect(await mappingRow('落实科室')).toContain('忽略');
    await expect.poll(() => wizard.textContent()).toContain('缺少必填列：责任单位');
    await settled(wizard);
    await expect.poll(() => wizard.getByRole('button', { name: /导入 \d+ 条/ }).isDisabled()).toBe(true);

    // A header over two rows reads as both parts (责任主体/落实科室).
    await pick(page, /落实科室”列对应的字段$/, '责任单位');
    await expect.poll(() => wizard.textContent(), { timeout: 30_000 }).not.toContain('缺少必填列');
    await settled(wizard);

    // Leaving the page loses nothing: the wizard opens again on the same preview, with the changed mapping.
    await page.goto(`${run().baseUrl}/problems?campaignId=${run().campaignId}`);
    await page.getByRole('button', { name: '导入整改台账' }).click();
    await wizard.getByTestId('sheet-整改台账').waitFor();
    expect(await mappingRow('落实科室')).toContain('责任单位');

    // Two 王芳 under 机关党委: the padded name in row 5 is ambiguous until the office picks one.
    const ambiguities = wizard.getByTestId('ambiguities');
    await expect.poll(() => ambiguities.textContent(), { timeout: 30_000 }).toContain('王芳');
    await pick(page, '选择“王芳”是哪一位', '办公室党支部');
    await expect.poll(() => ambiguities.count(), { timeout: 30_000 }).toBe(0);

    await expect.poll(() => wizard.textContent(), { timeout: 30_000 }).toContain('核对通过：2 条记录可以导入');
    await wizard.getByRole('button', { name: '导入 2 条' }).click();
    await expect.poll(() => wizard.textContent(), { timeout: 30_000 }).toContain('新增 2 条，更新 0 条');
    await wizard.getByRole('button', { name: '查看问题清单' }).click();
    for (const title of TITLES)
      await expect.poll(() => page.locator('.ant-table-row', { hasText: title }).count()).toBe(1);

    // The padded name went to the 王芳 the office picked, the measures under the merged cells to one problem.
    const list = await callApi(page, 'GET', `/problems?campaignId=${run().campaignId}&q=走过场`);
    const problem = await callApi(page, 'GET', `/problems/${list.body.items[0].id}`);
    expect(problem.body.measures.map((m: { content: string }) => m.content)).toEqual([
      '制定学习计划，逐月检查落实',
      '每季度开展一次专题研讨',
    ]);
    expect(problem.body.measures.map((m: { ownerId: number | null }) => m.ownerId)).toEqual([
      picked,
      run().fx.people.officerA,
    ]);

    // The next upload of the same layout starts from the mapping the office chose.
    const again = await uploadOnProblems(run());
    await expect
      .poll(() => again.locator('.ant-table-row', { hasText: '落实科室' }).first().textContent(), { timeout: 30_000 })
      .toContain('责任单位');
  }, 300_000);

  it('says so when a ledger cannot be imported yet rather than showing a bare 404', async () => {
    const { page, baseUrl, campaignId } = run();
    // What a server without this ledger's import answers (the route does not exist), whatever is merged today.
    await page.route('**/api/v1/imports/demands/previews', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          status: 404,
          code: 'no_route',
          detail: '接口不存在：POST /api/v1/imports/demands/previews',
        }),
      }),
    );
    await page.goto(`${baseUrl}/demands?campaignId=${campaignId}`);
    await page.getByRole('button', { name: '导入群众诉求台账' }).click();
    const wizard = page.getByRole('dialog').filter({ hasText: '上传文件' });
    await wizard.locator('input[type=file]').setInputFiles({
      name: '诉求.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await messyLedger(),
    });
    await expect.poll(() => wizard.textContent()).toContain('暂不能导入群众诉求台账：系统尚未开通该台账的导入');
    expect(await wizard.textContent()).not.toContain('接口不存在');
    await page.unroute('**/api/v1/imports/demands/previews');
  }, 120_000);
});

describeBrowser(
  'browser: the import wizard on a phone',
  (run) => {
    it('shows the steps one under another and keeps every table inside the screen', async () => {
      const { page } = run();
      await loginAs(run(), 'office');
      const wizard = await uploadOnProblems(run());
      await expect.poll(() => wizard.textContent(), { timeout: 30_000 }).toContain('识别出的记录');
      expect(await wizard.locator('.ant-steps-vertical').count()).toBe(1);
      // The rows under the header are cards (5 and 6 are one problem's two measures, 7 the next), not a table
      // wider than the screen.
      await expect.poll(() => wizard.getByTestId('record-card').count()).toBe(3);
      expect(await wizard.locator('.ant-table-row', { hasText: '第 5 行' }).count()).toBe(0);
      const overflow = () =>
        page.evaluate(() => {
          const body = document.querySelector('.ant-drawer-body');
          return Math.max(
            document.body.scrollWidth - window.innerWidth,
            (body?.scrollWidth ?? 0) - (body?.clientWidth ?? 0),
          );
        });
      expect(await overflow()).toBeLessThanOrEqual(0);
    }, 180_000);
  },
  { viewport: PHONE },
);
