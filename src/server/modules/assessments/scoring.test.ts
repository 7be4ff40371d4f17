/** Property tests of the scoring rules, the ranking and the star assignment. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rulePoints, scoreUnit, vetoTriggered, type Indicator, type ScoringRule } from './scoring.ts';
import { assignStars, rankWithinGroups, type StarLevel } from './ranking.ts';

const figure = fc.double({ min: -1000, max: 1000, noNaN: true });
const max = fc.integer({ min: 0, max: 100 });
const linear = fc
  .tuple(figure, figure)
  .filter(([a, b]) => a !== b)
  .map(([from, to]) => ({ type: 'linear' as const, from, to }));
const steps = fc.record({
  type: fc.constant('steps' as const),
  better: fc.constantFrom('higher' as const, 'lower' as const),
  steps: fc.array(fc.record({ at: figure, points: fc.integer({ min: 0, max: 120 }) }), { minLength: 1, maxLength: 6 }),
});
const deduct = fc.record({
  type: fc.constant('deduct' as const),
  per: fc.double({ min: 0, max: 10, noNaN: true }),
  free: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});
const rule: fc.Arbitrary<ScoringRule> = fc.oneof(linear, steps, deduct);

/** +1 when more of the figure is better under this rule, −1 when less is. */
const direction = (r: ScoringRule) =>
  r.type === 'linear' ? Math.sign(r.to - r.from) : r.type === 'steps' ? (r.better === 'higher' ? 1 : -1) : -1;

describe('scoring rules', () => {
  it('are bounded by 0 and the maximum', () => {
    fc.assert(
      fc.property(rule, max, figure, (r, m, v) => {
        const p = rulePoints(r, m, v);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(m);
      }),
    );
  });

  it('are monotone in the underlying figure, in the rule’s direction', () => {
    fc.assert(
      fc.property(rule, max, figure, figure, (r, m, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const [worse, better] = direction(r) > 0 ? [lo, hi] : [hi, lo];
        expect(rulePoints(r, m, worse)).toBeLessThanOrEqual(rulePoints(r, m, better));
      }),
    );
  });

  it('每少开1次扣0.5分: ten points, seven missed → 6.5, twenty missed → 0 (never below 0)', () => {
    const r: ScoringRule = { type: 'deduct', per: 0.5 };
    expect(rulePoints(r, 10, 0)).toBe(10);
    expect(rulePoints(r, 10, 7)).toBe(6.5);
    expect(rulePoints(r, 10, 20)).toBe(0);
  });

  it('linear reaches the maximum at `to` and 0 at `from`', () => {
    fc.assert(
      fc.property(linear, max, (r, m) => {
        expect(rulePoints(r, m, r.to)).toBe(m);
        expect(rulePoints(r, m, r.from)).toBe(0);
      }),
    );
  });
});

const indicator = fc.record({
  kind: fc.constantFrom('auto' as const, 'bonus' as const, 'deduct' as const, 'veto' as const),
  maxPoints: max,
  weight: fc.constantFrom(0.5, 1, 2),
  rule,
  veto: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

describe('a unit’s score', () => {
  it('stays between 0 and the weighted maxima, and a 一票否决 always cancels', () => {
    fc.assert(
      fc.property(
        fc.array(indicator, { minLength: 1, maxLength: 8 }),
        fc.array(fc.option(figure, { nil: undefined }), { minLength: 8, maxLength: 8 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }), { minLength: 8, maxLength: 8 }),
        (defs, values, manual) => {
          const inds: Indicator[] = defs.map((d, i) => ({
            id: i + 1,
            kind: d.kind,
            maxPoints: d.maxPoints,
            weight: d.weight,
            source: d.kind === 'auto' || (d.kind === 'veto' && d.veto !== undefined) ? `f${i}` : null,
            rule:
              d.kind === 'auto'
                ? d.rule
                : d.kind === 'veto' && d.veto !== undefined
                  ? { type: 'veto', atLeast: d.veto }
                  : null,
          }));
          const s = scoreUnit(
            inds,
            (key) => values[Number(key.slice(1))],
            (id) => manual[id - 1],
          );
          const top = inds.filter((i) => i.kind !== 'veto').reduce((t, i) => t + i.weight * i.maxPoints, 0);
          if (s.score !== null) {
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(top + 1e-9);
          }
          const shouldVeto = inds.some(
            (i, k) =>
              i.kind === 'veto' &&
              (manual[k] !== undefined || vetoTriggered(i.rule as never, values[k] === undefined ? null : values[k]!)),
          );
          expect(s.vetoed).toBe(shouldVeto);
          const levels: StarLevel[] = [{ stars: 1, minScore: 0 }];
          const ranked = rankWithinGroups([{ orgId: 1, group: 'g', score: s.score, vetoed: s.vetoed }]);
          const stars = assignStars(ranked, levels, () => true).get(1);
          if (s.vetoed && s.score !== null) expect(stars).toBe(0);
          // No automatic figure at all means no data, never a 0.
          const autos = inds.filter((i) => i.kind === 'auto');
          const anyData = autos.some((i) => values[i.id - 1] !== undefined);
          expect(s.score === null).toBe(autos.length > 0 && !anyData);
        },
      ),
    );
  });
});

const unitsArb = fc.array(
  fc.record({
    group: fc.constantFrom('branch', 'department'),
    score: fc.option(
      fc.integer({ min: 0, max: 20 }).map((x) => x * 5),
      { nil: null },
    ),
    vetoed: fc.boolean(),
  }),
  { maxLength: 30 },
);

describe('ranking within groups', () => {
  it('ranks only within a group, ties share a rank, units without data are never ranked', () => {
    fc.assert(
      fc.property(unitsArb, (raw) => {
        const units = raw.map((u, i) => ({ ...u, orgId: i + 1 }));
        const ranked = rankWithinGroups(units);
        for (const u of ranked) {
          if (u.score === null) {
            expect(u.rank).toBeNull();
            continue;
          }
          const peers = units.filter((p) => p.group === u.group && p.score !== null);
          expect(u.groupSize).toBe(peers.length);
          expect(u.rank).toBe(1 + peers.filter((p) => p.score! > u.score!).length);
        }
      }),
    );
  });
});

describe('stars', () => {
  const levelsArb = fc.uniqueArray(
    fc.record({
      stars: fc.integer({ min: 1, max: 5 }),
      minScore: fc.integer({ min: 0, max: 100 }),
      quota: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
    }),
    { selector: (l) => l.stars, maxLength: 5 },
  );

  it('respect quotas, never split a tie, never give a higher score fewer stars, and veto gives 0', () => {
    fc.assert(
      fc.property(unitsArb, levelsArb, (raw, levels) => {
        const ranked = rankWithinGroups(raw.map((u, i) => ({ ...u, orgId: i + 1 })));
        const stars = assignStars(ranked, levels, () => true);
        for (const u of ranked) {
          const s = stars.get(u.orgId);
          if (u.score === null || !levels.length) expect(s).toBeNull();
          else if (u.vetoed) expect(s).toBe(0);
        }
        const rated = ranked.filter((u) => u.score !== null && !u.vetoed && levels.length);
        for (const level of levels)
          for (const group of new Set(rated.map((u) => u.group))) {
            const size = ranked.find((u) => u.group === group && u.score !== null)!.groupSize;
            const got = rated.filter((u) => u.group === group && stars.get(u.orgId) === level.stars);
            if (level.quota !== undefined)
              expect(got.length).toBeLessThanOrEqual(Math.floor(level.quota * size + 1e-9));
            for (const u of got) expect(u.score!).toBeGreaterThanOrEqual(level.minScore);
          }
        for (const x of rated)
          for (const y of rated)
            if (x.group === y.group && x.score! >= y.score!)
              expect(stars.get(x.orgId)!).toBeGreaterThanOrEqual(stars.get(y.orgId)!);
      }),
    );
  });

  it('the 五星 example: ≥ 90 with an innovation item, quota 10%; a tie at the quota drops together', () => {
    const units = [95, 95, 92, 85, 75, 65, 50, 91, 60, 40].map((score, i) => ({
      orgId: i + 1,
      group: 'branch',
      score,
      vetoed: false,
    }));
    const levels: StarLevel[] = [
      { stars: 5, minScore: 90, quota: 0.1, requiresIndicatorId: 9 },
      { stars: 4, minScore: 80, quota: 0.3 },
      { stars: 3, minScore: 70, quota: 0.4 },
      { stars: 2, minScore: 60 },
      { stars: 1, minScore: 0 },
    ];
    const stars = assignStars(rankWithinGroups(units), levels, (orgId) => orgId !== 3);
    // One five-star place and the two 95s tie for it: neither takes it, and it never passes over them to 91.
    expect([...stars.values()].filter((s) => s === 5)).toEqual([]);
    // Three four-star places: 95, 95, 92; 91 and 85 fall to three stars with 75.
    expect([1, 2, 3].map((id) => stars.get(id))).toEqual([4, 4, 4]);
    expect([8, 4, 5].map((id) => stars.get(id))).toEqual([3, 3, 3]);
    expect([6, 9, 7, 10].map((id) => stars.get(id))).toEqual([2, 2, 1, 1]);
    // Without the tie (unit 1 at 88) the single place goes to the best unit with the item: unit 2's 95.
    const untied = units.map((u) => (u.orgId === 1 ? { ...u, score: 88 } : u));
    const single = assignStars(rankWithinGroups(untied), levels, (orgId) => orgId !== 3);
    expect([...single.entries()].filter(([, s]) => s === 5).map(([id]) => id)).toEqual([2]);
  });
});
