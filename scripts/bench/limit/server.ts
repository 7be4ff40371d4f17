/**
 * The honest limit as a process of its own (started by the benchmark like the server under test, never
 * inside the load generator): Fastify 5 with the API's query and response schemas, the driver used directly
 * with prepared statements (limit/sql.ts), the same database. Env: DATABASE_URL, PORT, HOST.
 */
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { loadActor, type Actor } from '../../../src/server/auth/actor.ts';
import { openDatabase } from '../../../src/server/db/connection.ts';
import { validatorCompiler } from '../../../src/server/http/validation.ts';
import { BENCH_USER } from '../generate.ts';
import { limitRoutes } from './routes.ts';
import { openLimitDb } from './sql.ts';

const url = process.env.DATABASE_URL!;
// The bench account's actor, loaded once (the served side caches actors too): the limit serves only it.
const kysely = openDatabase(url, { poolSize: 1 });
const actors = new Map<number, Actor>();
try {
  const user = await kysely
    .selectFrom('users')
    .select('id')
    .where('username', '=', BENCH_USER)
    .executeTakeFirstOrThrow();
  actors.set(user.id, (await loadActor(kysely, user.id))!);
} finally {
  await kysely.destroy();
}

const db = openLimitDb(url);
const app = Fastify({ ajv: { customOptions: { removeAdditional: false } } }).withTypeProvider<TypeBoxTypeProvider>();
app.setValidatorCompiler(validatorCompiler);
await app.register(cookie);
app.get('/api/v1/health', async () => ({ ok: true }));
limitRoutes(app, db, actors);
await app.listen({ port: Number(process.env.PORT), host: process.env.HOST ?? '127.0.0.1' });

const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
