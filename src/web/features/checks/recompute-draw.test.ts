import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runDraw } from '../../../server/modules/checks/draw.ts';
import { checkDraw, recomputeDraw, type PublishedInputs } from './recompute-draw.ts';

/** Computed by a third, separate implementation of taizhang-draw-v1 (Python's hashlib), written from DOMAIN.md. */
const KNOWN: { input: PublishedInputs; output: Awaited<ReturnType<typeof recomputeDraw>> } = {
  input: {
    pool: [41, 7, 19, 3, 88, 23, 54, 12, 66, 30],
    count: 4,
    secret: '0f'.repeat(32),
    publicValue: '福彩3D 第2026325期 518',
    roster: [501, 502, 503, 504, 505],
    inspectorsPerUnit: 2,
    conflicts: [
      { personId: 501, orgId: 41 },
      { personId: 502, orgId: 7 },
      { personId: 503, orgId: 19 },
    ],
  },
  output: {
    commitment: 'ada750da4552c592450cfb25ab506d73df6572bb6801a135ead31bd8cdb86c40',
    seed: '73fdaabc01a2660fc33d261b285ecddb6a8a3798fdd50207c540efc770be0ff3',
    poolHash: '25cc881bebf315ff614bb5329ffe9f9f75c94707d48093bd3c2f643b9f3662c9',
    drawnOrgIds: [7, 41, 30, 12],
    assignments: [
      { orgId: 7, inspectorIds: [501, 505] },
      { orgId: 41, inspectorIds: [504, 505] },
      { orgId: 30, inspectorIds: [502, 501] },
      { orgId: 12, inspectorIds: [503, 501] },
    ],
  },
};

describe('验证 in the browser (Web Crypto)', () => {
  it('gives the known answer, as the server does', async () => {
    expect(await recomputeDraw(KNOWN.input)).toEqual(KNOWN.output);
    const { rosterHash: _, ...server } = runDraw(KNOWN.input);
    expect(server).toEqual(KNOWN.output);
  });

  it('agrees with the server for any inputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 30 }),
        fc.nat(8),
        fc.string(),
        fc.string(),
        fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 12 }),
        fc.nat(3),
        async (pool, count, secret, publicValue, roster, perUnit) => {
          const conflicts = pool
            .slice(0, 3)
            .flatMap((orgId) => roster.slice(0, 1).map((personId) => ({ personId, orgId })));
          const input = { pool, count, secret, publicValue, roster, inspectorsPerUnit: perUnit, conflicts };
          const { rosterHash: _, ...server } = runDraw(input);
          expect(await recomputeDraw(input)).toEqual(server);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('says which published part does not follow from the inputs', async () => {
    const ok = await checkDraw(KNOWN.input, KNOWN.output);
    expect(ok.valid).toBe(true);
    const swapped = await checkDraw(KNOWN.input, { ...KNOWN.output, drawnOrgIds: [41, 7, 30, 12] });
    expect(swapped.valid).toBe(false);
    expect(swapped.parts).toEqual({
      commitment: true,
      poolHash: true,
      seed: true,
      drawnOrgIds: false,
      assignments: true,
    });
    const otherPool = await checkDraw({ ...KNOWN.input, pool: [...KNOWN.input.pool, 99] }, KNOWN.output);
    expect(otherPool.parts.poolHash).toBe(false);
    const otherSecret = await checkDraw({ ...KNOWN.input, secret: 'x' }, KNOWN.output);
    expect(otherSecret.parts.commitment).toBe(false);
    expect(otherSecret.parts.seed).toBe(false);
  });
});
