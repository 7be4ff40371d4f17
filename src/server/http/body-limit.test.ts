import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';
import { multipart } from '../testing/multipart.ts';
import { buildApp, type App } from '../app.ts';

const MB = 1024 * 1024;

/** Over-limit bodies over a real socket (inject cannot show a connection reset). */
describeEachDb('body limits', (h) => {
  let app: App;
  let base: string;
  beforeAll(async () => {
    app = await buildApp({ db: h().db, config: h().app.config });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
  });

  const send = async (url: string, headers: Record<string, string>, body: Buffer | ReadableStream) => {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers,
      body,
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.json() };
  };
  const json3mb = Buffer.from(JSON.stringify({ title: 'x'.repeat(3 * MB) }));
  const chunked = (bytes: Buffer) =>
    new ReadableStream({
      start(c) {
        for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.subarray(i, i + 64 * 1024));
        c.close();
      },
    });

  it.each([
    [
      'a 3 MB JSON body',
      async () =>
        send('/api/v1/problems', { 'content-type': 'application/json', cookie: await h().cookie('officer') }, json3mb),
    ],
    [
      'a 3 MB JSON body before login',
      async () => send('/api/v1/session', { 'content-type': 'application/json' }, json3mb),
    ],
    [
      'a 3 MB chunked JSON body',
      async () =>
        send(
          '/api/v1/problems',
          { 'content-type': 'application/json', cookie: await h().cookie('officer') },
          chunked(json3mb),
        ),
    ],
    [
      'a 3 MB multipart to a JSON route',
      async () => {
        const m = multipart({ name: 'a.pdf', content: Buffer.alloc(3 * MB, 1) });
        return send('/api/v1/problems', { ...m.headers, cookie: await h().cookie('officer') }, m.payload);
      },
    ],
  ])('answers %s with 413 problem+json', async (_name, run) => {
    const res = await run();
    expect(res).toMatchObject({ status: 413, type: expect.stringContaining('application/problem+json') });
    expect(res.body.status).toBe(413);
  });

  it('answers an upload past the upload limit with 413 before reading it, and a small one as before', async () => {
    const cookie = await h().cookie('officer');
    const big = multipart({ name: 'a.pdf', content: Buffer.alloc(22 * MB, 1) });
    expect(await send('/api/v1/attachments', { ...big.headers, cookie }, big.payload)).toMatchObject({
      status: 413,
      body: { detail: expect.stringContaining('20 MB') },
    });
    const small = multipart({ name: 'a.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') });
    expect((await send('/api/v1/attachments', { ...small.headers, cookie }, small.payload)).status).toBe(201);
  });
});
