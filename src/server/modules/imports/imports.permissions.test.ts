/**
 * Who may import and whose previews are whose, every account against every imports route: a role that may
 * not import the 整改台账 (member, supervisor) is refused before the file is read; a preview is found only
 * by its owner (404 for everyone else, the read and every change alike).
 */
import { beforeAll } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { nowIso } from '../../clock.ts';

describeEachDb('permission matrix: imports', (h) => {
  let previewId = 0;
  beforeAll(async () => {
    const campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
    const now = nowIso();
    const row = await h()
      .db.insertInto('importPreviews')
      .values({
        ownerUserId: h().fx.users.officer,
        ledger: 'rectification',
        campaignId,
        targetId: null,
        fileName: '整改台账.xlsx',
        mode: 'preview',
        status: 'invalid',
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    previewId = row.id;
  });

  // A JSON body gets past the role check only to be refused as not multipart (400): who reaches the parser.
  const rectifiers = { admin: 400, office: 400, secretary: 400, leader: 400, officer: 400, outsider: 400 };
  permissionMatrix(h, [
    {
      label: 'one-step import of a 整改台账',
      method: 'POST',
      url: () => '/api/v1/imports/rectification',
      body: () => ({}),
      expect: rectifiers,
      otherwise: 403,
    },
    {
      label: 'upload a 整改台账 preview',
      method: 'POST',
      url: () => '/api/v1/imports/rectification/previews',
      body: () => ({}),
      expect: rectifiers,
      otherwise: 403,
    },
    {
      label: 'import a ledger no module registered',
      method: 'POST',
      url: () => '/api/v1/imports/salaries/previews',
      body: () => ({}),
      expect: {},
      otherwise: 404,
    },
    {
      label: 'list my previews',
      method: 'GET',
      url: () => '/api/v1/imports/previews',
      expect: {},
      otherwise: 200,
    },
    {
      label: "read officer's preview",
      method: 'GET',
      url: () => `/api/v1/imports/previews/${previewId}`,
      expect: { officer: 200 },
      otherwise: 404,
    },
    {
      label: "change officer's preview",
      method: 'PATCH',
      url: () => `/api/v1/imports/previews/${previewId}`,
      body: () => ({ mapping: [{ sheet: '没有的表', column: 1, field: null }] }),
      expect: { officer: 400 },
      otherwise: 404,
    },
    {
      label: "confirm officer's preview (not ready)",
      method: 'POST',
      url: () => `/api/v1/imports/previews/${previewId}/confirm`,
      expect: { officer: 409 },
      otherwise: 404,
    },
  ]);
});
