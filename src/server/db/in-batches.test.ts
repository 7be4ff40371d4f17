import zlib from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';
import { fixtureCampaign } from '../testing/fixture.ts';
import { multipart } from '../testing/multipart.ts';
import { workbookWith } from '../testing/xlsx-bombs.ts';
import { addDays, today } from '../clock.ts';

const HEADERS = ['序号', '问题描述', '问题来源', '整改措施', '责任领导', '责任单位', '责任人', '整改时限'];
const DISTINCT_NAMES = 33_000; // past SQLite's 32,766 bound parameters per statement

/** A 整改台账 whose rows name two people each, all different, none on the roster: `rows * 2` distinct names. */
function ledgerNaming(rows: number, unit: string): Buffer {
  const deadline = addDays(today(), 30);
  const cell = (col: number, row: number, text: string) =>
    `<c r="${String.fromCharCode(64 + col)}${row}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const parts = [`<worksheet><sheetData><row r="1">${HEADERS.map((h, i) => cell(i + 1, 1, h)).join('')}</row>`];
  for (let r = 2; r <= rows + 1; r++) {
    const values = [String(r - 1), `问题${r}`, '自己找', `措施${r}`, `领导${r}`, unit, `责任人${r}`, deadline];
    parts.push(`<row r="${r}">${values.map((v, i) => cell(i + 1, r, v)).join('')}</row>`);
  }
  parts.push('</sheetData></worksheet>');
  const bytes = Buffer.from(parts.join(''));
  return workbookWith({ name: '', data: zlib.deflateRawSync(bytes), size: bytes.length });
}

/**
 * Names an import looks up go to the database in batches (db/in-batches.ts): one IN list of 33,000 names is
 * past SQLite's parameter limit and was a 500 ("too many SQL variables"). Only the HTTP route is used, so the
 * test holds wherever the import's code lives.
 */
describeEachDb('imports with more names than one statement can bind', (h) => {
  let campaignId: number;
  beforeAll(async () => {
    campaignId = await fixtureCampaign(h().db, h().fx.units.root.id);
  });

  it(`matches ${DISTINCT_NAMES} distinct names and answers each unknown one as a cell error, not a 500`, async () => {
    const file = ledgerNaming(DISTINCT_NAMES / 2, '办公室党支部');
    const body = multipart({ name: '整改台账.xlsx', content: file }, { campaignId: String(campaignId) });
    const res = await h().app.inject({
      method: 'POST',
      url: '/api/v1/imports/rectification',
      payload: body.payload,
      headers: { ...body.headers, cookie: await h().cookie('office') },
    });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(422);
    const errors: Array<{ row: number; column: string; message: string }> = res.json().errors;
    expect(new Set(errors.map((e) => e.column))).toEqual(new Set(['责任领导', '责任人']));
    expect(errors[0]).toMatchObject({
      row: 2,
      column: '责任领导',
      message: expect.stringContaining('未找到人员“领导2”'),
    });
    expect(errors.some((e) => e.message.includes(`另有 ${DISTINCT_NAMES / 2 - 20} 处错误`))).toBe(true);
  }, 120_000);
});
