import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { attachFile, loginAs, logout, startBrowserRun, type BrowserRun, openMenu, pickOption } from './harness.ts';
import { today } from '../../src/server/clock.ts';
import { PDF_BYTES } from '../../src/server/testing/multipart.ts';

/** Picks an option of the antd Select labelled `label` inside `scope` (the nth such select). */
async function pick(page: Page, label: string, option: string, nth = 0) {
  await page.getByLabel(label, { exact: true }).nth(nth).click({ force: true });
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  // Wait for the dropdown to close: its closing animation otherwise keeps the next button from being stable.
  await page
    .locator('.ant-select-dropdown:visible')
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
}

describe('browser: 考核 from building to the exported ranking', () => {
  let run: BrowserRun;
  beforeAll(async () => {
    run = await startBrowserRun();
    // The first load of the built app can be slow on a busy machine; later navigations hit the cache.
    await run.page.goto(`${run.baseUrl}/login`, { timeout: 120_000 });
  }, 300_000);
  afterAll(async () => {
    await run?.close();
  });

  it('the office builds three indicators, scores preview, a branch claims a 加分 with evidence, the office finalises and exports', async () => {
    const { page, fx, campaignId } = run;
    await loginAs(run, 'office');
    // A 党课 in 办公室党支部 with one absentee (attendance 2/3), recorded through the API.
    const recorded = await page.evaluate(
      async (body) =>
        (
          await fetch('/api/v1/study/sessions', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).status,
      {
        campaignId,
        orgId: fx.units.branchA.id,
        kind: 'party_lecture',
        mode: 'leader',
        date: today(),
        hours: 2,
        topic: '专题党课',
        attendance: [
          { personId: fx.people.officerA, status: 'present' },
          { personId: fx.people.memberA, status: 'present' },
          { personId: fx.people.memberA2, status: 'absent', reason: '出差' },
        ],
      },
    );
    expect(recorded).toBe(201);

    await openMenu(page, '考核评价');
    await page.getByRole('button', { name: '新建考核' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新建考核' });
    await dialog.getByLabel('考核名称').fill('本季度党支部考核');
    await dialog.getByLabel('考核周期').fill('本季度');
    const start = `${today().slice(0, 4)}-01-01`;
    await dialog.locator('.ant-picker-range input').first().click();
    await dialog.locator('.ant-picker-range input').first().fill(start);
    await dialog.locator('.ant-picker-range input').nth(1).click();
    await dialog
      .locator('.ant-picker-range input')
      .nth(1)
      .fill(`${today().slice(0, 4)}-12-31`);
    await page.keyboard.press('Enter');
    await pickOption(page, dialog, '考核范围', '市局党委');

    await dialog.getByLabel('指标名称').nth(0).fill('出勤率');
    await pick(page, '数据来源', '集中学习出勤率', 0);
    await dialog.getByRole('button', { name: '添加指标' }).click();
    await dialog.getByLabel('指标名称').nth(1).fill('三会一课');
    await pick(page, '数据来源', '三会一课少开次数', 1);
    await pick(page, '计分方式', '每项扣分', 1);
    await dialog.getByLabel('参数一').nth(1).fill('0.25');
    await dialog.getByRole('button', { name: '添加指标' }).click();
    await dialog.getByLabel('指标名称').nth(2).fill('创新项目');
    await pick(page, '指标类型', '加分项', 2);
    await dialog.getByLabel('分值').nth(2).fill('5');
    const created = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/assessments'),
      { timeout: 60_000 },
    );
    await dialog.getByRole('button', { name: '保存' }).click();
    expect((await created).status()).toBe(201);
    // The saved assessment opens on the right (the modal's closing animation can lag on a busy machine).
    await page.locator('.ant-descriptions-title', { hasText: '本季度党支部考核' }).waitFor({ timeout: 60_000 });

    // The preview: 办公室党支部 2/3 attendance → 10 × (0.667 − 0.6) / 0.4 = 1.67; over the year's four quarters
    // 31 of 32 meetings missed → 10 − 31 × 0.25 = 2.25.
    const rowA = page.locator('.ant-table-row', { hasText: '办公室党支部' }).first();
    await expect.poll(() => rowA.textContent()).toContain('3.92');
    await logout(run);

    await loginAs(run, 'officer');
    await openMenu(page, '考核评价');
    await page.locator('.ant-table-row', { hasText: '办公室党支部' }).first().click();
    const drawer = page.getByRole('dialog').last();
    await drawer.getByText('查看记录').first().waitFor();
    await pickOption(page, drawer, '指标', '创新项目（加分项）');
    await drawer.getByLabel('分值', { exact: true }).fill('3');
    await drawer.getByLabel('理由').fill('“党建+城管”创新项目');
    await attachFile(drawer, { name: '表彰文件.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
    // The claim counts once the server took it: a click that lands while the form is still settling is retried.
    const claimed = page.waitForResponse((r) => r.request().method() === 'POST' && /\/entries$/.test(r.url()));
    await drawer.getByRole('button', { name: '录入' }).click();
    expect((await claimed).status()).toBe(201);
    await expect
      .poll(() => drawer.locator('.ant-table-row', { hasText: '党建+城管' }).textContent())
      .toContain('待审核');
    await logout(run);

    await loginAs(run, 'office');
    await openMenu(page, '考核评价');
    await page.locator('.ant-table-row', { hasText: '办公室党支部' }).first().click();
    await page.getByRole('dialog').last().getByText('认定', { exact: true }).click();
    await expect
      .poll(() => page.getByRole('dialog').last().locator('.ant-table-row', { hasText: '党建+城管' }).textContent())
      .toContain('已认定');
    await page.keyboard.press('Escape');
    await expect.poll(() => rowA.textContent()).toContain('6.92');
    await page.getByRole('button', { name: '定稿' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await page.getByText('已定稿').first().waitFor();

    const id = new URL(page.url()).searchParams.get('id');
    const bytes = await page.evaluate(async (aid) => {
      const res = await fetch(`/api/v1/exports/assessment.xlsx?assessmentId=${aid}`);
      return [...new Uint8Array(await res.arrayBuffer())];
    }, id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const rows = [...wb.worksheets[0].getSheetValues()].map((r) => (Array.isArray(r) ? r.map(String) : []));
    const branchA = rows.find((r) => r.includes('办公室党支部'));
    expect(branchA).toContain('6.92');
    expect(rows.flat()).toContain('创新项目（5分）');
    await page.screenshot({ path: '/tmp/e2e-assessment.png' });
  }, 420_000);
});
