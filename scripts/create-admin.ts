/** `npm run admin -- <username> <password>`: creates (or resets) an admin account. */
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/connection.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { createAdmin } from '../src/server/bootstrap.ts';
import { passwordProblem } from '../src/server/auth/passwords.ts';

const [username, password] = process.argv.slice(2);
if (!username || !password) {
  console.error('用法：npm run admin -- <用户名> <密码>');
  process.exit(2);
}
const problem = passwordProblem(password);
if (problem) {
  console.error(`密码不符合要求：${problem}`);
  process.exit(2);
}
const config = loadConfig();
const db = openDatabase(config.databaseUrl);
await migrateToLatest(db);
await createAdmin(db, username, password);
await db.destroy();
console.log(`管理员账号 ${username} 已就绪`);
