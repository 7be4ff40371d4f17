/**
 * 验证 in the browser: the 双随机 draw recomputed here, with the Web Crypto SHA-256, from the inputs the server
 * publishes — not the server's own verdict. A second, independent implementation of the protocol
 * ("taizhang-draw-v1", see src/server/modules/checks/draw.ts): frozen pool (unique ids ascending) and its hash,
 * seed = SHA-256(secret | public value), a SHA-256 counter stream, rejection sampling, partial Fisher–Yates.
 */
const PROTOCOL = 'taizhang-draw-v1';
const RANGE = 2 ** 32;

export interface PublishedInputs {
  pool: number[];
  count: number;
  secret: string;
  publicValue: string;
  roster: number[];
  inspectorsPerUnit: number;
  conflicts: Array<{ personId: number; orgId: number }>;
}

export interface Recomputed {
  commitment: string;
  seed: string;
  poolHash: string;
  drawnOrgIds: number[];
  assignments: Array<{ orgId: number; inspectorIds: number[] }>;
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

async function sha256Hex(text: string): Promise<string> {
  return [...(await digest(text))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const freeze = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** 32-bit big-endian words of SHA-256(key | 0), SHA-256(key | 1), … */
function stream(key: string): () => Promise<number> {
  let counter = 0;
  let block: Uint8Array = new Uint8Array(0);
  let offset = 0;
  return async () => {
    if (offset + 4 > block.length) {
      block = await digest(`${key}|${counter}`);
      counter += 1;
      offset = 0;
    }
    const view = new DataView(block.buffer, block.byteOffset + offset, 4);
    offset += 4;
    return view.getUint32(0, false);
  };
}

async function below(next: () => Promise<number>, n: number): Promise<number> {
  const limit = RANGE - (RANGE % n);
  for (;;) {
    const x = await next();
    if (x < limit) return x % n;
  }
}

async function draw(pool: readonly number[], count: number, seed: string, purpose: string) {
  const frozen = freeze(pool);
  const poolHash = await sha256Hex(`${PROTOCOL}|pool|${frozen.join(',')}`);
  const next = stream(await sha256Hex(`${PROTOCOL}|${purpose}|${seed}|${poolHash}|${count}`));
  const a = [...frozen];
  const k = Math.min(count, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + (await below(next, a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return { poolHash, drawn: a.slice(0, k) };
}

/** The whole draw from its published inputs. */
export async function recomputeDraw(input: PublishedInputs): Promise<Recomputed> {
  const seed = await sha256Hex(`${PROTOCOL}|seed|${input.secret}|${input.publicValue}`);
  const units = await draw(input.pool, input.count, seed, 'units');
  const roster = freeze(input.roster);
  const assignments = [];
  for (const orgId of units.drawn) {
    const barred = new Set(input.conflicts.filter((c) => c.orgId === orgId).map((c) => c.personId));
    const picked = await draw(
      roster.filter((p) => !barred.has(p)),
      input.inspectorsPerUnit,
      seed,
      `inspectors:${orgId}`,
    );
    assignments.push({ orgId, inspectorIds: picked.drawn });
  }
  return {
    commitment: await sha256Hex(`${PROTOCOL}|commit|${input.secret}`),
    seed,
    poolHash: units.poolHash,
    drawnOrgIds: units.drawn,
    assignments,
  };
}

export interface PublishedResult {
  commitment: string;
  seed: string | null;
  poolHash: string | null;
  drawnOrgIds: number[];
  assignments: Array<{ orgId: number; inspectorIds: number[] }>;
}

/** Part by part: does the published result follow from the published inputs? */
export async function checkDraw(inputs: PublishedInputs, published: PublishedResult) {
  const again = await recomputeDraw(inputs);
  const parts = {
    commitment: again.commitment === published.commitment,
    poolHash: again.poolHash === published.poolHash,
    seed: again.seed === published.seed,
    drawnOrgIds: JSON.stringify(again.drawnOrgIds) === JSON.stringify(published.drawnOrgIds),
    assignments: JSON.stringify(again.assignments) === JSON.stringify(published.assignments),
  };
  return { valid: Object.values(parts).every(Boolean), parts, recomputed: again };
}
