import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';

describeEachDb('audit in the same transaction', (h) => {
  it('rolls the change back when its audit record cannot be written', async () => {
    const { call, fx, db, dialect } = h();
    if (dialect === 'sqlite') {
      await sql`create trigger audit_refuses before insert on audit_events begin select raise(abort, 'audit refused'); end`.execute(
        db,
      );
    } else {
      await sql`create function audit_refuses() returns trigger language plpgsql as $$ begin raise exception 'audit refused'; end $$`.execute(
        db,
      );
      await sql`create trigger audit_refuses before insert on audit_events for each row execute function audit_refuses()`.execute(
        db,
      );
    }
    try {
      const res = await call('office', 'PATCH', `/api/v1/orgs/${fx.units.branchA.id}`, {
        version: 1,
        name: '不应保存的名称',
      });
      expect(res.statusCode).toBe(500);
      expect(res.json().detail).toBe('服务器内部错误，请稍后重试或联系管理员');
      const org = await db
        .selectFrom('orgUnits')
        .select(['name', 'version'])
        .where('id', '=', fx.units.branchA.id)
        .executeTakeFirstOrThrow();
      expect(org).toEqual({ name: '办公室党支部', version: 1 });
    } finally {
      if (dialect === 'sqlite') await sql`drop trigger audit_refuses`.execute(db);
      else await sql`drop trigger audit_refuses on audit_events`.execute(db);
    }
  });

  it('a racing editor who loses with 409 leaves no audit row behind', async () => {
    const { call, fx, db } = h();
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('auditEvents')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const person = (await call('office', 'GET', `/api/v1/people/${fx.people.memberA2}`)).json();
    const before = await count();
    const race = await Promise.all(
      ['甲', '乙'].map((p) =>
        call('office', 'PATCH', `/api/v1/people/${person.id}`, { version: person.version, position: p }),
      ),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await count()).toBe(before + 1);
  });
});
