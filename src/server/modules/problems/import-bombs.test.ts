import zlib from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { fixtureCampaign } from '../../testing/fixture.ts';
import { multipart } from '../../testing/multipart.ts';
import { whitespaceSheet, workbookWith } from '../../testing/xlsx-bombs.ts';
import { RECTIFICATION_HEADERS } from './ledgers.ts';
import { ERRORS_PER_COLUMN } from '../../io/cell-errors.ts';

const post = async (h: Harness, user: string, url: string, content: Buffer, fields: Record<string, string>) => {
  const body = multipart({ name: 'a.xlsx', content }, fields);
  return h.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, cookie: await h.cookie(user) },
  });
};

const countProblems = async (h: Harness) =>
  Number(
    (
      await h.db
        .selectFrom('problems')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A 整改台账 with the template's headers and `rows` rows whose every required cell is wrong (a 序号 of its own each: a row repeating the one above would continue its problem). */
function badLedger(rows: number): Buffer {
  const cell = (col: number, row: number, text: string) =>
    `<c r="${String.fromCharCode(64 + col)}${row}" t="inlineStr"><is><t>${text}</t></is></c>`;
  let xml = `<worksheet><sheetData><row r="1">${RECTIFICATION_HEADERS.map((h, i) => cell(i + 1, 1, h)).join('')}</row>`;
  for (let r = 2; r <= rows + 1; r++)
    xml += `<row r="${r}">${cell(1, r, `甲${r}`)}${cell(3, r, '无此来源')}${cell(5, r, '无此单位')}</row>`;
  xml += '</sheetData></worksheet>';
  const bytes = Buffer.from(xml);
  return workbookWith({ name: '', data: zlib.deflateRawSync(bytes), size: bytes.length });
}

describeEachDb('imports under attack', (h) => {
  let campaignId: number;
  let bomb: Buffer;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
    bomb = workbookWith(await whitespaceSheet(200)); // 200 MB of whitespace in a ~200 KB upload
  });

  it('refuses a member at both import routes before reading the file', async () => {
    for (const url of ['/api/v1/imports/rectification', '/api/v1/imports/attendance']) {
      const res = await post(h(), 'member', url, bomb, { campaignId: String(campaignId), sessionId: '1' });
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('forbidden');
    }
  });

  it('answers the office a 413 problem naming the bound, and writes nothing', async () => {
    const before = await countProblems(h());
    const res = await post(h(), 'office', '/api/v1/imports/rectification', bomb, { campaignId: String(campaignId) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'import_too_large' });
    expect(res.json().detail).toMatch(/工作表解压后 200 MB/);
    expect(await countProblems(h())).toBe(before);
  });

  it('lists only the first errors of each column and says how many more there are', async () => {
    const res = await post(h(), 'office', '/api/v1/imports/rectification', badLedger(3000), {
      campaignId: String(campaignId),
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('import_rejected');
    // 序号, 问题描述, 问题来源, 整改措施, 责任领导 (unknown), 责任单位 and 整改时限 are wrong in every row.
    expect(body.detail).toMatch(/共 21000 处错误/);
    const byColumn = Map.groupBy(body.errors as Array<{ column: string; message: string }>, (e) => e.column);
    expect(byColumn.size).toBe(7);
    for (const [, errors] of byColumn) {
      expect(errors.length).toBe(ERRORS_PER_COLUMN + 1);
      expect(errors.at(-1)!.message).toMatch(`另有 ${3000 - ERRORS_PER_COLUMN} 处错误未列出`);
    }
    expect(res.body.length).toBeLessThan(64 * 1024);
  });
});
