/**
 * A DingTalk / WeCom robot on 127.0.0.1 for tests: checks the DingTalk signature (timestamp within an hour)
 * and the message shape, records what it accepted, and answers whatever errcodes a test queues.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac } from 'node:crypto';

export interface Received {
  kind: 'dingtalk' | 'wecom';
  token: string;
  body: { msgtype: string; markdown: { title?: string; text?: string; content?: string } };
}

export interface MockRobot {
  base: string;
  received: Received[];
  /** Errcodes to answer next, in order (then 0). */
  answers: number[];
  close(): Promise<void>;
}

export async function startMockRobot(secrets: Record<string, string> = {}): Promise<MockRobot> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const reply = (errcode: number, errmsg = errcode ? 'error' : 'ok') => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errcode, errmsg }));
      };
      let body: Received['body'];
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(40035, 'invalid json');
      }
      const kind = url.pathname.startsWith('/robot/') ? 'dingtalk' : 'wecom';
      const token = url.searchParams.get(kind === 'dingtalk' ? 'access_token' : 'key') ?? '';
      if (kind === 'dingtalk') {
        const secret = secrets[token];
        if (secret !== undefined) {
          const ts = Number(url.searchParams.get('timestamp'));
          const want = createHmac('sha256', secret).update(`${ts}\n${secret}`).digest('base64');
          if (url.searchParams.get('sign') !== want || Math.abs(Date.now() - ts) > 3600_000)
            return reply(310000, 'sign not match');
        }
        if (body.msgtype !== 'markdown' || !body.markdown?.title || !body.markdown?.text)
          return reply(40035, 'bad markdown');
      } else if (body.msgtype !== 'markdown' || !body.markdown?.content) return reply(40035, 'bad markdown');
      if (kind === 'wecom' && Buffer.byteLength(body.markdown.content ?? '') > 4096) return reply(40058, 'too long');
      const code = answers.shift() ?? 0;
      if (code === 0) received.push({ kind, token, body });
      reply(code);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    answers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
