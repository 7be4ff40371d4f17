/** Every role against a campaign's reminder rule: anyone who sees the campaign reads it; admin and office set it. */
import { beforeAll } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';

describeEachDb('permission matrix: reminder rules', (h) => {
  let campaignId = 0;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  permissionMatrix(h, [
    {
      label: 'read a campaign’s reminder rule',
      method: 'GET',
      url: () => `/api/v1/campaigns/${campaignId}/reminder-rule`,
      expect: {},
      otherwise: 200,
    },
    {
      label: 'set a campaign’s reminder rule',
      method: 'PUT',
      url: () => `/api/v1/campaigns/${campaignId}/reminder-rule`,
      body: async (harness) => {
        const now = (await harness.call('admin', 'GET', `/api/v1/campaigns/${campaignId}/reminder-rule`)).json();
        return { enabled: true, beforeDays: 3, chiefAfterDays: 2, upAfterDays: 3, version: now.version };
      },
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
  ]);
});
