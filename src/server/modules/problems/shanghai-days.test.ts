/**
 * Instants are stored in UTC, the calendar is Shanghai's: a problem raised at 23:30 and one raised at 00:30
 * Shanghai time (15:30Z and 16:30Z) fall on consecutive Shanghai days, though they share a UTC date; a measure
 * done at 00:30 the day after its deadline is late, one done at 23:30 on the deadline is on time.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { addDays, shanghaiDayStart, today } from '../../clock.ts';
import { rebuildTally, syncTallies } from '../../db/subtree-tally.ts';
import { problemTally } from './tally.ts';
import { problemFigureSources } from './assessment-figures.ts';

it('gives the UTC instant a Shanghai day starts at', () => {
  expect(shanghaiDayStart('2026-12-03')).toBe('2026-12-02T16:00:00.000Z');
  expect(shanghaiDayStart('2027-01-01')).toBe('2026-12-31T16:00:00.000Z');
  expect(shanghaiDayStart('2028-03-01')).toBe('2028-02-29T16:00:00.000Z');
});

describeEachDb('#problems Shanghai days', (h) => {
  let campaignId: number;
  const ids: Record<'late' | 'early', number> = { late: 0, early: 0 };

  beforeAll(async () => {
    const { db, fx, call } = h();
    campaignId = await fixtureCampaign(db, fx.units.root.id);
    for (const which of ['late', 'early'] as const) {
      const res = await call('office', 'POST', '/api/v1/problems', {
        campaignId,
        orgId: fx.units.branchA.id,
        title: `跨日问题 ${which}`,
        source: 'self_found',
        kind: 'immediate',
        measures: [{ content: '整改', ownerId: fx.people.memberA, deadline: addDays(today(), 3) }],
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[which] = res.json().id;
    }
    // 23:30 on 2 December and 00:30 on 3 December, Shanghai time; closed, their one measure due 2 December
    // and done at those instants.
    const at = { late: '2026-12-02T15:30:00.000Z', early: '2026-12-02T16:30:00.000Z' };
    for (const which of ['late', 'early'] as const) {
      await db
        .updateTable('problems')
        .set({ createdAt: at[which], status: 'closed' })
        .where('id', '=', ids[which])
        .execute();
      await db
        .updateTable('problemMeasures')
        .set({ deadline: '2026-12-02', status: 'done', doneAt: at[which] })
        .where('problemId', '=', ids[which])
        .execute();
    }
    await syncTallies(db, problemTally, [ids.late, ids.early]);
  });

  const listed = async (query: string) => {
    const res = await h().call('office', 'GET', `/api/v1/problems?campaignId=${campaignId}&pageSize=50&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as Array<{ id: number }>).map((p) => p.id).sort((a, b) => a - b);
  };

  it('filters 发现日期 by the Shanghai day a problem was raised on', async () => {
    expect(await listed('createdFrom=2026-12-02&createdTo=2026-12-02')).toEqual([ids.late]);
    expect(await listed('createdFrom=2026-12-03&createdTo=2026-12-03')).toEqual([ids.early]);
    expect(await listed('createdFrom=2026-12-03')).toEqual([ids.early]);
    expect(await listed('createdTo=2026-12-02')).toEqual([ids.late]);
    expect(await listed('createdFrom=2026-12-02&createdTo=2026-12-03')).toEqual([ids.late, ids.early]);
  });

  it('counts a measure done after midnight Shanghai time past its deadline as late, in the list and the figures', async () => {
    expect(await listed('onTime=true')).toEqual([ids.late]);
    const { call, fx, db } = h();
    const figures = async () => {
      const res = await call(
        'office',
        'GET',
        `/api/v1/problems/figures?campaignId=${campaignId}&orgId=${fx.units.branchA.id}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json().total.figures;
    };
    expect(await figures()).toMatchObject({ total: 2, closed: 2, onTime: 1 });
    // A rebuild from the records (as at start-up after migration 0034) gives the same figure.
    await db.transaction().execute((trx) => rebuildTally(trx, problemTally));
    expect(await figures()).toMatchObject({ total: 2, closed: 2, onTime: 1 });
  });

  it('counts a problem in the 考核 period of the Shanghai day it was raised on', async () => {
    const { db, fx } = h();
    const onTimeRate = problemFigureSources.find((f) => f.key === 'problems.onTimeRate')!;
    const rate = async (day: string) =>
      (
        await onTimeRate.compute(db, {
          campaignId,
          from: day,
          to: day,
          today: today(),
          rootPath: fx.units.root.path,
          orgTypes: ['branch'],
        })
      ).get(fx.units.branchA.id);
    expect(await rate('2026-12-02')).toBe(1); // raised 23:30, its measure done 23:30 on the deadline
    expect(await rate('2026-12-03')).toBe(0); // raised 00:30, its measure done 00:30 the day after
    expect(await rate('2026-12-04')).toBeUndefined();
  });
});
