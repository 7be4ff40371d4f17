import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Db } from './db/connection.ts';
import { hashPassword } from './auth/passwords.ts';
import { nowIso } from './clock.ts';

/** Creates an admin account with full scope; used on first start and by `npm run admin`. */
export async function createAdmin(db: Db, username: string, password: string): Promise<number> {
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    const passwordHash = await hashPassword(password);
    let userId: number;
    if (existing) {
      await trx
        .updateTable('users')
        .set({ passwordHash, active: 1, updatedAt: now })
        .where('id', '=', existing.id)
        .execute();
      userId = existing.id;
    } else {
      const row = await trx
        .insertInto('users')
        .values({ username, passwordHash, displayName: '系统管理员', personId: null, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = row.id;
    }
    const grant = await trx
      .selectFrom('roleGrants')
      .select('id')
      .where('userId', '=', userId)
      .where('role', '=', 'admin')
      .executeTakeFirst();
    if (!grant) {
      await trx
        .insertInto('roleGrants')
        .values({ userId, role: 'admin', orgId: null, scopeKind: 'all', createdAt: now, updatedAt: now })
        .execute();
    }
    await trx
      .insertInto('auditEvents')
      .values({
        at: now,
        actorUserId: null,
        actorName: '系统',
        action: existing ? 'reset_password' : 'create',
        entityType: 'user',
        entityId: userId,
        entityLabel: username,
        orgPath: null,
        before: null,
        after: JSON.stringify({ username, roles: ['admin'] }),
      })
      .execute();
    return userId;
  });
}

async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * On an empty database: the demo organisation when TAIZHANG_DEMO=1, else the first admin from
 * TAIZHANG_ADMIN_PASSWORD. No default password exists outside demo mode.
 */
export async function bootstrap(db: Db, config: Config, log: FastifyBaseLogger): Promise<void> {
  if (!(await isEmpty(db))) return;
  if (config.demo) {
    const { loadDemo } = await import('./demo/load-demo.ts');
    const password = await loadDemo(db, { password: config.demoPassword, dataDir: config.dataDir });
    log.info(
      `已载入演示单位。演示账号 admin、office、secretary、leader、officer、member、supervisor、branch 的密码：${password}`,
    );
    return;
  }
  if (config.adminPassword) {
    await createAdmin(db, 'admin', config.adminPassword);
    log.info('已根据 TAIZHANG_ADMIN_PASSWORD 创建管理员账号 admin');
    return;
  }
  log.warn(
    '数据库中还没有任何账号：请设置 TAIZHANG_ADMIN_PASSWORD 后重启，或运行 `npm run admin -- admin <密码>` 创建管理员',
  );
}
