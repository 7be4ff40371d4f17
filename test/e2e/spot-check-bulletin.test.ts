import { beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describeBrowser, loginAs, logout, openMenu, pickOption } from './harness.ts';

describeBrowser('browser: a spot check and a bulletin', (current) => {
  beforeAll(async () => {
    const run = current();
    // The group's brigade gets a second branch (three units to draw), and a second inspector.
    await run.fx.writer.unit(run.fx.units.brigade, '执法二大队党支部');
    await run.app.db
      .insertInto('supervisionGroupMembers')
      .values({ groupId: run.fx.group, personId: run.fx.people.officeHead })
      .execute();
  });

  it('the supervisor draws three units with a seed and verifies it, records two findings, the unit sees two new problems, the office issues 第1期 and downloads it', async () => {
    const run = current();
    const { page } = run;
    await loginAs(run, 'supervisor');
    await openMenu(page, '督导检查');
    await page.getByRole('button', { name: '双随机抽取' }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '抽取池' });
    await pickOption(page, modal, '督导组', '第一督导组');
    await pickOption(page, modal, '抽取范围', '执法支队党总支');
    await expect.poll(() => modal.textContent()).toContain('抽取池：3 个单位');
    await modal.getByLabel('抽取单位数').fill('3');
    await modal.getByLabel('公开随机数（种子，如当期福彩开奖号码）').fill('福彩3D 第2026325期 518');
    const [drawn] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/checks/draws') && r.request().method() === 'POST'),
      modal.getByRole('button', { name: '抽取' }).click(),
    ]);
    expect(drawn.status(), await drawn.text()).toBe(201);
    const verify = page.getByRole('dialog').filter({ hasText: '抽取验证' });
    await expect.poll(() => verify.textContent()).toContain('验证通过');
    // Recomputed in the page itself (Web Crypto), not only the server's word.
    expect(await verify.textContent()).toContain('本机重新计算：一致');
    expect(await verify.textContent()).toContain('福彩3D 第2026325期 518');
    await verify.locator('.ant-modal-close').click();
    await verify.waitFor({ state: 'hidden' });

    await page.locator('.ant-table-row', { hasText: '执法一大队党支部' }).last().click();
    const drawer = page.getByRole('dialog').filter({ hasText: '检查详情' });
    await drawer.getByLabel('发现问题1').fill('执法记录仪未全程开启。');
    await drawer.getByRole('button', { name: '增加一条发现问题' }).click();
    await drawer.getByLabel('发现问题2').fill('案卷归档不及时；部分案卷缺少当事人签字。');
    const [recorded] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/record') && r.request().method() === 'POST'),
      drawer.getByRole('button', { name: '记录检查' }).click(),
    ]);
    expect(recorded.status(), await recorded.text()).toBe(200);
    await expect.poll(() => drawer.textContent()).toContain('发现问题及整改情况');
    await logout(run);

    await loginAs(run, 'outsider');
    await openMenu(page, '问题清单');
    await page.locator('.ant-table-row', { hasText: '执法记录仪未全程开启' }).waitFor();
    await page.locator('.ant-table-row', { hasText: '案卷归档不及时' }).waitFor();
    await logout(run);

    await loginAs(run, 'office');
    await openMenu(page, '工作简报');
    await page.getByRole('button', { name: '新建一期' }).click();
    const [compiled] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/bulletins') && r.request().method() === 'POST'),
      page.getByRole('button', { name: '汇总生成' }).click(),
    ]);
    expect(compiled.status(), await compiled.text()).toBe(201);
    const editor = page.getByRole('dialog').filter({ hasText: '报尾' });
    // The compiled sections are editable: their headings sit in inputs.
    await expect
      .poll(() => editor.locator('input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
      .toContain('督导检查');
    await editor.getByRole('button', { name: '签发' }).click();
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/issue') && r.status() === 200),
      page.locator('.ant-popconfirm').getByRole('button', { name: '签发' }).click(),
    ]);
    await expect.poll(() => editor.textContent()).toContain('第1期');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      editor
        .getByRole('link', { name: '下载 Word' })
        .or(editor.getByRole('button', { name: '下载 Word' }))
        .click(),
    ]);
    const file = await download.path();
    const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['word/document.xml']);
    expect(xml).toContain('第1期');
    expect(xml).toContain('执法记录仪未全程开启');
  }, 420_000);
});
