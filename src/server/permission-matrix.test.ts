/**
 * Every role against every foundation resource, on both databases: outsiders get 404 on reads and 403 on
 * writes, roles without the right get 403, the allowed roles 2xx, anonymous callers 401.
 */
import { describeEachDb, type Harness } from './testing/harness.ts';
import { permissionMatrix } from './testing/permission-matrix.ts';

const org = (h: Harness, username: string, id: number) =>
  h.call(username, 'GET', `/api/v1/orgs/${id}`).then((r) => r.json<{ version: number }>().version);

describeEachDb('permission matrix: foundation', (h) => {
  permissionMatrix(h, [
    {
      label: 'read branchA',
      method: 'GET',
      url: (fx) => `/api/v1/orgs/${fx.units.branchA.id}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    {
      label: 'read branchB (guided by leader)',
      method: 'GET',
      url: (fx) => `/api/v1/orgs/${fx.units.branchB.id}`,
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'read branchC (supervised group unit)',
      method: 'GET',
      url: (fx) => `/api/v1/orgs/${fx.units.branchC.id}`,
      expect: { admin: 200, office: 200, secretary: 200, supervisor: 200, outsider: 200 },
      otherwise: 404,
    },
    {
      label: 'rename branchA',
      method: 'PATCH',
      url: (fx) => `/api/v1/orgs/${fx.units.branchA.id}`,
      body: async (hh) => ({ version: await org(hh, 'admin', hh.fx.units.branchA.id), name: '办公室党支部' }),
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'create a unit under branchA',
      method: 'POST',
      url: () => '/api/v1/orgs',
      body: (hh) => ({
        parentId: hh.fx.units.branchA.id,
        name: `党小组${Math.random().toString(36).slice(2, 6)}`,
        type: 'other',
      }),
      expect: { admin: 201, office: 201 },
      otherwise: 403,
    },
    {
      label: 'move branchC',
      method: 'POST',
      url: (fx) => `/api/v1/orgs/${fx.units.branchC.id}/move`,
      body: async (hh) => ({
        parentId: hh.fx.units.brigade.id,
        version: await org(hh, 'admin', hh.fx.units.branchC.id),
      }),
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    { label: 'list accounts', method: 'GET', url: () => '/api/v1/users', expect: { admin: 200 }, otherwise: 403 },
    {
      label: 'read an account',
      method: 'GET',
      url: (fx) => `/api/v1/users/${fx.users.member}`,
      expect: { admin: 200 },
      otherwise: 403,
    },
    {
      label: 'grant a role',
      method: 'POST',
      url: (fx) => `/api/v1/users/${fx.users.member}/grants`,
      body: () => ({ role: 'member', scopeKind: 'own' }),
      expect: { admin: 409 },
      otherwise: 403,
    },
    {
      label: 'list API tokens',
      method: 'GET',
      url: (fx) => `/api/v1/users/${fx.users.office}/tokens`,
      expect: { admin: 200 },
      otherwise: 403,
    },
    {
      label: 'assign 分管 of branchC',
      method: 'POST',
      url: () => '/api/v1/leader-assignments',
      body: (hh) => ({ personId: hh.fx.people.leader, orgId: hh.fx.units.branchC.id }),
      expect: { admin: 201, office: 409 },
      otherwise: 403,
    },
    {
      label: 'read a person of branchA',
      method: 'GET',
      url: (fx) => `/api/v1/people/${fx.people.memberA2}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 404,
    },
    {
      label: 'read own person record',
      method: 'GET',
      url: (fx) => `/api/v1/people/${fx.people.memberA}`,
      expect: { admin: 200, office: 200, secretary: 200, officer: 200, member: 200 },
      otherwise: 404,
    },
    {
      label: 'edit a person of branchA',
      method: 'PATCH',
      url: (fx) => `/api/v1/people/${fx.people.memberA2}`,
      body: async (hh) => ({
        version: (await hh.call('admin', 'GET', `/api/v1/people/${hh.fx.people.memberA2}`)).json().version,
        position: '科员',
      }),
      expect: { admin: 200, office: 200, secretary: 200, officer: 200 },
      otherwise: 403,
    },
    {
      label: 'add a person to branchB',
      method: 'POST',
      url: () => '/api/v1/people',
      body: (hh) => ({ orgId: hh.fx.units.branchB.id, name: '测试人员', isPartyMember: true }),
      expect: { admin: 201, office: 201, secretary: 201 },
      otherwise: 403,
    },
    { label: 'list people', method: 'GET', url: () => '/api/v1/people', expect: {}, otherwise: 200 },
    {
      label: 'create a campaign at the root',
      method: 'POST',
      url: () => '/api/v1/campaigns',
      body: (hh) => ({
        name: '测试主题教育',
        startDate: '2026-01-01',
        endDate: '2026-06-30',
        orgId: hh.fx.units.root.id,
      }),
      expect: { admin: 201, office: 201 },
      otherwise: 403,
    },
    { label: 'list campaigns', method: 'GET', url: () => '/api/v1/campaigns', expect: {}, otherwise: 200 },
    { label: 'search the audit trail', method: 'GET', url: () => '/api/v1/audit', expect: {}, otherwise: 200 },
    {
      label: 'timeline of branchB',
      method: 'GET',
      url: (fx) => `/api/v1/audit/entity/org/${fx.units.branchB.id}`,
      body: async (hh) => {
        // Make sure branchB has a history to show.
        const v = (await hh.call('admin', 'GET', `/api/v1/orgs/${hh.fx.units.branchB.id}`)).json().version;
        await hh.call('admin', 'PATCH', `/api/v1/orgs/${hh.fx.units.branchB.id}`, { version: v, sortOrder: 1 });
        return undefined;
      },
      expect: { admin: 200, office: 200, secretary: 200, leader: 200 },
      otherwise: 404,
    },
    {
      label: 'list supervision groups',
      method: 'GET',
      url: () => '/api/v1/supervision-groups',
      expect: {},
      otherwise: 200,
    },
    { label: 'who am I', method: 'GET', url: () => '/api/v1/me', expect: {}, otherwise: 200 },
  ]);
});
