import crypto from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { hashPassword } from '../auth/passwords.ts';
import { nowIso } from '../clock.ts';
import { pinyinKeys } from '../lib/pinyin.ts';
import type { Role, ScopeKind } from '../../shared/roles.ts';

/** Minimal demo organisation; replaced by the full 城管局 model. */
export async function loadDemo(db: Db, options: { password: string | null }): Promise<string> {
  const password = options.password ?? crypto.randomBytes(6).toString('base64url') + '9a';
  const passwordHash = await hashPassword(password);
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const addOrg = async (parent: { id: number; path: string; depth: number } | null, name: string, type: string) => {
      const row = await trx
        .insertInto('orgUnits')
        .values({ parentId: parent?.id ?? null, name, type, path: 'tmp', depth: (parent?.depth ?? -1) + 1, ...pinyinKeys(name), createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${parent?.path ?? '/'}${row.id}/`;
      await trx.updateTable('orgUnits').set({ path }).where('id', '=', row.id).execute();
      return { id: row.id, path, depth: (parent?.depth ?? -1) + 1 };
    };
    const addPerson = async (org: { id: number; path: string }, name: string, position: string) => {
      const row = await trx
        .insertInto('people')
        .values({ orgId: org.id, orgPath: org.path, name, ...pinyinKeys(name), position, isPartyMember: 1, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const addUser = async (username: string, displayName: string, personId: number | null, role: Role, orgId: number | null, scopeKind: ScopeKind) => {
      const user = await trx
        .insertInto('users')
        .values({ username, passwordHash, displayName, personId, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('roleGrants').values({ userId: user.id, role, orgId, scopeKind, createdAt: now, updatedAt: now }).execute();
    };
    const root = await addOrg(null, '市城市管理局党委', 'party_committee');
    const office = await addOrg(root, '机关党委', 'party_committee');
    const branchA = await addOrg(office, '办公室党支部', 'branch');
    const branchB = await addOrg(office, '市容科党支部', 'branch');
    const p1 = await addPerson(root, '王建国', '局长');
    const p2 = await addPerson(office, '李红梅', '主题教育办公室主任');
    const p3 = await addPerson(root, '张三维', '副局长');
    const p4 = await addPerson(branchA, '赵立新', '支部书记');
    const p5 = await addPerson(branchA, '孙晓雨', '科员');
    await addPerson(branchB, '周文斌', '支部书记');
    await trx.insertInto('leaderAssignments').values({ personId: p3, orgId: branchB.id, createdAt: now }).execute();
    await addUser('admin', '系统管理员', null, 'admin', null, 'all');
    await addUser('office', '李红梅', p2, 'office', root.id, 'subtree');
    await addUser('secretary', '王建国', p1, 'secretary', root.id, 'subtree');
    await addUser('leader', '张三维', p3, 'leader', root.id, 'assigned');
    await addUser('officer', '赵立新', p4, 'officer', branchA.id, 'subtree');
    await addUser('member', '孙晓雨', p5, 'member', null, 'own');
    await addUser('supervisor', '督导组', null, 'supervisor', null, 'group');
  });
  return password;
}
