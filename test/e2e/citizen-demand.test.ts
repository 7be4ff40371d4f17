import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { attachFile, loginAs, logout, startBrowserRun, type BrowserRun } from './harness.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3c8f1b70000000049454e44ae426082',
  'hex',
);
const PHONE = '13866667777';
const PHONE_SIZE = { width: 390, height: 844 };
const DESK_SIZE = { width: 1440, height: 900 };

async function pick(page: Page, scope: ReturnType<Page['locator']>, label: string, option: string) {
  await scope.locator('.ant-form-item', { hasText: label }).first().locator('.ant-select').click();
  await page
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper', { hasText: option })
    .first()
    .click();
}

async function openDemand(run: BrowserRun, code: string) {
  await run.page.goto(`${run.baseUrl}/demands?trackingCode=${code}`);
  await run.page.locator('.ant-table-row', { hasText: code }).click();
  const drawer = run.page.getByRole('dialog').filter({ hasText: `诉求 ${code}` });
  await drawer.waitFor();
  return drawer;
}

async function step(
  run: BrowserRun,
  drawer: ReturnType<Page['locator']>,
  button: string,
  fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>,
) {
  await drawer.getByRole('button', { name: button, exact: true }).click();
  const dialog = run.page.locator('.ant-modal', { hasText: button });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  const [res] = await Promise.all([
    run.page.waitForResponse((r) => r.url().includes('/transitions') && r.request().method() === 'POST'),
    dialog.getByRole('button', { name: '确定' }).click(),
  ]);
  expect(res.status(), await res.text()).toBe(200);
  await dialog.waitFor({ state: 'hidden' });
}

/** The 满意率 gauge of branchA on the 接诉即办 page (its title carries the figure, or 无数据). */
async function openSatisfaction(run: BrowserRun) {
  await run.page.goto(`${run.baseUrl}/demands?orgId=${run.fx.units.branchA.id}`);
  const gauge = run.page.getByTestId('rate-满意率');
  await gauge.waitFor();
  return () => gauge.getAttribute('title');
}

describe('browser: a citizen message followed to 办结', () => {
  let run: BrowserRun;
  beforeAll(async () => {
    run = await startBrowserRun();
    // Several steps load a page and its data on a busy machine: a little more patience than the default.
    run.page.setDefaultTimeout(30_000);
  }, 180_000);
  afterAll(async () => {
    await run?.close();
  });

  it('a citizen files a message with a photo on a phone; the office dispatches, the unit answers, the citizen rates it 满意 and the unit’s 满意率 moves', async () => {
    const { page } = run;
    await loginAs(run, 'office');
    await expect.poll(await openSatisfaction(run), { timeout: 15_000 }).toBe('无数据');
    await logout(run);

    await page.setViewportSize(PHONE_SIZE);
    await page.goto(`${run.baseUrl}/liuyan`);
    const form = page.locator('.ant-card');
    await pick(page, form, '反映类别', '占道经营');
    await form.getByLabel('地点').fill('解放路菜场门口');
    await form.getByLabel('问题描述').fill('早高峰摊贩占道，行人只能走机动车道');
    await attachFile(form, { name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await form.getByLabel('您的姓名').fill('林晓');
    await form.getByLabel('手机号码').fill(PHONE);
    await form.getByRole('button', { name: '提交留言' }).click();
    const codeText = page.getByTestId('tracking-code');
    await codeText.waitFor();
    const code = (await codeText.textContent())!.trim();
    expect(code).toMatch(/^TZ[2-9A-Z]{10}$/);

    await page.setViewportSize(DESK_SIZE);
    await loginAs(run, 'office');
    let drawer = await openDemand(run, code);
    await expect.poll(() => drawer.textContent()).toContain('已受理');
    await step(run, drawer, '派单', (d) => pick(page, d, '承办单位', '办公室党支部'));
    await logout(run);

    await loginAs(run, 'officer');
    drawer = await openDemand(run, code);
    await step(run, drawer, '签收');
    await step(run, drawer, '答复', (d) => d.getByLabel('答复内容').fill('已劝离摊贩，设置临时便民疏导点'));
    await expect.poll(() => drawer.textContent()).toContain('已答复');
    await logout(run);

    await page.setViewportSize(PHONE_SIZE);
    await page.goto(`${run.baseUrl}/liuyan`);
    await page.getByRole('tab', { name: '查询进度' }).click();
    const track = page.locator('.ant-card');
    await track.getByLabel('查询码').fill(code);
    await track.getByLabel('手机号后四位').fill(PHONE.slice(-4));
    await track.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByTestId('tracking-answer').textContent()).toContain('临时便民疏导点');
    const body = await page.locator('body').textContent();
    expect(body).not.toContain('林晓');
    expect(body).not.toContain(PHONE);
    await track.getByText('满意', { exact: true }).click();
    const [rated] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/rating')),
      track.getByRole('button', { name: '提交评价' }).click(),
    ]);
    expect(rated.status(), await rated.text()).toBe(200);
    await expect.poll(() => track.textContent()).toContain('您的评价');

    await page.setViewportSize(DESK_SIZE);
    await loginAs(run, 'office');
    await expect.poll(await openSatisfaction(run), { timeout: 15_000 }).toBe('100.0%');
  }, 240_000);
});
