/** Uploads for the ledger import tests: the one-step route, and a preview followed until it settles. */
import type { Harness } from './harness.ts';
import { multipart } from './multipart.ts';

/** POST /imports/{ledger} (one step) with the file and the multipart fields the ledger needs. */
export async function importOneStep(
  h: Harness,
  who: string,
  ledger: string,
  content: Buffer,
  fields: Record<string, string> = {},
  fileName = '台账.xlsx',
) {
  const body = multipart({ name: fileName, content }, fields);
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${ledger}`,
    payload: body.payload,
    headers: { ...body.headers, cookie: await h.cookie(who) },
  });
}

const WAITING = new Set(['reading', 'checking', 'writing']);

/** The preview once its background work is over (ready, invalid, done or failed). */
export async function settled(h: Harness, who: string, id: number) {
  for (let i = 0; i < 200; i++) {
    const res = await h.call(who, 'GET', `/api/v1/imports/previews/${id}?limit=500`);
    const preview = res.json();
    if (res.statusCode !== 200 || !WAITING.has(preview.status)) return preview;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`preview ${id} did not settle`);
}

/** Uploads a preview and waits for it to be read and checked. */
export async function previewOf(
  h: Harness,
  who: string,
  ledger: string,
  content: Buffer,
  fields: Record<string, string> = {},
) {
  const body = multipart({ name: '台账.xlsx', content }, fields);
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/imports/${ledger}/previews`,
    payload: body.payload,
    headers: { ...body.headers, cookie: await h.cookie(who) },
  });
  if (res.statusCode !== 202) throw new Error(`preview upload: ${res.statusCode} ${res.body}`);
  return settled(h, who, res.json().id);
}

/** Confirms a preview and waits for the write. */
export async function confirmed(h: Harness, who: string, id: number) {
  const res = await h.call(who, 'POST', `/api/v1/imports/previews/${id}/confirm`);
  if (res.statusCode !== 202) throw new Error(`confirm: ${res.statusCode} ${res.body}`);
  return settled(h, who, id);
}
