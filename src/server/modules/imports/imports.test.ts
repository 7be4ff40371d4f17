/**
 * The import preview end to end, on both databases: an office's own 整改台账 (title row, 填报单位 line,
 * synonyms, a problem over two rows, text deadlines, a blank and a 合计 row) is read, mapped and checked in
 * the background; a same-name person is resolved from the candidates, a column mapping changed (and
 * remembered for the next upload), the confirm writes once per Idempotency-Key; previews are their owner's.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign, fixtureWriter } from '../../testing/fixture.ts';
import { multipart } from '../../testing/multipart.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { nowIso } from '../../clock.ts';
import type { ImportPreviewViewT } from '../../../shared/views/imports.ts';
import { backgroundSettled } from './jobs.ts';

/** An office's ledger as offices keep it, not Taizhang's template. */
async function officeLedger(ownerOfB = '孙晓雨'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('城管局');
  ws.addRow(['主题教育检视问题整改清单']);
  ws.mergeCells('A1:G1');
  ws.addRow(['填报单位：市局党委', '', '', '', '填报日期：2026年3月1日']);
  ws.addRow(['序号', '存在问题', '整改措施', '责任单位', '具体责任人', '完成时限', '备注']);
  ws.addRow([1, '理论学习不够深入', '开展专题读书班', '办公室党支部', '赵立新', '2026年12月底前', '已列入计划']);
  ws.addRow(['', '', '建立学习台账', '办公室党支部', '钱　多多', '立行立改', '']);
  ws.mergeCells('A4:A5');
  ws.mergeCells('B4:B5');
  ws.addRow([2, '联系群众不够紧密', '领导干部下沉一线', '机关党委', ownerOfB, '长期坚持', '']);
  ws.addRow([]);
  ws.addRow(['合计', '共2项']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function post(h: Harness, user: string, url: string, file: Buffer, fields: Record<string, string>, key?: string) {
  const body = multipart({ name: '整改清单.xlsx', content: file }, fields);
  return h.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, cookie: await h.cookie(user), ...(key ? { 'idempotency-key': key } : {}) },
  });
}

/** The preview once the background work is done. */
async function settled(h: Harness, id: number, user = 'office', query = ''): Promise<ImportPreviewViewT> {
  await backgroundSettled();
  const res = await h.call(user, 'GET', `/api/v1/imports/previews/${id}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const count = async (h: Harness, table: 'problems' | 'problemMeasures') =>
  Number(
    (
      await h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachDb('import preview (整改台账)', (h) => {
  let campaignId: number;
  let previewId: number;
  let twin: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
    // A second 孙晓雨, in 市容科党支部: under 机关党委 both match.
    twin = await fixtureWriter(h().db).person(h().fx.units.branchB, '孙晓雨');
  });

  it('answers the upload at once, then shows how every column was read and mapped and what is ambiguous', async () => {
    const res = await post(h(), 'office', '/api/v1/imports/rectification/previews', await officeLedger(), {
      campaignId: String(campaignId),
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().status).toBe('reading');
    previewId = res.json().id;
    const p = await settled(h(), previewId);
    expect(p.status).toBe('invalid');
    expect(p.message).toBeNull();
    const [sheet] = p.sheets;
    expect(sheet).toMatchObject({ name: '城管局', headerRows: [3, 3], unitHint: '市局党委' });
    expect(sheet.columns.map((c) => `${c.header}→${c.field}`)).toEqual([
      '序号→no',
      '存在问题→title',
      '整改措施→measure',
      '责任单位→ownerOrg',
      '具体责任人→owner',
      '完成时限→deadline',
      '备注→null',
    ]);
    expect(p.recordCount).toBe(2);
    expect(p.skipped.total).toBe(1);
    expect(p.progress).toMatchObject({ rowsChecked: 3, rowsTotal: 3 });
    expect(p.records.map((r) => [r.row, r.values.title ?? '', r.values.owner])).toEqual([
      [4, '理论学习不够深入', '赵立新'],
      [5, '', '钱多多'],
      [6, '联系群众不够紧密', '孙晓雨'],
    ]);
    expect(p.errors).toEqual([]);
    expect(p.ambiguities).toEqual([
      {
        field: 'owner',
        column: '具体责任人',
        text: '孙晓雨',
        rows: [6],
        candidates: [
          { id: h().fx.people.memberA, label: '孙晓雨（办公室党支部）' },
          { id: twin, label: '孙晓雨（市容科党支部）' },
        ],
      },
    ]);
    // Paged: the second row alone.
    const page = await settled(h(), previewId, 'office', '?offset=1&limit=1');
    expect(page.records.map((r) => r.row)).toEqual([5]);
  });

  it('the one-step route reports the same ambiguity as an error on its cell, and writes nothing', async () => {
    const before = await count(h(), 'problems');
    const res = await post(h(), 'office', '/api/v1/imports/rectification', await officeLedger(), {
      campaignId: String(campaignId),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        row: 6,
        column: '具体责任人',
        message: expect.stringContaining('孙晓雨（市容科党支部）'),
      }),
    ]);
    expect(await count(h(), 'problems')).toBe(before);
  });

  it('a picked candidate and a changed column are checked again; the mapping is remembered', async () => {
    const pick = await h().call('office', 'PATCH', `/api/v1/imports/previews/${previewId}`, {
      resolutions: [{ field: 'owner', text: '孙晓雨', id: h().fx.people.memberA }],
      mapping: [{ sheet: '城管局', column: 7, field: 'progress' }],
    });
    expect(pick.statusCode, pick.body).toBe(202);
    expect(pick.json().status).toBe('checking');
    const p = await settled(h(), previewId);
    expect(p.status).toBe('ready');
    expect(p.ambiguities).toEqual([]);
    expect(p.sheets[0].columns.at(-1)).toMatchObject({ header: '备注', field: 'progress' });
    expect(p.records[0].values.progress).toBe('已列入计划');

    // The next upload of the same layout by this unit comes with 备注 → 整改进展 already.
    const again = await post(h(), 'office', '/api/v1/imports/rectification/previews', await officeLedger('赵立新'), {
      campaignId: String(campaignId),
    });
    const next = await settled(h(), again.json().id);
    expect(next.sheets[0].columns.at(-1)).toMatchObject({ header: '备注', field: 'progress' });
    expect(next.status).toBe('ready');
  });

  it('refuses a mapping to a field the ledger does not have, naming it', async () => {
    const res = await h().call('office', 'PATCH', `/api/v1/imports/previews/${previewId}`, {
      mapping: [{ sheet: '城管局', column: 7, field: 'salary' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('salary');
  });

  it('confirm writes everything once: the same Idempotency-Key again writes nothing more', async () => {
    const before = { problems: await count(h(), 'problems'), measures: await count(h(), 'problemMeasures') };
    const key = `confirm-${h().dialect}`;
    const res = await h().app.inject({
      method: 'POST',
      url: `/api/v1/imports/previews/${previewId}/confirm`,
      headers: { cookie: await h().cookie('office'), 'idempotency-key': key },
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().status).toBe('writing');
    const done = await settled(h(), previewId);
    expect(done.status).toBe('done');
    expect(done.result).toEqual({ created: 2, updated: 0 });
    expect(await count(h(), 'problems')).toBe(before.problems + 2);
    expect(await count(h(), 'problemMeasures')).toBe(before.measures + 3);

    const problems = await h()
      .db.selectFrom('problems')
      .select(['id', 'title', 'kind', 'source'])
      .where('campaignId', '=', campaignId)
      .orderBy('id')
      .execute();
    expect(problems.map((p) => [p.title, p.kind, p.source])).toEqual([
      ['理论学习不够深入', 'immediate', 'self_found'],
      ['联系群众不够紧密', 'long_term', 'self_found'],
    ]);
    const measures = await h()
      .db.selectFrom('problemMeasures')
      .select(['content', 'ownerId', 'deadline'])
      .where(
        'problemId',
        'in',
        problems.map((p) => p.id),
      )
      .orderBy('id')
      .execute();
    expect(measures[0]).toMatchObject({
      content: '开展专题读书班',
      ownerId: h().fx.people.officerA,
      deadline: '2026-12-31',
    });
    expect(measures[1]).toMatchObject({ ownerId: h().fx.people.memberA2 });
    expect(measures[2]).toMatchObject({ ownerId: h().fx.people.memberA, deadline: '2027-12-31' });

    const replay = await h().app.inject({
      method: 'POST',
      url: `/api/v1/imports/previews/${previewId}/confirm`,
      headers: { cookie: await h().cookie('office'), 'idempotency-key': key },
    });
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toMatchObject({ status: 'done', result: { created: 2, updated: 0 } });
    await backgroundSettled();
    expect(await count(h(), 'problems')).toBe(before.problems + 2);
    const unkeyed = await h().call('office', 'POST', `/api/v1/imports/previews/${previewId}/confirm`);
    expect(unkeyed.statusCode).toBe(409);
  });

  it('the one-step route with an Idempotency-Key answers the first result again and writes once', async () => {
    const file = await officeLedger('赵立新');
    const before = await count(h(), 'problems');
    const key = `direct-${h().dialect}`;
    const first = await post(
      h(),
      'office',
      '/api/v1/imports/rectification',
      file,
      { campaignId: String(campaignId) },
      key,
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ created: 2, updated: 0 });
    const second = await post(
      h(),
      'office',
      '/api/v1/imports/rectification',
      file,
      { campaignId: String(campaignId) },
      key,
    );
    expect(second.statusCode).toBe(200);
    expect(second.json()).toEqual({ created: 2, updated: 0 });
    expect(await count(h(), 'problems')).toBe(before + 2);
    // Another user's same key is their own.
    const other = await post(
      h(),
      'admin',
      '/api/v1/imports/rectification',
      file,
      { campaignId: String(campaignId) },
      key,
    );
    expect(other.statusCode).toBe(200);
    expect(await count(h(), 'problems')).toBe(before + 4);
  });

  it('shows a preview to its owner only, and lists only the caller’s own', async () => {
    const mine = await h().call('office', 'GET', '/api/v1/imports/previews?ledger=rectification');
    expect(mine.json().items.map((p: { id: number }) => p.id)).toContain(previewId);
    const theirs = await h().call('admin', 'GET', '/api/v1/imports/previews');
    expect(theirs.json().items.map((p: { id: number }) => p.id)).not.toContain(previewId);
    expect((await h().call('admin', 'GET', `/api/v1/imports/previews/${previewId}`)).statusCode).toBe(404);
  });

  it('says when a file cannot be read, in the preview', async () => {
    const res = await post(h(), 'office', '/api/v1/imports/rectification/previews', Buffer.from('not a workbook'), {
      campaignId: String(campaignId),
    });
    expect(res.statusCode).toBe(202);
    const p = await settled(h(), res.json().id);
    expect(p.status).toBe('invalid');
    expect(p.message).toMatch(/\.xlsx/);
  });

  it('confirm checks again: a person gone since the preview rejects the whole file, nothing written', async () => {
    const res = await post(h(), 'office', '/api/v1/imports/rectification/previews', await officeLedger('赵立新'), {
      campaignId: String(campaignId),
    });
    const id = res.json().id;
    expect((await settled(h(), id)).status).toBe('ready');
    const before = await count(h(), 'problemMeasures');
    await h().db.updateTable('people').set({ active: 0 }).where('id', '=', h().fx.people.memberA2).execute();
    try {
      const confirm = await h().call('office', 'POST', `/api/v1/imports/previews/${id}/confirm`);
      expect(confirm.statusCode).toBe(202);
      const p = await settled(h(), id);
      expect(p.status).toBe('invalid');
      expect(p.errors).toEqual([
        expect.objectContaining({ row: 5, column: '具体责任人', message: expect.stringContaining('钱多多') }),
      ]);
      expect(p.records.find((r) => r.row === 5)?.errors).toHaveLength(1);
      expect(await count(h(), 'problemMeasures')).toBe(before);
    } finally {
      await h().db.updateTable('people').set({ active: 1 }).where('id', '=', h().fx.people.memberA2).execute();
    }
  });

  describe('after a restart', () => {
    it('no preview is left in a working state, and one unconfirmed for a week expires', async () => {
      const now = nowIso();
      const stuck = await h()
        .db.insertInto('importPreviews')
        .values({
          ownerUserId: h().fx.users.office,
          ledger: 'rectification',
          campaignId,
          targetId: null,
          fileName: 'x.xlsx',
          mode: 'preview',
          status: 'writing',
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const stale = await h()
        .db.insertInto('importPreviews')
        .values({
          ownerUserId: h().fx.users.office,
          ledger: 'rectification',
          campaignId,
          targetId: null,
          fileName: 'old.xlsx',
          mode: 'preview',
          status: 'ready',
          createdAt: '2020-01-01T00:00:00.000Z',
          updatedAt: '2020-01-01T00:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const app = await buildApp({ db: h().db, config: loadConfig({}) });
      await app.ready();
      await app.close();
      const p = await settled(h(), stuck.id);
      expect(p.status).toBe('failed');
      expect(p.message).toContain('服务重启');
      expect(await settled(h(), stale.id)).toMatchObject({
        status: 'failed',
        message: expect.stringContaining('过期'),
      });
    });
  });
});
