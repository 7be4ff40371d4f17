import { commitmentOf, poolHashOf, runDraw } from './draw.ts';
import type { DrawRow } from './repository.ts';
import { OWN_UNIT, type Conflict } from './conflicts.ts';

/** Recomputes a draw from its published inputs and says, part by part, whether the stored result holds. */
export function verifyDraw(d: DrawRow) {
  if (d.status === 'committed') return { id: d.id, status: d.status, valid: null, commitment: d.commitment };
  const pool: number[] = JSON.parse(d.pool);
  const roster: number[] = JSON.parse(d.roster);
  const conflicts = (JSON.parse(d.conflicts) as Conflict[]).map((c) => ({
    personId: c.personId,
    orgId: c.orgId,
    // Published as its kind only: who stepped aside matters to the draw, why (近亲属任职 …) is theirs.
    reason: c.reason === OWN_UNIT ? OWN_UNIT : '登记回避',
  }));
  const stored = JSON.parse(d.result) as { drawnOrgIds: number[]; assignments: unknown };
  const recomputed = runDraw({
    pool,
    count: d.count,
    secret: d.secret,
    publicValue: d.publicValue,
    roster,
    inspectorsPerUnit: d.inspectorsPerUnit,
    conflicts,
  });
  const parts = {
    commitment: commitmentOf(d.secret) === d.commitment,
    poolHash: poolHashOf(pool) === d.poolHash,
    seed: recomputed.seed === d.seed,
    drawnOrgIds: JSON.stringify(recomputed.drawnOrgIds) === JSON.stringify(stored.drawnOrgIds),
    assignments: JSON.stringify(recomputed.assignments) === JSON.stringify(stored.assignments),
  };
  return {
    id: d.id,
    status: d.status,
    valid: Object.values(parts).every(Boolean),
    parts,
    inputs: {
      pool,
      poolHash: d.poolHash,
      count: d.count,
      commitment: d.commitment,
      secret: d.secret,
      publicValue: d.publicValue,
      roster,
      inspectorsPerUnit: d.inspectorsPerUnit,
      conflicts,
    },
    recomputed,
    protocol:
      'seed = SHA-256("taizhang-draw-v1|seed|" + secret + "|" + publicValue)；单位池按编号升序去重后取 SHA-256；' +
      '以 SHA-256(用途|seed|poolHash|count|计数器) 生成 32 位整数流，拒绝采样后做部分 Fisher–Yates 洗牌',
  };
}
