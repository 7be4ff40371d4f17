import { loadConfig, ConfigError } from './config.ts';
import { openDatabase, dialectOf } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { bootstrap } from './bootstrap.ts';
import { ensureTallies, pruneTalliesHourly } from './tallies.ts';
import { startScheduler } from './scheduler.ts';
import { underStartupLock } from './db/startup-lock.ts';
import { releaseNow } from './lib/memory-release.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`配置错误：${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const db = openDatabase(config.databaseUrl, { backgroundCheckpoints: true });
  const app = await buildApp({ db, config, logger: { level: config.logLevel } });
  try {
    await migrateToLatest(db);
  } catch (error) {
    app.log.error(error instanceof Error ? error.message : error);
    if (dialectOf(config.databaseUrl) === 'postgres') {
      app.log.error('请检查 DATABASE_URL 指向的 PostgreSQL 是否已启动、数据库是否存在、用户是否有权限');
    }
    process.exit(3);
  }
  // Nodes starting together on one PostgreSQL take turns: one seeds an empty database, the others find it seeded.
  await underStartupLock(db, async (conn) => {
    await bootstrap(conn, config, app.log);
    await ensureTallies(conn);
  });
  releaseNow(); // rebuilding a city's figures grows the heap by a few hundred MB
  const stopPruning = pruneTalliesHourly(db, app.log);
  const stopScheduler = startScheduler(db, config, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, '正在关闭服务');
    stopPruning();
    stopScheduler();
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
    app.log.info(
      `台账已启动：http://localhost:${config.port}（数据库：${dialectOf(config.databaseUrl) === 'postgres' ? 'PostgreSQL' : 'SQLite'}）`,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') app.log.error(`端口 ${config.port} 已被占用：请设置 PORT 为其他端口，例如 PORT=3001`);
    else app.log.error(error);
    await db.destroy();
    process.exit(1);
  }
}

void main();
