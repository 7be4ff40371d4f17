/** What a robot is saved from, and the checks and hints shared by the commands that save one. */
import { invalidField } from '../../errors.ts';

export interface WebhookInput {
  orgId: number;
  kind: 'dingtalk' | 'wecom';
  name: string;
  url: string;
  secret?: string | null;
  events: string[];
}

/** "oapi.dingtalk.com …a1b2": enough to tell robots apart, too little to use one. */
export function urlHint(url: string): string {
  const u = new URL(url);
  const token = u.searchParams.get('access_token') ?? u.searchParams.get('key') ?? '';
  return `${u.host}${token ? ` …${token.slice(-4)}` : ''}`;
}

export function checkUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalidField('url', '“机器人地址”不是有效的网址');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw invalidField('url', '“机器人地址”须以 https:// 开头');
}
