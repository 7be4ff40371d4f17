/**
 * Who may do what to every foundation resource: each role against each action, on both databases.
 * Outsiders (another branch) get 404 on reads and 403 on writes, a role without the right 403, the
 * allowed roles 2xx, anonymous callers 401. Rows marked `awaiting` belong to modules built on other
 * branches (people, campaigns, audit): they show as skipped, named, until those routes exist.
 */
import { expect } from 'vitest';
import { nowIso } from './clock.ts';
import type { Harness } from './testing/harness.ts';
import { action, EVERYONE, only, permissionMatrix, type MatrixRow } from './testing/permission-matrix.ts';

let seq = 0;
const freshUnit = (h: Harness, under: 'branchA' | 'committee' = 'branchA') => h.fx.writer.unit(h.fx.units[under], `临时单位${++seq}`, 'other');
const freshPerson = async (h: Harness) => ({ id: await h.fx.writer.person(h.fx.units.branchA, `临时人员${++seq}`) });
const freshUser = async (h: Harness) => ({ id: await h.fx.writer.user(`tmp${++seq}${h.dialect}`, null, [{ role: 'member', orgId: null, scopeKind: 'own' }]) });
const now = () => nowIso();

const ADMIN_OFFICE = ['admin', 'office'] as const;
const IN_ROOT = ['admin', 'office', 'secretary'] as const;

const orgs: MatrixRow[] = [
  ...action({ what: 'GET /orgs', method: 'GET', url: '/api/v1/orgs' }, only(200, EVERYONE, 200)),
  ...action({ what: 'GET /orgs/{branchA}', method: 'GET', url: (c) => `/api/v1/orgs/${c.fx.units.branchA.id}` }, only(200, [...IN_ROOT, 'officer'], 404)),
  ...action(
    { what: 'POST /orgs under branchA', method: 'POST', url: '/api/v1/orgs', body: (c) => ({ parentId: c.fx.units.branchA.id, name: `新单位${c.uid}`, type: 'other' }) },
    only(201, [...ADMIN_OFFICE], 403),
  ),
  ...action(
    { what: 'PATCH /orgs/{unit in branchA}', method: 'PATCH', setup: (h) => freshUnit(h), url: (c) => `/api/v1/orgs/${c.made.id}`, body: { version: 1, name: '改名后的单位' } },
    only(200, [...ADMIN_OFFICE], 403),
  ),
  ...action(
    { what: 'POST /orgs/{unit in branchA}/move', method: 'POST', setup: (h) => freshUnit(h), url: (c) => `/api/v1/orgs/${c.made.id}/move`, body: (c) => ({ parentId: c.fx.units.branchB.id, version: 1 }) },
    only(200, [...ADMIN_OFFICE], 403),
  ),
  ...action(
    { what: 'POST /orgs/{unit in branchA}/deactivate', method: 'POST', setup: (h) => freshUnit(h), url: (c) => `/api/v1/orgs/${c.made.id}/deactivate`, body: { version: 1 } },
    only(200, [...ADMIN_OFFICE], 403),
  ),
];

// ── People: built on the `people` branch; rows follow the People contract in the brief. ──
const PEOPLE_WRITERS = [...IN_ROOT, 'officer'] as const;
const people: MatrixRow[] = [
  ...action({ what: 'GET /people', method: 'GET', url: '/api/v1/people', awaiting: 'people' }, only(200, EVERYONE, 200)),
  ...action(
    { what: 'GET /people/{memberA}', method: 'GET', url: (c) => `/api/v1/people/${c.fx.people.memberA}`, awaiting: 'people' },
    only(200, [...PEOPLE_WRITERS, 'member'], 404),
  ),
  ...action(
    { what: 'POST /people in branchA', method: 'POST', url: '/api/v1/people', body: (c) => ({ orgId: c.fx.units.branchA.id, name: '新同志', isPartyMember: true }), awaiting: 'people' },
    only(201, [...PEOPLE_WRITERS], 403),
  ),
  ...action(
    { what: 'PATCH /people/{person in branchA}', method: 'PATCH', setup: freshPerson, url: (c) => `/api/v1/people/${c.made.id}`, body: { version: 1, position: '副科长' }, awaiting: 'people' },
    only(200, [...PEOPLE_WRITERS], 403),
  ),
  ...action(
    { what: 'POST /people/{person in branchA}/transfer to branchB', method: 'POST', setup: freshPerson, url: (c) => `/api/v1/people/${c.made.id}/transfer`, body: (c) => ({ orgId: c.fx.units.branchB.id, version: 1 }), awaiting: 'people' },
    // The officer runs branchA only, so cannot place anyone into branchB.
    only(200, [...IN_ROOT], 403),
  ),
  ...action(
    { what: 'POST /people/{person in branchA}/deactivate', method: 'POST', setup: freshPerson, url: (c) => `/api/v1/people/${c.made.id}/deactivate`, body: { version: 1 }, awaiting: 'people' },
    only(200, [...PEOPLE_WRITERS], 403),
  ),
];

const ADMIN = ['admin'] as const;
const users: MatrixRow[] = [
  ...action({ what: 'GET /users', method: 'GET', url: '/api/v1/users' }, only(200, [...ADMIN], 403)),
  ...action({ what: 'GET /users/{member}', method: 'GET', url: (c) => `/api/v1/users/${c.fx.users.member}` }, only(200, [...ADMIN], 403)),
  ...action(
    { what: 'POST /users', method: 'POST', url: '/api/v1/users', body: (c) => ({ username: `u${c.uid}`, displayName: '新账号', password: 'abc12345' }) },
    only(201, [...ADMIN], 403),
  ),
  ...action({ what: 'PATCH /users/{user}', method: 'PATCH', setup: freshUser, url: (c) => `/api/v1/users/${c.made.id}`, body: { version: 1, displayName: '改名' } }, only(200, [...ADMIN], 403)),
  ...action({ what: 'POST /users/{user}/password', method: 'POST', setup: freshUser, url: (c) => `/api/v1/users/${c.made.id}/password`, body: { password: 'newpass123' } }, only(204, [...ADMIN], 403)),
  // Grants
  ...action(
    { what: 'POST /users/{user}/grants', method: 'POST', setup: freshUser, url: (c) => `/api/v1/users/${c.made.id}/grants`, body: (c) => ({ role: 'officer', orgId: c.fx.units.branchA.id, scopeKind: 'subtree' }) },
    only(201, [...ADMIN], 403),
  ),
  ...action(
    {
      what: 'DELETE /users/{user}/grants/{grant}',
      method: 'DELETE',
      setup: async (h) => {
        const { id } = await freshUser(h);
        const g = await h.db.selectFrom('roleGrants').select('id').where('userId', '=', id).executeTakeFirstOrThrow();
        return { id, grantId: g.id };
      },
      url: (c) => `/api/v1/users/${c.made.id}/grants/${c.made.grantId}`,
    },
    only(204, [...ADMIN], 403),
  ),
  // API tokens
  ...action({ what: 'GET /users/{officer}/tokens', method: 'GET', url: (c) => `/api/v1/users/${c.fx.users.officer}/tokens` }, only(200, [...ADMIN], 403)),
  ...action({ what: 'POST /users/{officer}/tokens', method: 'POST', url: (c) => `/api/v1/users/${c.fx.users.officer}/tokens`, body: { name: '脚本' } }, only(201, [...ADMIN], 403)),
  ...action(
    {
      what: 'DELETE /users/{officer}/tokens/{token}',
      method: 'DELETE',
      setup: async (h) => {
        const row = await h.db.insertInto('apiTokens').values({ userId: h.fx.users.officer, name: '待吊销', tokenHash: `hash-${++seq}-${Math.random()}`, createdAt: now() }).returning('id').executeTakeFirstOrThrow();
        return { id: row.id };
      },
      url: (c) => `/api/v1/users/${c.fx.users.officer}/tokens/${c.made.id}`,
    },
    only(204, [...ADMIN], 403),
  ),
];

const leaders: MatrixRow[] = [
  ...action({ what: 'GET /leader-assignments', method: 'GET', url: '/api/v1/leader-assignments' }, only(200, EVERYONE, 200)),
  ...action(
    { what: 'POST /leader-assignments (unit in branchA)', method: 'POST', setup: (h) => freshUnit(h), url: '/api/v1/leader-assignments', body: (c) => ({ personId: c.fx.people.leader, orgId: c.made.id }) },
    only(201, [...ADMIN_OFFICE], 403),
  ),
  ...action(
    {
      what: 'DELETE /leader-assignments/{unit in branchA}',
      method: 'DELETE',
      setup: async (h) => {
        const unit = await freshUnit(h);
        const row = await h.db.insertInto('leaderAssignments').values({ personId: h.fx.people.leader, orgId: unit.id, createdAt: now() }).returning('id').executeTakeFirstOrThrow();
        return { id: row.id };
      },
      url: (c) => `/api/v1/leader-assignments/${c.made.id}`,
    },
    only(204, [...ADMIN_OFFICE], 403),
  ),
];

/** A group set up by the committee, assigned to branchA. */
async function freshGroup(h: Harness) {
  const row = await h.db.insertInto('supervisionGroups').values({ name: `临时督导组${++seq}`, kind: 'supervision', orgId: h.fx.units.committee.id, createdAt: now(), updatedAt: now() }).returning('id').executeTakeFirstOrThrow();
  await h.db.insertInto('supervisionGroupUnits').values({ groupId: row.id, orgId: h.fx.units.branchA.id }).execute();
  return { id: row.id };
}

const supervision: MatrixRow[] = [
  ...action({ what: 'GET /supervision-groups', method: 'GET', url: '/api/v1/supervision-groups' }, only(200, EVERYONE, 200)),
  // The fixture's group belongs to the root unit: the leader's own unit is the root, the supervisor is a member.
  ...action({ what: 'GET /supervision-groups/{group}', method: 'GET', url: (c) => `/api/v1/supervision-groups/${c.fx.group}` }, only(200, [...IN_ROOT, 'leader', 'supervisor'], 404)),
  ...action(
    { what: 'POST /supervision-groups', method: 'POST', url: '/api/v1/supervision-groups', body: (c) => ({ name: `新督导组${c.uid}`, kind: 'liaison', orgId: c.fx.units.committee.id, memberIds: [c.fx.people.inspector], unitIds: [c.fx.units.branchA.id] }) },
    only(201, [...ADMIN_OFFICE], 403),
  ),
  ...action({ what: 'PATCH /supervision-groups/{group}', method: 'PATCH', setup: freshGroup, url: (c) => `/api/v1/supervision-groups/${c.made.id}`, body: { version: 1, name: '改名督导组' } }, only(200, [...ADMIN_OFFICE], 403)),
  ...action({ what: 'DELETE /supervision-groups/{group}', method: 'DELETE', setup: freshGroup, url: (c) => `/api/v1/supervision-groups/${c.made.id}` }, only(204, [...ADMIN_OFFICE], 403)),
];

// ── Campaigns: built on the `campaigns` branch. A campaign run by the 机关党委 (committee) is readable by
// everyone whose own unit lies under it or whose scope contains it; writable by admin and office. ──
async function freshCampaign(h: Harness) {
  const row = await h.db
    .insertInto('campaigns')
    .values({ name: `临时主题教育${++seq}`, startDate: '2026-01-01', endDate: '2026-12-31', orgId: h.fx.units.committee.id, createdAt: now(), updatedAt: now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}
const campaigns: MatrixRow[] = [
  ...action({ what: 'GET /campaigns', method: 'GET', url: '/api/v1/campaigns', awaiting: 'campaigns' }, only(200, EVERYONE, 200)),
  ...action(
    { what: 'GET /campaigns/{committee campaign}', method: 'GET', setup: freshCampaign, url: (c) => `/api/v1/campaigns/${c.made.id}`, awaiting: 'campaigns' },
    only(200, [...IN_ROOT, 'officer', 'member'], 404),
  ),
  ...action(
    {
      what: 'POST /campaigns (committee)',
      method: 'POST',
      url: '/api/v1/campaigns',
      body: (c) => ({ name: `主题教育${c.uid}`, startDate: '2026-03-01', endDate: '2026-08-31', orgId: c.fx.units.committee.id }),
      awaiting: 'campaigns',
    },
    only(201, [...ADMIN_OFFICE], 403),
  ),
  ...action(
    { what: 'PATCH /campaigns/{committee campaign}', method: 'PATCH', setup: freshCampaign, url: (c) => `/api/v1/campaigns/${c.made.id}`, body: { version: 1, name: '改名的主题教育' }, awaiting: 'campaigns' },
    only(200, [...ADMIN_OFFICE], 403),
  ),
];

// ── Audit: built on the `audit` branch; a scoped list. An event on branchA is visible to branchA's
// viewers and never to the outsider. ──
async function branchAEvent(h: Harness) {
  const row = await h.db
    .insertInto('auditEvents')
    .values({ at: now(), actorUserId: h.fx.users.admin, actorName: 'admin', action: 'update', entityType: 'org', entityId: h.fx.units.branchA.id, entityLabel: `矩阵事件${++seq}`, orgPath: h.fx.units.branchA.path, before: null, after: null })
    .returning(['id', 'entityLabel'])
    .executeTakeFirstOrThrow();
  return row;
}
const sees = (visible: boolean) => (res: { json: () => { items: Array<{ id: number }> } }, c: { made: { id: number } }) => {
  expect(res.json().items.some((e) => e.id === c.made.id)).toBe(visible);
};
const audit: MatrixRow[] = [
  ...action({ what: 'GET /audit (branchA event visible)', method: 'GET', setup: branchAEvent, url: (c) => `/api/v1/audit?q=${encodeURIComponent(c.made.entityLabel)}`, check: sees(true), awaiting: 'audit' }, { admin: 200, office: 200, secretary: 200, officer: 200 }),
  ...action({ what: 'GET /audit (branchA event hidden)', method: 'GET', setup: branchAEvent, url: (c) => `/api/v1/audit?q=${encodeURIComponent(c.made.entityLabel)}`, check: sees(false), awaiting: 'audit' }, { outsider: 200, supervisor: 200 }),
  ...action({ what: 'GET /audit', method: 'GET', url: '/api/v1/audit', awaiting: 'audit' }, { anonymous: 401 }),
];

permissionMatrix('orgs', orgs);
permissionMatrix('people', people);
permissionMatrix('users, grants and tokens', users);
permissionMatrix('leader assignments', leaders);
permissionMatrix('supervision groups', supervision);
permissionMatrix('campaigns', campaigns);
permissionMatrix('audit', audit);
