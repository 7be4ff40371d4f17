/**
 * DingTalk and WeCom group robots (DOMAIN.md F15): signing, message shape, and what an answer means.
 * Nothing here logs or returns the robot's address or secret — both are credentials.
 */
import { createHmac } from 'node:crypto';

export type RobotKind = 'dingtalk' | 'wecom';
export type Outcome = 'sent' | 'retry' | 'permanent';

/** DingTalk 加签: base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded. */
export function dingTalkSign(secret: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  return encodeURIComponent(digest);
}

/** WeCom markdown is at most 4096 UTF-8 bytes: cut on a character boundary and mark the cut. */
export function clipBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const suffix = '…';
  let out = '';
  let bytes = Buffer.byteLength(suffix);
  for (const ch of text) {
    const b = Buffer.byteLength(ch);
    if (bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
  }
  return out + suffix;
}

/** The markdown message for either robot. */
export function robotPayload(kind: RobotKind, title: string, markdown: string): unknown {
  return kind === 'dingtalk'
    ? { msgtype: 'markdown', markdown: { title, text: markdown } }
    : { msgtype: 'markdown', markdown: { content: clipBytes(markdown, 4096) } };
}

const PERMANENT = new Set([93000, 310000, 300005, 40008]);
const RETRY = new Set([45009, 130101, -1]);

/** How an errcode is treated: 0 sent; rate limits and "system busy" retried; bad key, sign or token permanent. */
export function classify(errcode: number): Outcome {
  if (errcode === 0) return 'sent';
  if (RETRY.has(errcode)) return 'retry';
  if (PERMANENT.has(errcode)) return 'permanent';
  // Unknown codes are mostly about the message (too long, bad format): retrying would not help.
  return 'permanent';
}

export interface PostResult {
  outcome: Outcome;
  errcode: number | null;
  /** A reason safe to store and show: never the address, key or secret. */
  error: string;
  /** Whether the robot itself is unusable (bad key/sign/token), not just this message. */
  channelBroken: boolean;
}

/** Posts one message; network failures and 5xx answers are retryable. */
export async function postRobot(
  kind: RobotKind,
  url: string,
  secret: string | null,
  payload: unknown,
  now = Date.now(),
): Promise<PostResult> {
  let target = url;
  if (kind === 'dingtalk' && secret) {
    const u = new URL(url);
    u.searchParams.set('timestamp', String(now));
    u.searchParams.set('sign', decodeURIComponent(dingTalkSign(secret, now)));
    target = u.toString();
  }
  let res: Response;
  try {
    res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    return { outcome: 'retry', errcode: null, error: `网络错误（${name}）`, channelBroken: false };
  }
  if (res.status >= 500 || res.status === 429)
    return { outcome: 'retry', errcode: null, error: `HTTP ${res.status}`, channelBroken: false };
  let body: { errcode?: unknown; errmsg?: unknown } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    return { outcome: 'permanent', errcode: null, error: `HTTP ${res.status}，应答不是 JSON`, channelBroken: false };
  }
  const errcode = typeof body.errcode === 'number' ? body.errcode : res.ok ? 0 : -2;
  const outcome = classify(errcode);
  const errmsg = typeof body.errmsg === 'string' ? body.errmsg.slice(0, 200) : '';
  return {
    outcome,
    errcode,
    error: outcome === 'sent' ? '' : `errcode ${errcode}${errmsg ? `：${errmsg}` : ''}`,
    channelBroken: outcome === 'permanent' && PERMANENT.has(errcode),
  };
}
