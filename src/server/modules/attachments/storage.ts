import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

/** Where a file with this content hash lives: attachments/ab/cd/<sha256>. */
export function blobPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** An upload received into a temporary file: moved into the content store only once it is accepted. */
export interface ReceivedUpload {
  sha256: string;
  size: number;
  /** The first bytes (for type sniffing). */
  head: Buffer;
  /** Moves the file into the content store (identical content is stored once). */
  commit(): void;
  /** Removes the temporary file (a rejected upload leaves nothing behind). */
  discard(): void;
}

/**
 * Streams an upload into a temporary file while hashing it. Nothing reaches the content store until the caller
 * commits; the temporary file is removed on any failure while receiving.
 */
export async function receiveStream(dataDir: string, stream: Readable): Promise<ReceivedUpload> {
  const tmpDir = path.join(dataDir, 'attachments', 'tmp');
  fs.mkdirSync(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, crypto.randomUUID());
  const hash = crypto.createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < 512) head = Buffer.concat([head, chunk.subarray(0, 512 - head.length)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, tap, fs.createWriteStream(tmp));
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  const sha256 = hash.digest('hex');
  return {
    sha256,
    size,
    head,
    commit() {
      const final = blobPath(dataDir, sha256);
      if (fs.existsSync(final)) fs.rmSync(tmp, { force: true });
      else {
        fs.mkdirSync(path.dirname(final), { recursive: true });
        fs.renameSync(tmp, final);
      }
    },
    discard: () => fs.rmSync(tmp, { force: true }),
  };
}
