/**
 * House-keeping counts for issue 9's closing note: long lines, role lists and role checks outside policies,
 * routes with SQL, hand-typed web response types, routes without a response schema or a matrix row.
 * Run: node scripts/house-metrics.ts (builds the app on a throwaway SQLite database to read its routes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { freshDatabase } from '../src/server/testing/databases.ts';
import {
  apiOperations,
  operationsWithoutResponseSchema,
  operationsWithoutRow,
} from '../src/server/testing/route-coverage.ts';

const root = path.resolve(import.meta.dirname, '..');
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
const rel = (f: string) => path.relative(root, f);
const all = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'test'))];
const source = all.filter((f) => !/\.test\.tsx?$/.test(f) && !rel(f).startsWith('src/server/testing'));
const read = (f: string) => fs.readFileSync(f, 'utf8');

const longLines = all.reduce(
  (n, f) =>
    n +
    read(f)
      .split('\n')
      .filter((l) => l.length > 120).length,
  0,
);

const roles = 'admin|office|secretary|officer|leader|member|supervisor';
const roleList = new RegExp(`\\[\\s*'(?:${roles})'\\s*,\\s*'(?:${roles})'`, 'g');
const roleCall = new RegExp(`hasRole\\([^,()]+,\\s*'(?:${roles})'`, 'g');
const policyHome = (f: string) => rel(f).startsWith('src/server/policies/') || rel(f) === 'src/shared/roles.ts';
let roleLists = 0;
let roleCallsOutsidePolicy = 0;
for (const f of source.filter((f) => !policyHome(f))) {
  const t = read(f);
  roleLists += (t.match(roleList) ?? []).length;
  if (!f.endsWith('policy.ts')) roleCallsOutsidePolicy += (t.match(roleCall) ?? []).length;
}

// Role checks written in server module files other than policy.ts: rules living outside the module's policy.
const roleCheck = /\b(?:hasRole|inGroup|isManager|isReviewer|isRecorder|isRectifier|isResearchLead|isOfficer)\(/g;
const inlinePolicies = source
  .filter((f) => rel(f).startsWith('src/server/modules/') && !f.endsWith('policy.ts'))
  .map((f) => ({ f: rel(f), n: (read(f).match(roleCheck) ?? []).length }))
  .filter((x) => x.n > 0);

const isRouteFile = (t: string) => /\bapp\.(get|post|patch|put|delete)\(/.test(t);
const sqlRe = /\b(selectFrom|insertInto|updateTable|deleteFrom)\(|\.transaction\(|\bsql`/;
const routesWithSql = source.filter((f) => isRouteFile(read(f)) && sqlRe.test(read(f))).map(rel);

const inlineSchemas = source
  .filter((f) => isRouteFile(read(f)) && /\bType\.(Object|Union|Array)\(/.test(read(f)))
  .map(rel);

// Response shapes typed by hand in the web app (an interface or object type with an id field).
const webTypeRe = /(?:interface \w+(?:<[^>]*>)? (?:extends [^{]+)?\{|type \w+(?:<[^>]*>)? = \{)([^}]*)\}/g;
let handTypedWebTypes = 0;
for (const f of source.filter((f) => rel(f).startsWith('src/web/')))
  for (const m of read(f).matchAll(webTypeRe)) if (/\bid\??: number/.test(m[1])) handTypedWebTypes++;

const tdb = await freshDatabase('sqlite');
const app = await buildApp({ db: tdb.db, config: { ...loadConfig({}), databaseUrl: tdb.url } });
await app.ready();
const doc = app.swagger() as unknown as Parameters<typeof operationsWithoutResponseSchema>[0];
const ops = apiOperations(doc);
const noSchema = operationsWithoutResponseSchema(doc);
const noRow = operationsWithoutRow(ops);
await app.close();
await tdb.drop();

const out = {
  longLines,
  roleLists,
  roleCallsOutsidePolicy,
  inlinePolicyFiles: inlinePolicies.length,
  inlinePolicyChecks: inlinePolicies.reduce((n, x) => n + x.n, 0),
  routeFilesWithSql: routesWithSql.length,
  routeFilesWithInlineSchemas: inlineSchemas.length,
  handTypedWebTypes,
  apiOperations: ops.length,
  operationsWithoutResponseSchema: noSchema.length,
  operationsWithoutMatrixRow: noRow.length,
};
console.log(JSON.stringify(out, null, 2));
if (process.argv.includes('--detail'))
  console.log(
    JSON.stringify(
      {
        inlinePolicies,
        routesWithSql,
        inlineSchemas,
        noSchema: noSchema.map((o) => `${o.method} ${o.path}`),
        noRow: noRow.map((o) => `${o.method} ${o.path}`),
      },
      null,
      2,
    ),
  );
