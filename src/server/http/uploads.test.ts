import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';
import { multipart, PDF_BYTES } from '../testing/multipart.ts';
import { buildApp, type App } from '../app.ts';

/** Every file under the data directory's attachment store (the temporary directory included). */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describeEachDb('uploads', (h) => {
  let app: App;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-uploads-'));
    app = await buildApp({ db: h().db, config: { ...h().app.config, dataDir } });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const upload = async (name: string, content: Buffer) => {
    const body = multipart({ name, content });
    return app.inject({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: body.payload,
      headers: { ...body.headers, cookie: await h().cookie('officer') },
    });
  };
  const rows = async () =>
    Number(
      (
        await h()
          .db.selectFrom('attachments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('leaves nothing on disk or in the database for a rejected upload', async () => {
    const before = await rows();
    const exe = await upload('报告.pdf', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(4096, 7)]));
    expect(exe.statusCode).toBe(400);
    const big = await upload('大文件.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(21 * 1024 * 1024, 1)]));
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toMatch(/application\/problem\+json/);
    const empty = await upload('空.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(filesUnder(path.join(dataDir, 'attachments'))).toEqual([]);
    expect(await rows()).toBe(before);
    // An accepted one is stored once, under its hash, and the temporary directory is empty again.
    expect((await upload('证明.pdf', PDF_BYTES)).statusCode).toBe(201);
    expect(filesUnder(path.join(dataDir, 'attachments'))).toHaveLength(1);
    expect(filesUnder(path.join(dataDir, 'attachments', 'tmp'))).toEqual([]);
  });

  it('stores a file name without its control characters (NUL included)', async () => {
    const res = await upload('整改\u0000报告\u0007.pdf', PDF_BYTES);
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('整改报告.pdf');
  });

  it('answers malformed multipart with 400 on every upload route, never 500', async () => {
    const cookie = await h().cookie('office');
    const good = multipart({ name: 'a.pdf', content: PDF_BYTES }, { campaignId: '1', sessionId: '1' });
    const bodies: Array<{ type: string; payload: Buffer }> = [
      { type: 'multipart/form-data', payload: good.payload }, // no boundary
      { type: good.headers['content-type'], payload: good.payload.subarray(0, good.payload.length - 40) }, // truncated
      { type: good.headers['content-type'], payload: Buffer.from('garbage\r\n\r\nnot a form') },
      { type: 'multipart/form-data; boundary=x', payload: Buffer.alloc(0) },
    ];
    for (const url of ['/api/v1/attachments', '/api/v1/imports/rectification', '/api/v1/imports/attendance']) {
      for (const { type, payload } of bodies) {
        const res = await app.inject({ method: 'POST', url, payload, headers: { 'content-type': type, cookie } });
        expect(res.statusCode, `${url} ${type} ${payload.length}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${url} ${type} ${payload.length}`).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    expect(filesUnder(path.join(dataDir, 'attachments', 'tmp'))).toEqual([]);
  });

  it('refuses a multipart id field past what the databases store', async () => {
    const body = multipart({ name: 'a.xlsx', content: PDF_BYTES }, { campaignId: '99999999999' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/imports/rectification',
      payload: body.payload,
      headers: { ...body.headers, cookie: await h().cookie('office') },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('campaignId');
  });
});
