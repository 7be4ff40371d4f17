import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.ts';

const cache = new Map<string, Buffer>();

/**
 * The key that seals robot credentials: TAIZHANG_SECRET_KEY, or else a key file made once in the data
 * directory (mode 0600) — enough for one node; several nodes must share TAIZHANG_SECRET_KEY.
 */
export function robotKey(config: Config): Buffer {
  if (config.secretKey) return config.secretKey;
  const file = path.join(config.dataDir, 'secret.key');
  const cached = cache.get(file);
  if (cached) return cached;
  let key: Buffer;
  try {
    key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true });
    key = randomBytes(32);
    try {
      fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process made it first: use theirs.
      key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    }
  }
  cache.set(file, key);
  return key;
}
