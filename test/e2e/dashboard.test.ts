import { afterAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, loginAs, logout, okApi, type Json, openMenu } from './harness.ts';
import { addDays, today } from '../../src/server/clock.ts';
import { PDF_BYTES } from '../../src/server/testing/multipart.ts';

/** The number a Statistic card shows, by its exact title. */
function statistic(page: Page, title: string) {
  return page
    .locator('.ant-statistic')
    .filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) })
    .locator('.ant-statistic-content-value');
}

const pct = (x: number) => String(Math.round(x * 1000) / 10);

describeBrowser('browser: 工作看板', (run) => {
  const shiftedToday = addDays(today(), 30);
  afterAll(() => {
    delete process.env.TAIZHANG_TODAY;
  });

  it('office sees the figures the API gives, drills into a unit, and a draft recorded by mistake is deleted from the drawer and leaves the total as it was', async () => {
    const { page, fx, campaignId } = run();
    const { branchA, branchB, branchC, committee } = fx.units;
    await loginAs(run(), 'office');

    // Problems across the tree: 机关党委's are all still open, the 执法支队's are half closed.
    const record = (orgId: number, title: string, workingDays = 5) =>
      okApi(page, 'POST', '/problems', {
        campaignId,
        orgId,
        title,
        source: 'self_found',
        kind: 'immediate',
        measures: [{ content: `${title}的整改措施`, deadline: { workingDays } }],
      });
    const transition = async (p: Json, action: string, extra: Json = {}) =>
      okApi(page, 'POST', `/problems/${p.id}/transitions`, { action, version: p.version, ...extra });
    const close = async (p: Json) => {
      p = await transition(p, 'confirm');
      await okApi(page, 'PATCH', `/problems/${p.id}/measures/${p.measures[0].id}`, {
        status: 'done',
        version: p.measures[0].version,
      });
      const attachment = await page.evaluate(async (pdf) => {
        const form = new FormData();
        form.append('file', new Blob([pdf], { type: 'application/pdf' }), '整改佐证.pdf');
        return (await (await fetch('/api/v1/attachments', { method: 'POST', body: form })).json()) as { id: number };
      }, PDF_BYTES.toString('latin1'));
      p = await okApi(page, 'GET', `/problems/${p.id}`);
      p = await transition(p, 'submit', { effect: '已整改到位', attachmentIds: [attachment.id] });
      return transition(p, 'approve');
    };
    await transition(await record(branchA.id, '会议记录不规范', 5), 'confirm');
    await transition(await transition(await record(branchA.id, '办事流程繁琐', 60), 'confirm'), 'escalate');
    await transition(await record(branchB.id, '市容巡查不到位', 60), 'confirm');
    const escalatedDraft = await transition(await record(branchC.id, '执法记录仪使用不规范', 60), 'escalate');
    await close(await record(branchC.id, '执法文书填写不全'));
    await close(await record(branchC.id, '车辆管理松散'));
    await okApi(page, 'POST', '/study/sessions', {
      campaignId,
      orgId: branchA.id,
      kind: 'members_meeting',
      mode: 'exchange',
      date: today(),
      hours: 2,
      topic: '学习党的创新理论',
      attendance: [
        { personId: fx.people.officerA, status: 'present' },
        { personId: fx.people.memberA, status: 'present' },
        { personId: fx.people.memberA2, status: 'absent', reason: '外出执法' },
      ],
    });
    await okApi(page, 'POST', '/study/sessions', {
      campaignId,
      orgId: branchB.id,
      kind: 'party_lecture',
      mode: 'leader',
      date: today(),
      hours: 2,
      topic: '专题党课',
      attendance: [{ personId: fx.people.officerB, status: 'present' }],
    });
    // A month on, the measure due in five working days is overdue.
    process.env.TAIZHANG_TODAY = shiftedToday;

    await openMenu(page, '工作看板');
    await expect.poll(() => page.locator('.ant-breadcrumb').textContent()).toBe('市局党委');
    await page.getByText(`数据截至 ${shiftedToday}`).waitFor();
    const root = await okApi(page, 'GET', `/dashboard?campaignId=${campaignId}`);
    expect(root.problems).toMatchObject({ total: 8, closed: 2, overdue: 1, escalated: 2 });
    const expectShown = async (d: Json) => {
      await expect.poll(() => statistic(page, '问题总数').textContent()).toBe(String(d.problems.total));
      expect(await statistic(page, '已销号').textContent()).toBe(String(d.problems.closed));
      expect(await statistic(page, '逾期').textContent()).toBe(String(d.problems.overdue));
      expect(await statistic(page, '承接下级上报').textContent()).toBe(String(d.problems.escalated));
      expect(await statistic(page, '学习全覆盖率').textContent()).toBe(pct(d.study.coverage));
      expect(await statistic(page, '出勤率').textContent()).toBe(pct(d.study.attendanceRate));
      expect(await statistic(page, '待补学').textContent()).toBe(String(d.study.openMakeups));
    };
    await expectShown(root);
    expect(await statistic(page, '出勤率').textContent()).toBe('75');
    // 机关党委 has closed nothing while the whole tree closed a quarter: it lags behind (上下不平衡).
    const committeeRow = page.locator('.ant-table-row', { hasText: '机关党委' });
    await expect.poll(() => committeeRow.textContent()).toContain('落后');
    expect(await page.locator('.ant-table-row', { hasText: '执法支队党总支' }).textContent()).not.toContain('落后');
    await page.getByText(/^左右不平衡/).waitFor();

    // A problem recorded by mistake: the total goes up by one after a reload.
    await record(branchA.id, '误录的问题');
    await page.reload();
    await expect.poll(() => statistic(page, '问题总数').textContent()).toBe(String(root.problems.total + 1));

    // Drill into 机关党委: its own board, with the numbers the API gives for it.
    await committeeRow.click();
    await expect.poll(() => page.locator('.ant-breadcrumb').textContent()).toBe('市局党委/机关党委');
    expect(page.url()).toContain(`orgId=${committee.id}`);
    const unit = await okApi(page, 'GET', `/dashboard?campaignId=${campaignId}&orgId=${committee.id}`);
    expect(unit.unit.name).toBe('机关党委');
    await expectShown(unit);
    expect(unit.children.map((c: Json) => c.orgName)).toEqual(['办公室党支部', '市容科党支部']);
    await page.screenshot({ path: '/tmp/e2e-dashboard-unit.png', fullPage: true });

    // The figure opens exactly the problems it counts.
    await page.locator('.ant-statistic', { hasText: '问题总数' }).click();
    await page.waitForURL(/\/problems\?/);
    await expect
      .poll(() => page.locator('.ant-pagination-total-text').textContent())
      .toBe(`共 ${unit.problems.total} 个问题`);

    // Deleting the draft from the drawer.
    await page.locator('.ant-table-row', { hasText: '误录的问题' }).click();
    const drawer = page.getByRole('dialog').last();
    await drawer.getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.locator('.ant-popconfirm').textContent()).toContain('删除后不可恢复');
    // The server's answer, not the passing 已删除 toast (gone in 3 s, which a loaded machine can miss).
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/problems/'), {
      timeout: 60_000,
    });
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    expect((await deleted).status()).toBeLessThan(300);
    await drawer.waitFor({ state: 'hidden', timeout: 60_000 });
    await expect
      .poll(() => page.locator('.ant-pagination-total-text').textContent())
      .toBe(`共 ${unit.problems.total - 1} 个问题`);

    // A draft already escalated stays: the server's reason is shown.
    await page.goto(`${run().baseUrl}/problems?campaignId=${campaignId}&orgId=${branchC.id}&status=draft`);
    await page.locator('.ant-table-row', { hasText: escalatedDraft.title }).click();
    await page.getByRole('dialog').last().getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await page.getByText('该问题已向上级上报，不能删除').waitFor();

    // Back on the board: the total is what it was before the mistake.
    await page.goto(`${run().baseUrl}/`);
    const homeCard = page.locator('.ant-card', { hasText: '进入工作看板' });
    await expect
      .poll(() =>
        homeCard
          .locator('.ant-statistic', { hasText: '问题总数' })
          .locator('.ant-statistic-content-value')
          .textContent(),
      )
      .toBe(String(root.problems.total));
    await page.screenshot({ path: '/tmp/e2e-dashboard-home.png' });
    await homeCard.getByText('进入工作看板').click();
    await expect.poll(() => page.locator('.ant-breadcrumb').textContent()).toBe('市局党委');
    await expectShown(root);
    await page.waitForTimeout(800); // let the charts finish their entry animation
    await page.screenshot({ path: '/tmp/e2e-dashboard.png', fullPage: true });
  }, 180_000);

  it('office sees the 接诉即办 三率 the figures route gives, and each number opens the demands it counts', async () => {
    delete process.env.TAIZHANG_TODAY;
    const { page, fx, campaignId } = run();
    const { branchA, root } = fx.units;
    await logout(run());
    await loginAs(run(), 'office');
    const ids: number[] = [];
    for (const [i, address] of ['解放路 1 号', '解放路 2 号', '解放路 3 号', '解放路 4 号'].entries()) {
      const d = await okApi(page, 'POST', '/demands', {
        campaignId,
        channel: 'hotline',
        kind: 'complaint',
        category: 'sanitation',
        description: `楼道垃圾无人清运 ${i}`,
        address,
        orgId: root.id,
      });
      await okApi(page, 'POST', `/demands/${d.id}/transitions`, {
        action: 'dispatch',
        orgId: branchA.id,
        version: d.version,
      });
      ids.push(d.id);
    }
    const step = async (id: number, body: Json) => {
      const d = await okApi(page, 'GET', `/demands/${id}`);
      return okApi(page, 'POST', `/demands/${id}/transitions`, { version: d.version, ...body });
    };
    await logout(run());
    await loginAs(run(), 'officer');
    for (const id of ids.slice(0, 3)) {
      await step(id, { action: 'accept' });
      await step(id, { action: 'answer', answer: '已安排清运' });
    }
    await logout(run());
    await loginAs(run(), 'office');
    await step(ids[0], { action: 'visit', satisfaction: 'satisfied', contacted: true, solved: true });
    await step(ids[1], { action: 'visit', satisfaction: 'basically', contacted: true, solved: false });
    await step(ids[2], { action: 'visit', satisfaction: 'unsatisfied', contacted: false, solved: false });

    await openMenu(page, '工作看板');
    await expect.poll(() => page.locator('.ant-breadcrumb').textContent()).toBe('市局党委');
    const board = await okApi(page, 'GET', `/dashboard?campaignId=${campaignId}`);
    const figures = await okApi(page, 'GET', `/demands/figures?campaignId=${campaignId}&orgId=${root.id}`);
    expect(board.demands).toEqual(figures);
    expect(board.demands).toMatchObject({ received: 4, valid: 3, contacted: 2, solved: 1, satisfied: 1, basically: 1 });
    const card = page.getByTestId('dashboard-demands');
    const tile = (title: string) => statistic(page, title);
    await expect.poll(() => tile('诉求受理').textContent()).toBe(String(figures.received));
    expect(await tile('响应率').textContent()).toBe(pct(figures.responseRate));
    expect(await tile('解决率').textContent()).toBe(pct(figures.resolutionRate));
    expect(await tile('满意率').textContent()).toBe(pct(figures.satisfactionRate));
    expect(await tile('诉求超时').textContent()).toBe(String(figures.overdue));
    await page.screenshot({ path: '/tmp/e2e-dashboard-demands.png', fullPage: true });

    // Each number opens the 诉求清单 of what it counts.
    for (const [title, key] of [
      ['响应率', 'contacted'],
      ['满意率', 'satisfied'],
      ['诉求受理', 'received'],
    ] as const) {
      await card.locator('.ant-statistic', { hasText: title }).click();
      await page.waitForURL(/\/demands\?/);
      await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toBe(`共 ${figures[key]} 件`);
      await page.goBack();
      await page.getByTestId('dashboard-demands').waitFor();
    }
  }, 180_000);
});
