/**
 * The reproducible spot-check draw (双随机): pure functions only, so anyone holding the published inputs can
 * recompute the result. The pool is frozen as sorted unique ids and hashed; the seed comes from a secret whose
 * hash was committed before the draw, combined with an optional public value; a SHA-256 counter stream keyed
 * by seed, pool hash and count feeds rejection sampling and a partial Fisher–Yates shuffle. No Math.random().
 */
import { createHash } from 'node:crypto';

const PROTOCOL = 'taizhang-draw-v1';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The pool as drawn: unique ids in ascending order (the order the hash and the shuffle start from). */
export function freezePool(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/** The published hash of a frozen pool. */
export function poolHashOf(frozen: readonly number[]): string {
  return sha256Hex(`${PROTOCOL}|pool|${frozen.join(',')}`);
}

/** The published commitment to a secret seed (made before the draw; the secret is revealed with the result). */
export function commitmentOf(secret: string): string {
  return sha256Hex(`${PROTOCOL}|commit|${secret}`);
}

/** The draw's seed: the revealed secret combined with the public value (neither side alone decides it). */
export function seedOf(secret: string, publicValue: string): string {
  return sha256Hex(`${PROTOCOL}|seed|${secret}|${publicValue}`);
}

/** A deterministic stream of 32-bit integers: SHA-256(key ‖ counter), four bytes at a time. */
export function counterStream(key: string): () => number {
  let counter = 0;
  let block = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + 4 > block.length) {
      block = createHash('sha256').update(`${key}|${counter}`, 'utf8').digest();
      counter += 1;
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  };
}

const RANGE = 2 ** 32;

/** A uniform integer in [0, n) by rejection sampling: values past the last whole multiple of n are redrawn (no modulo bias). */
export function uniformBelow(next: () => number, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > RANGE) throw new RangeError(`n out of range: ${n}`);
  const limit = RANGE - (RANGE % n);
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

/** The first `count` items of a Fisher–Yates shuffle of `items` driven by `next`, in the order they were drawn. */
export function partialShuffle<T>(items: readonly T[], count: number, next: () => number): T[] {
  const a = [...items];
  const k = Math.min(count, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + uniformBelow(next, a.length - i);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

export interface DrawInputs {
  /** Ids as chosen; frozen (sorted, unique) before anything else. */
  pool: readonly number[];
  count: number;
  seed: string;
  /** What the stream is for ("units", "inspectors:<orgId>"), so two draws from one seed are independent. */
  purpose: string;
}

/** Draws `count` of the pool; the same inputs always give the same ids, any changed input an unrelated draw. */
export function drawFromPool(inputs: DrawInputs): { frozen: number[]; poolHash: string; drawn: number[] } {
  const frozen = freezePool(inputs.pool);
  const poolHash = poolHashOf(frozen);
  const key = sha256Hex(`${PROTOCOL}|${inputs.purpose}|${inputs.seed}|${poolHash}|${inputs.count}`);
  return { frozen, poolHash, drawn: partialShuffle(frozen, inputs.count, counterStream(key)) };
}

export interface FullDrawInputs {
  pool: readonly number[];
  count: number;
  secret: string;
  publicValue: string;
  /** People the inspectors are drawn from. */
  roster: readonly number[];
  inspectorsPerUnit: number;
  /** Who may not check which unit (own unit, recorded 回避), frozen at the draw. */
  conflicts: ReadonlyArray<{ personId: number; orgId: number }>;
}

export interface DrawResult {
  commitment: string;
  seed: string;
  poolHash: string;
  rosterHash: string;
  drawnOrgIds: number[];
  assignments: Array<{ orgId: number; inspectorIds: number[] }>;
}

/** The whole 双随机 draw: units from the pool, then for each drawn unit its inspectors from the roster minus conflicts. */
export function runDraw(input: FullDrawInputs): DrawResult {
  const seed = seedOf(input.secret, input.publicValue);
  const units = drawFromPool({ pool: input.pool, count: input.count, seed, purpose: 'units' });
  const roster = freezePool(input.roster);
  const assignments = units.drawn.map((orgId) => {
    const barred = new Set(input.conflicts.filter((c) => c.orgId === orgId).map((c) => c.personId));
    const eligible = roster.filter((p) => !barred.has(p));
    const picked = drawFromPool({
      pool: eligible,
      count: input.inspectorsPerUnit,
      seed,
      purpose: `inspectors:${orgId}`,
    });
    return { orgId, inspectorIds: picked.drawn };
  });
  return {
    commitment: commitmentOf(input.secret),
    seed,
    poolHash: units.poolHash,
    rosterHash: poolHashOf(roster),
    drawnOrgIds: units.drawn,
    assignments,
  };
}
