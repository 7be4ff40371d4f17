import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTION_LABELS, FIELD_LABELS, HIDDEN_FIELDS } from './vocabulary.ts';

const server = path.resolve(import.meta.dirname, '../server');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every audit action the server writes: the string literals on the `action:` lines of its audit entries. */
function emittedActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(server)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('recordAudit')) continue;
    for (const line of text.split('\n')) {
      if (!/\baction:\s*[^A-Z]/.test(line) || line.includes('Type.')) continue;
      // Literals compared against (`status === 'done' ? …`) are conditions, not actions.
      for (const m of line.replace(/[!=]==\s*'[a-z_]+'/g, '').matchAll(/'([a-z_]+)'/g)) found.add(m[1]);
    }
  }
  return found;
}

/** The fields a write can carry: the properties of every request body schema (audits record the input as given). */
async function bodyFields(): Promise<Map<string, string>> {
  const fields = new Map<string, string>();
  const walk = (schema: unknown, where: string) => {
    const s = schema as { properties?: Record<string, unknown>; items?: unknown; anyOf?: unknown[] };
    for (const [key, value] of Object.entries(s?.properties ?? {})) {
      if (!fields.has(key)) fields.set(key, where);
      walk(value, where);
    }
    if (s?.items) walk(s.items, where);
    for (const a of s?.anyOf ?? []) walk(a, where);
  };
  for (const file of sources(path.join(server, 'modules')).filter((f) => f.endsWith('schemas.ts'))) {
    const mod = await import(pathToFileURL(file).href);
    for (const [name, schema] of Object.entries(mod))
      if (/(Body|Patch)$/.test(name)) walk(schema, `${path.basename(path.dirname(file))}.${name}`);
  }
  return fields;
}

describe('the vocabulary of what the UI shows', () => {
  it('has a Chinese label for every audit action the server can emit', () => {
    const actions = emittedActions();
    expect(actions.size).toBeGreaterThan(20);
    const missing = [...actions].filter((a) => !ACTION_LABELS[a]);
    expect(missing).toEqual([]);
  });

  it('has a Chinese label for every field a write can record', async () => {
    const fields = await bodyFields();
    expect(fields.size).toBeGreaterThan(30);
    const missing = [...fields]
      .filter(([key]) => !FIELD_LABELS[key] && !HIDDEN_FIELDS.has(key))
      .map(([k, w]) => `${k} (${w})`);
    expect(missing).toEqual([]);
  });

  it('labels every action and field in Chinese, never a code', () => {
    for (const label of [...Object.values(ACTION_LABELS), ...Object.values(FIELD_LABELS)])
      expect(label).toMatch(/[\u4e00-\u9fff]/);
  });
});
