import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('#orgs', (h) => {
  it('lists only the caller’s subtree: an officer sees their branch, not its siblings', async () => {
    const { fx, call } = h();
    const res = await call('officer', 'GET', '/api/v1/orgs?pageSize=200');
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((o: { id: number }) => o.id);
    expect(ids).toEqual([fx.units.branchA.id]);
    const all = await call('office', 'GET', '/api/v1/orgs?pageSize=200');
    expect(all.json().total).toBe(6);
  });

  it('answers 404 for a unit outside the scope and 403 for a write to it', async () => {
    const { fx, call } = h();
    expect((await call('officer', 'GET', `/api/v1/orgs/${fx.units.branchB.id}`)).statusCode).toBe(404);
    const write = await call('officer', 'PATCH', `/api/v1/orgs/${fx.units.branchB.id}`, { version: 1, name: '改名' });
    expect(write.statusCode).toBe(403);
    expect(write.headers['content-type']).toContain('application/problem+json');
    expect((await call('officer', 'GET', '/api/v1/orgs/999999')).statusCode).toBe(404);
  });

  it('answers the tree nested to its leaves, every node with its fields and abilities', async () => {
    const { fx, call } = h();
    const res = await call('office', 'GET', `/api/v1/orgs/${fx.units.root.id}/tree`);
    expect(res.statusCode).toBe(200);
    const root = res.json();
    expect(root).toMatchObject({ id: fx.units.root.id, name: '市局党委', typeLabel: expect.any(String) });
    const committee = root.children.find((c: { id: number }) => c.id === fx.units.committee.id);
    const leaves = committee.children.map((c: { id: number; children: unknown[] }) => [c.id, c.children]);
    expect(leaves).toEqual([
      [fx.units.branchA.id, []],
      [fx.units.branchB.id, []],
    ]);
    expect(committee.children[0]).toMatchObject({ version: 1, active: true, abilities: { update: true } });
  });

  it('finds a unit by pinyin initials', async () => {
    const { fx, call } = h();
    const res = await call('office', 'GET', `/api/v1/orgs?q=${encodeURIComponent('bgsdzb')}`);
    expect(res.json().items.map((o: { id: number }) => o.id)).toEqual([fx.units.branchA.id]);
  });

  it('creates, renames and moves a unit with its subtree, rewriting paths of people below it', async () => {
    const { fx, call, db } = h();
    const created = await call('office', 'POST', '/api/v1/orgs', {
      parentId: fx.units.committee.id,
      name: '临时党小组',
      type: 'other',
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    const child = (
      await call('office', 'POST', '/api/v1/orgs', { parentId: org.id, name: '下级小组', type: 'other' })
    ).json();
    await db
      .insertInto('people')
      .values({
        orgId: child.id,
        orgPath: `${fx.units.committee.path}${org.id}/${child.id}/`,
        name: '测试人',
        namePinyin: 'ceshiren',
        nameInitials: 'csr',
        createdAt: 'x',
        updatedAt: 'x',
      })
      .execute();

    const renamed = await call('office', 'PATCH', `/api/v1/orgs/${org.id}`, { version: 1, name: '临时党小组（改）' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().version).toBe(2);

    const moved = await call('office', 'POST', `/api/v1/orgs/${org.id}/move`, {
      parentId: fx.units.brigade.id,
      version: 2,
    });
    expect(moved.statusCode).toBe(200);
    const tree = (await call('office', 'GET', `/api/v1/orgs/${fx.units.brigade.id}/tree`)).json();
    expect(tree.children.map((c: { name: string }) => c.name)).toContain('临时党小组（改）');
    const person = await db
      .selectFrom('people')
      .select('orgPath')
      .where('orgId', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(person.orgPath).toBe(`${fx.units.brigade.path}${org.id}/${child.id}/`);

    const audit = await db
      .selectFrom('auditEvents')
      .select(['action'])
      .where('entityType', '=', 'org')
      .where('entityId', '=', org.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'move']);
  });

  it('refuses to move a unit under its own descendant, and a stale version gets 409', async () => {
    const { fx, call } = h();
    const brigade = (await call('office', 'GET', `/api/v1/orgs/${fx.units.brigade.id}`)).json();
    const loop = await call('office', 'POST', `/api/v1/orgs/${brigade.id}/move`, {
      parentId: fx.units.branchC.id,
      version: brigade.version,
    });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().errors[0].path).toBe('parentId');
    const stale = await call('office', 'PATCH', `/api/v1/orgs/${brigade.id}`, {
      version: brigade.version + 5,
      name: 'x',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });

  it('rejects bad input with Chinese field messages and writes nothing', async () => {
    const { fx, call, db } = h();
    const before = await db
      .selectFrom('orgUnits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const long = await call('office', 'POST', '/api/v1/orgs', {
      parentId: fx.units.root.id,
      name: '长'.repeat(61),
      type: 'branch',
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0]).toEqual({ path: 'name', message: '“单位名称”不能超过 60 个字符' });
    const unknown = await call('office', 'POST', '/api/v1/orgs', {
      parentId: fx.units.root.id,
      name: '甲',
      type: 'branch',
      colour: 'red',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('colour');
    const wrongType = await call('office', 'POST', '/api/v1/orgs', { parentId: '1', name: '甲', type: 'branch' });
    expect(wrongType.statusCode).toBe(400);
    const malformed = await h().app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: '{"name":',
      headers: { cookie: await h().cookie('office'), 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('malformed_json');
    const after = await db
      .selectFrom('orgUnits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('deactivates only a unit with nothing active under it', async () => {
    const { fx, call } = h();
    const busy = await call('office', 'POST', `/api/v1/orgs/${fx.units.branchB.id}/deactivate`, { version: 1 });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().detail).toContain('在册人员');
  });
});
