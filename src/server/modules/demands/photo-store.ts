/**
 * Photos from the public page: images only (checked by their first bytes), at most PHOTO_MAX_BYTES, kept by
 * content hash under the data directory. Separate from staff attachments because nobody is logged in: a photo
 * belongs to no account until a demand claims it (within a day, once).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS = 3;

const SIGNATURES: Array<{ mime: string; test: (b: Buffer) => boolean }> = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) },
  {
    mime: 'image/webp',
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** The image type of a file's bytes, or null for anything that is not a JPEG, PNG or WebP image. */
export function imageMime(bytes: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(bytes))?.mime ?? null;
}

const dirOf = (dataDir: string) => path.join(dataDir, 'demand-photos');

export async function storePhoto(dataDir: string, bytes: Buffer): Promise<string> {
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  await fs.mkdir(dirOf(dataDir), { recursive: true });
  const file = path.join(dirOf(dataDir), sha256);
  await fs.writeFile(file, bytes, { flag: 'w' });
  return sha256;
}

export function photoPath(dataDir: string, sha256: string): string {
  return path.join(dirOf(dataDir), sha256);
}
