import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeBrowser, loginAs, okApi, PHONE, openMenu } from './harness.ts';

/** How far the page reaches past the screen's right edge (0 when nothing overflows horizontally). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.body.scrollWidth - window.innerWidth);
}

const PAGES = [
  '/',
  '/dashboard',
  '/problems',
  '/problem-figures',
  '/results',
  '/study',
  '/research',
  '/orgs',
  '/audit',
];

describeBrowser(
  'browser: on a phone (390 × 844)',
  (run) => {
    it('fits every main page to the screen, folds the menu into a drawer, lists problems as cards and opens one full screen', async () => {
      const { page, baseUrl, fx, campaignId } = run();
      await loginAs(run(), 'office');
      await okApi(page, 'POST', '/problems', {
        campaignId,
        orgId: fx.units.branchA.id,
        title: '窗口服务事项办理时限长，群众反映多次跑腿',
        source: 'public_raised',
        kind: 'immediate',
        measures: [{ content: '梳理事项清单，推行一次办结', deadline: { workingDays: 10 } }],
      });
      for (const path of PAGES) {
        await page.goto(`${baseUrl}${path}`);
        await page.getByRole('button', { name: '退出' }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await overflow(page), path).toBeLessThanOrEqual(0);
      }
      // No fixed sidebar: the menu is behind a button.
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      await page.getByRole('button', { name: '菜单' }).click();
      await openMenu(page, '问题清单');
      const card = page.locator('.ant-list .ant-card', { hasText: '窗口服务事项办理时限长' });
      await card.waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await card.click();
      const drawer = page.locator('.ant-drawer-content-wrapper').last();
      await page.getByRole('dialog').getByText('梳理事项清单，推行一次办结').waitFor();
      // Full screen once its opening slide has settled (the width is fractional while it moves).
      await expect.poll(async () => Math.round((await drawer.boundingBox())?.width ?? 0)).toBe(PHONE.width);
      await page.screenshot({ path: '/tmp/e2e-phone-problem.png' });
    }, 300_000);
  },
  { viewport: PHONE },
);
