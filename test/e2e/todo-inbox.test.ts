import { beforeAll, expect, it } from 'vitest';
import { confirmDialog, describeBrowser, loginAs, logout, openMenu, type BrowserRun } from './harness.ts';
import { FIXTURE_PASSWORD } from '../../src/server/testing/fixture.ts';
import { multipart, PDF_BYTES } from '../../src/server/testing/multipart.ts';
import { today } from '../../src/server/clock.ts';

/** Through the API as a fixture account: the parts of the loop this scenario is not about. */
async function as(run: BrowserRun, username: string) {
  const login = await run.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password: FIXTURE_PASSWORD },
  });
  const cookie = `tz_session=${login.cookies.find((c) => c.name === 'tz_session')!.value}`;
  return async (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) => {
    const res = await run.app.inject({
      method: method as 'GET',
      url,
      payload: payload as string,
      headers: { cookie, ...headers },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
}

/** The machine is shared: give each wait a generous bound (polls default to one second). */
const WAIT = { timeout: 30_000, interval: 250 };

describeBrowser('browser: 我的待办 and 站内消息', (run) => {
  const title = '支部台账记录不规范';
  beforeAll(() => run().page.setDefaultTimeout(30_000));

  it('the officer applies for 销号 in the browser once the measure is done with evidence', async () => {
    const { page, fx } = run();
    const officer = await as(run(), 'officer');
    const secretary = await as(run(), 'secretary');
    const p = await officer('POST', '/api/v1/problems', {
      campaignId: run().campaignId,
      orgId: fx.units.branchA.id,
      title,
      description: '会议记录缺项',
      source: 'self_found',
      category: '理论学习',
      rootCauses: ['ability'],
      kind: 'immediate',
      measures: [{ content: '按模板补齐会议记录', ownerId: fx.people.officerA, deadline: { workingDays: 5 } }],
    });
    const confirmed = await secretary('POST', `/api/v1/problems/${p.id}/transitions`, {
      action: 'confirm',
      version: p.version,
    });
    const m = confirmed.measures[0];
    const body = multipart({ name: '会议记录.pdf', content: PDF_BYTES, type: 'application/pdf' });
    const file = await officer('POST', '/api/v1/attachments', body.payload, body.headers);
    await officer('POST', `/api/v1/problems/${p.id}/measures/${m.id}/progress`, {
      date: today(),
      note: '已补齐',
      attachmentIds: [file.id],
    });
    await officer('PATCH', `/api/v1/problems/${p.id}/measures/${m.id}`, { status: 'done', version: m.version });

    await loginAs(run(), 'officer');
    await page.getByTestId('todo-card').waitFor();
    await openMenu(page, '问题清单');
    await page.locator('.ant-table-row', { hasText: title }).first().click();
    const drawer = page.getByRole('dialog').last();
    await drawer.getByRole('button', { name: '申请销号' }).click();
    const submit = page.getByRole('dialog').filter({ hasText: '整改成效' });
    await submit.getByLabel('整改成效').fill('会议记录已按模板补齐');
    await submit.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => drawer.textContent(), WAIT).toContain('申请销号');
    await logout(run());
  }, 300_000);

  it('the secretary finds the application on the to-do with a menu count and approves it from there', async () => {
    const { page, baseUrl } = run();
    await loginAs(run(), 'secretary');
    const todo = page.getByTestId('todo-card');
    const row = todo.locator('.ant-table-row', { hasText: title });
    await row.waitFor();
    expect(await row.textContent()).toContain('销号申请');
    const menuCount = page.getByRole('menuitem', { name: /问题清单/ }).locator('.ant-badge-count');
    await expect.poll(() => menuCount.textContent(), WAIT).toMatch(/^[1-9]/);
    const before = Number(await menuCount.textContent());
    await row.getByRole('button', { name: '去处理' }).click();
    const drawer = page.getByRole('dialog').last();
    await drawer.getByRole('button', { name: '同意销号' }).click();
    await confirmDialog(page);
    await expect.poll(() => drawer.textContent(), WAIT).toContain('已销号');
    await page.goto(`${baseUrl}/`);
    await expect.poll(async () => (await todo.textContent()) ?? '', WAIT).not.toContain(title);
    await expect
      .poll(async () => Number((await menuCount.count()) ? await menuCount.textContent() : 0), WAIT)
      .toBe(before - 1);
    await logout(run());
  }, 300_000);

  it("the officer's bell has the 已销号 message; opening it marks it read and goes to the problem", async () => {
    const { page } = run();
    const officer = await as(run(), 'officer');
    await loginAs(run(), 'officer');
    const bell = page.getByTestId('bell');
    await expect.poll(() => bell.getAttribute('aria-label'), WAIT).toMatch(/[1-9]\d* 条未读/);
    await bell.click();
    const message = page.locator('.ant-popover .ant-list-item', { hasText: `已销号：${title}` });
    await message.waitFor();
    await message.click();
    await expect.poll(() => page.getByRole('dialog').last().textContent(), WAIT).toContain('已销号');
    const inbox = await officer('GET', '/api/v1/notifications');
    expect(inbox.items.find((x: { title: string }) => x.title === `已销号：${title}`)).toMatchObject({ read: true });
  }, 300_000);
});
