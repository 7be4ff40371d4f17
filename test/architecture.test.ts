/**
 * House rules that keep the code livable, checked on every run: modules talk to each other only through
 * their public surface, a module writes only its own tables, every error code lives in errors.ts, web
 * features never import each other, and nothing imports in a circle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const importRe = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/g;
const dynamicRe = /import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const re of [importRe, dynamicRe]) {
    for (const m of text.matchAll(re)) out.push(path.resolve(path.dirname(file), m[1]));
  }
  return out;
}

const files = walk(src).filter((f) => !f.endsWith('.test.ts'));
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(root, f);

/** Which server module or web feature a file belongs to, if any. */
function unitOf(file: string): { kind: 'module' | 'feature'; name: string; rest: string } | null {
  const r = rel(file).split(path.sep);
  if (r[0] === 'src' && r[1] === 'server' && r[2] === 'modules' && r.length > 4)
    return { kind: 'module', name: r[3], rest: r.slice(4).join('/') };
  if (r[0] === 'src' && r[1] === 'web' && r[2] === 'features' && r.length > 4)
    return { kind: 'feature', name: r[3], rest: r.slice(4).join('/') };
  return null;
}

// What one server module may import from another: its public surface, its table types, the audit recorder.
const moduleSurface = new Set(['public.ts', 'tables.ts', 'record-audit.ts']);

/** Table name → the module whose tables.ts declares it (the keys of its exported `…Tables` interface). */
function tableOwners(): Map<string, string> {
  const owner = new Map<string, string>();
  const modules = path.join(src, 'server', 'modules');
  for (const mod of fs.readdirSync(modules)) {
    const file = path.join(modules, mod, 'tables.ts');
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const block of text.matchAll(/export interface \w+Tables\b[^{]*\{([\s\S]*?)\n\}/g))
      for (const key of block[1].matchAll(/^ {2}(\w+)\??:/gm)) owner.set(key[1], mod);
  }
  return owner;
}

describe('architecture', () => {
  it('server modules import each other only through public.ts (or table types and the audit recorder)', () => {
    const violations: string[] = [];
    for (const [file, deps] of graph) {
      const from = unitOf(file);
      if (from?.kind !== 'module') continue;
      for (const dep of deps) {
        const to = unitOf(dep);
        if (to && to.kind === 'module' && to.name !== from.name && !moduleSurface.has(to.rest)) {
          violations.push(`${rel(file)} → ${rel(dep)}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('web features never import each other', () => {
    const violations: string[] = [];
    for (const [file, deps] of graph) {
      const from = unitOf(file);
      if (from?.kind !== 'feature') continue;
      for (const dep of deps) {
        const to = unitOf(dep);
        if (to && to.kind === 'feature' && to.name !== from.name) violations.push(`${rel(file)} → ${rel(dep)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the web app never imports server code', () => {
    const violations = [...graph].flatMap(([file, deps]) =>
      rel(file).startsWith(`src${path.sep}web`)
        ? deps.filter((d) => rel(d).startsWith(`src${path.sep}server`)).map((d) => `${rel(file)} → ${rel(d)}`)
        : [],
    );
    expect(violations).toEqual([]);
  });

  it('has no circular imports', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, stack: string[]) => {
      const s = state.get(file);
      if (s === 'done') return;
      if (s === 'visiting') {
        cycles.push([...stack.slice(stack.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const dep of graph.get(file) ?? []) if (graph.has(dep)) visit(dep, [...stack, file]);
      state.set(file, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('a server module writes only the tables its own tables.ts declares', () => {
    const owner = tableOwners();
    const write = /(?:insertInto|updateTable|deleteFrom|replaceInto)\(\s*'(\w+)'|updateVersioned\(\s*\w+,\s*'(\w+)'/g;
    const violations: string[] = [];
    for (const file of files) {
      const from = unitOf(file);
      if (from?.kind !== 'module') continue;
      for (const m of fs.readFileSync(file, 'utf8').matchAll(write)) {
        const table = m[1] ?? m[2];
        const mod = owner.get(table);
        if (mod !== from.name) violations.push(`${rel(file)} writes ${table} (${mod ?? 'no tables.ts declares it'})`);
      }
    }
    expect(owner.size).toBeGreaterThan(20);
    expect(violations).toEqual([]);
  });

  it('no call site mints an error code: every code is a named factory in errors.ts', () => {
    const minted = /\bnew AppError\(|\bconflict\(\s*'/;
    const violations = files
      .filter((f) => f.includes(`${path.sep}server${path.sep}`) && !f.endsWith(`server${path.sep}errors.ts`))
      .filter((f) => minted.test(fs.readFileSync(f, 'utf8')))
      .map(rel);
    expect(violations).toEqual([]);
  });

  it('keeps files small enough to read (split before 500 lines)', () => {
    const big = files.filter((f) => fs.readFileSync(f, 'utf8').split('\n').length > 500).map(rel);
    expect(big).toEqual([]);
  });
});

/** Files that register HTTP routes (app.get/post/… calls). */
const routeFiles = files.filter((f) => /\bapp\.(get|post|patch|put|delete|all)\(/.test(fs.readFileSync(f, 'utf8')));

describe('thin routes and owned rules', () => {
  it('route files hold no SQL and open no transactions: queries live in repositories, writes in commands', () => {
    const sqlRe = /\b(selectFrom|insertInto|updateTable|deleteFrom)\(|\.transaction\(|\bsql`/;
    // Left for the helpers who own these files in this round (study sessions, the ledger imports); shrink only.
    const pending = new Set<string>([]);
    const offenders = routeFiles.map(rel).filter((f) => sqlRe.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(routeFiles.length).toBeGreaterThan(30);
    expect(offenders.filter((f) => !pending.has(f))).toEqual([]);
    expect([...pending].filter((f) => !offenders.includes(f))).toEqual([]);
  });

  it("inScope() outside db/ names only the calling module's own tables (another module's rule comes from its public.ts)", () => {
    const owner = tableOwners();
    const call = /\binScope\(\s*[\w.]+,\s*'(\w+)\.\w+'/g;
    const violations: string[] = [];
    for (const file of files) {
      if (rel(file).startsWith(path.join('src', 'server', 'db'))) continue;
      for (const m of fs.readFileSync(file, 'utf8').matchAll(call)) {
        const from = unitOf(file);
        if (!from || owner.get(m[1]) !== from.name)
          violations.push(`${rel(file)}: inScope over ${m[1]} (${owner.get(m[1])})`);
      }
    }
    expect(violations).toEqual([]);
  });
});

describe('command files', () => {
  it('a command file exports its use case and nothing else at run time (helpers live in named non-command files)', () => {
    const runtimeExport = /^export (?:async )?(?:function|const|let|class) /gm;
    // Files under commands/ that still export helpers beside their use case (or hold only helpers), left for
    // the helpers who own those modules; shrink only.
    const pending = new Set<string>([]);
    const modules = path.join(src, 'server', 'modules');
    const several = files
      .filter((f) => f.startsWith(modules) && path.basename(path.dirname(f)) === 'commands')
      .map((f) => ({ f: path.relative(modules, f), n: [...fs.readFileSync(f, 'utf8').matchAll(runtimeExport)].length }))
      .filter((x) => x.n > 1)
      .map((x) => x.f);
    expect(several.filter((f) => !pending.has(f))).toEqual([]);
    expect([...pending].filter((f) => !several.includes(f))).toEqual([]);
  });
});
