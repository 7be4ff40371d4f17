/**
 * Every role against the writes of the foundation modules (units, people, accounts, 分管, supervision
 * groups, campaigns and their required readings), on both databases. A row that succeeds changes state, so
 * each attempt works on a record of its own, made by the admin just before.
 */
import { beforeAll } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDb, type Harness } from './testing/harness.ts';
import { fixtureCampaign } from './testing/fixture.ts';
import { permissionMatrix } from './testing/permission-matrix.ts';

/** The JSON answer of a setup call, which must succeed. */
function ok<T = { id: number; version: number }>(res: LightMyRequestResponse): T {
  if (res.statusCode >= 300) throw new Error(`setup failed: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

const unique = () => Math.random().toString(36).slice(2, 8);

describeEachDb('permission matrix: foundation writes', (h) => {
  const ids = { subject: 0, version: 0, child: 0, campaign: 0 };
  const admin = (hh: Harness, method: string, url: string, body?: unknown) =>
    hh.call('admin', method, url, body).then((r) => ok(r));
  const freshUnit = async (hh: Harness) => {
    const unit = await admin(hh, 'POST', '/api/v1/orgs', {
      parentId: hh.fx.units.branchA.id,
      name: `党小组${unique()}`,
      type: 'other',
    });
    ids.subject = unit.id;
    ids.version = unit.version;
  };
  const freshPerson = async (hh: Harness) => {
    const person = await admin(hh, 'POST', '/api/v1/people', {
      orgId: hh.fx.units.branchA.id,
      name: '矩阵人员',
      isPartyMember: true,
    });
    ids.subject = person.id;
    ids.version = person.version;
  };
  const freshUser = async (hh: Harness) => {
    const user = await admin(hh, 'POST', '/api/v1/users', {
      username: `u${unique()}`,
      displayName: '矩阵账号',
      password: 'Passw0rd!x',
    });
    ids.subject = user.id;
    ids.version = user.version;
  };
  const freshGroup = async (hh: Harness) => {
    const group = await admin(hh, 'POST', '/api/v1/supervision-groups', {
      name: `督导组${unique()}`,
      kind: 'supervision',
      orgId: hh.fx.units.root.id,
      memberIds: [],
      unitIds: [hh.fx.units.brigade.id],
    });
    ids.subject = group.id;
    ids.version = group.version;
  };
  const freshReading = async (hh: Harness) => {
    const reading = await admin(hh, 'POST', `/api/v1/campaigns/${ids.campaign}/readings`, { title: '必学篇目' });
    ids.child = reading.id;
    const list = ok<{ items: Array<{ id: number; version: number }> }>(
      await hh.call('admin', 'GET', `/api/v1/campaigns/${ids.campaign}/readings`),
    );
    ids.version = list.items.find((r) => r.id === reading.id)!.version;
  };
  beforeAll(async () => {
    ids.campaign = await fixtureCampaign(h().db, h().fx.units.root.id);
  });
  const managers = (status: number) => ({ admin: status, office: status });
  const recorders = (status: number) => ({ admin: status, office: status, secretary: status, officer: status });

  permissionMatrix(h, [
    {
      label: 'deactivate an empty unit under branchA',
      method: 'POST',
      url: () => `/api/v1/orgs/${ids.subject}/deactivate`,
      body: async (hh) => {
        await freshUnit(hh);
        return { version: ids.version };
      },
      expect: managers(200),
      otherwise: 403,
    },
    {
      label: 'reactivate a stopped unit under branchA',
      method: 'POST',
      url: () => `/api/v1/orgs/${ids.subject}/activate`,
      body: async (hh) => {
        await freshUnit(hh);
        const stopped = await admin(hh, 'POST', `/api/v1/orgs/${ids.subject}/deactivate`, { version: ids.version });
        return { version: stopped.version };
      },
      expect: managers(200),
      otherwise: 403,
    },
    {
      label: 'transfer a person from branchA to branchB',
      method: 'POST',
      url: () => `/api/v1/people/${ids.subject}/transfer`,
      body: async (hh) => {
        await freshPerson(hh);
        return { orgId: hh.fx.units.branchB.id, version: ids.version };
      },
      // The officer keeps branchA but not branchB, where the person would go.
      expect: { admin: 200, office: 200, secretary: 200 },
      otherwise: 403,
    },
    {
      label: 'deactivate a person of branchA',
      method: 'POST',
      url: () => `/api/v1/people/${ids.subject}/deactivate`,
      body: async (hh) => {
        await freshPerson(hh);
        return { version: ids.version };
      },
      expect: recorders(200),
      otherwise: 403,
    },
    {
      label: 'reactivate a person of branchA',
      method: 'POST',
      url: () => `/api/v1/people/${ids.subject}/activate`,
      body: async (hh) => {
        await freshPerson(hh);
        const stopped = await admin(hh, 'POST', `/api/v1/people/${ids.subject}/deactivate`, { version: ids.version });
        return { version: stopped.version };
      },
      expect: recorders(200),
      otherwise: 403,
    },
    {
      label: 'create an account',
      method: 'POST',
      url: () => '/api/v1/users',
      body: () => ({ username: `u${unique()}`, displayName: '新账号', password: 'Passw0rd!x' }),
      expect: { admin: 201 },
      otherwise: 403,
    },
    {
      label: 'rename an account',
      method: 'PATCH',
      url: () => `/api/v1/users/${ids.subject}`,
      body: async (hh) => {
        await freshUser(hh);
        return { version: ids.version, displayName: '改名账号' };
      },
      expect: { admin: 200 },
      otherwise: 403,
    },
    {
      label: 'reset an account password',
      method: 'POST',
      url: () => `/api/v1/users/${ids.subject}/password`,
      body: async (hh) => {
        await freshUser(hh);
        return { password: 'N3wPassw0rd!' };
      },
      expect: { admin: 204 },
      otherwise: 403,
    },
    {
      label: 'revoke a role grant',
      method: 'DELETE',
      url: () => `/api/v1/users/${ids.subject}/grants/${ids.child}`,
      body: async (hh) => {
        await freshUser(hh);
        const user = await hh.call('admin', 'POST', `/api/v1/users/${ids.subject}/grants`, {
          role: 'member',
          scopeKind: 'own',
        });
        ids.child = ok<{ grants: Array<{ id: number }> }>(user).grants[0].id;
        return undefined;
      },
      expect: { admin: 204 },
      otherwise: 403,
    },
    {
      label: 'issue an API token',
      method: 'POST',
      url: () => `/api/v1/users/${ids.subject}/tokens`,
      body: async (hh) => {
        await freshUser(hh);
        return { name: '数据同步' };
      },
      expect: { admin: 201 },
      otherwise: 403,
    },
    {
      label: 'revoke an API token',
      method: 'DELETE',
      url: () => `/api/v1/users/${ids.subject}/tokens/${ids.child}`,
      body: async (hh) => {
        await freshUser(hh);
        ids.child = (await admin(hh, 'POST', `/api/v1/users/${ids.subject}/tokens`, { name: '数据同步' })).id;
        return undefined;
      },
      expect: { admin: 204 },
      otherwise: 403,
    },
    {
      label: 'end a 分管 of branchC',
      method: 'DELETE',
      url: () => `/api/v1/leader-assignments/${ids.subject}`,
      body: async (hh) => {
        const person = await admin(hh, 'POST', '/api/v1/people', {
          orgId: hh.fx.units.root.id,
          name: '矩阵班子成员',
          isPartyMember: true,
        });
        ids.subject = (
          await admin(hh, 'POST', '/api/v1/leader-assignments', { personId: person.id, orgId: hh.fx.units.branchC.id })
        ).id;
        return undefined;
      },
      expect: managers(204),
      otherwise: 403,
    },
    {
      label: 'form a supervision group at the root',
      method: 'POST',
      url: () => '/api/v1/supervision-groups',
      body: (hh) => ({
        name: `督导组${unique()}`,
        kind: 'supervision',
        orgId: hh.fx.units.root.id,
        memberIds: [hh.fx.people.inspector],
        unitIds: [hh.fx.units.brigade.id],
      }),
      expect: managers(201),
      otherwise: 403,
    },
    {
      label: 'rename a supervision group',
      method: 'PATCH',
      url: () => `/api/v1/supervision-groups/${ids.subject}`,
      body: async (hh) => {
        await freshGroup(hh);
        return { version: ids.version, name: `督导组${unique()}` };
      },
      expect: managers(200),
      otherwise: 403,
    },
    {
      label: 'dissolve a supervision group',
      method: 'DELETE',
      url: () => `/api/v1/supervision-groups/${ids.subject}`,
      body: async (hh) => {
        await freshGroup(hh);
        return undefined;
      },
      expect: managers(204),
      otherwise: 403,
    },
    {
      label: 'edit the campaign run at the root',
      method: 'PATCH',
      url: () => `/api/v1/campaigns/${ids.campaign}`,
      body: async (hh) => ({
        version: ok(await hh.call('admin', 'GET', `/api/v1/campaigns/${ids.campaign}`)).version,
        name: '测试主题教育',
      }),
      expect: managers(200),
      otherwise: 403,
    },
    {
      label: 'add a required reading',
      method: 'POST',
      url: () => `/api/v1/campaigns/${ids.campaign}/readings`,
      body: () => ({ title: '必学篇目' }),
      expect: managers(201),
      otherwise: 403,
    },
    {
      label: 'edit a required reading',
      method: 'PATCH',
      url: () => `/api/v1/campaigns/${ids.campaign}/readings/${ids.child}`,
      body: async (hh) => {
        await freshReading(hh);
        return { version: ids.version, title: '必学篇目（修订）' };
      },
      expect: managers(204),
      otherwise: 403,
    },
    {
      label: 'remove a required reading',
      method: 'DELETE',
      url: () => `/api/v1/campaigns/${ids.campaign}/readings/${ids.child}`,
      body: async (hh) => {
        await freshReading(hh);
        return undefined;
      },
      expect: managers(204),
      otherwise: 403,
    },
  ]);
});
