/** Every role against the 人员名册 export, template and import, on both databases. */
import { describeEachDb } from '../../testing/harness.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';

describeEachDb('permission matrix: 人员名册', (h) => {
  // A JSON body gets past the role check only to be refused as not multipart (400): who reaches the parser.
  const recorders = { admin: 400, office: 400, secretary: 400, officer: 400, outsider: 400 };
  permissionMatrix(h, [
    {
      label: 'export the roster in scope',
      method: 'GET',
      url: () => '/api/v1/exports/people.xlsx?isPartyMember=true',
      expect: {},
      otherwise: 200,
    },
    {
      label: 'export the roster of branchB',
      method: 'GET',
      url: (fx) => `/api/v1/exports/people.xlsx?orgId=${fx.units.branchB.id}`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'download the roster template',
      method: 'GET',
      url: () => '/api/v1/exports/people-template.xlsx',
      expect: {},
      otherwise: 200,
    },
    {
      label: 'one-step roster import',
      method: 'POST',
      url: () => '/api/v1/imports/people',
      body: () => ({}),
      expect: recorders,
      otherwise: 403,
    },
    {
      label: 'roster import preview',
      method: 'POST',
      url: () => '/api/v1/imports/people/previews',
      body: () => ({}),
      expect: recorders,
      otherwise: 403,
    },
  ]);
});
