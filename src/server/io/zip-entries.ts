/**
 * The entries of a ZIP read from its central directory (exact offsets and sizes, unlike a scan of local
 * headers), and one entry inflated by node:zlib as a stream, off the main thread, a slice at a time, its
 * inflated bytes counted against the size the directory declares and a caller's bound.
 */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { WorkbookTooLarge, WorkbookUnreadable } from './read-limits.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header (the data follows it and its variable-length fields). */
  headerAt: number;
}

/** Compressed bytes handed to zlib at a time. */
const PUSH_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8');

/** The central directory's entries by name; throws WorkbookUnreadable when the bytes are no (supported) ZIP. */
export function zipEntries(zip: Uint8Array, maxEntries: number): Map<string, ZipEntry> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  const stop = Math.max(0, zip.length - 22 - 65_535);
  while (end >= stop && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < stop) throw new WorkbookUnreadable('not a zip');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new WorkbookUnreadable('zip64 is not supported');
  if (count > maxEntries) throw new WorkbookTooLarge(`文件包含 ${count} 个部件，超过上限 ${maxEntries}`);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || view.getUint32(at, true) !== 0x02014b50) throw new WorkbookUnreadable('bad directory');
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerAt: view.getUint32(at + 42, true),
      name: utf8.decode(zip.subarray(at + 46, at + 46 + nameLength)),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function entryData(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.headerAt;
  if (at + 30 > zip.length || view.getUint32(at, true) !== 0x04034b50) throw new WorkbookUnreadable('bad header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > zip.length) throw new WorkbookUnreadable('truncated entry');
  return zip.subarray(start, start + entry.compressedSize);
}

/**
 * Hands the entry's inflated bytes to `take` as zlib produces them. Refused before inflating when the declared
 * size passes `limit`; stopped as soon as more comes out than was declared (a lying header). `take` runs for
 * each piece zlib hands back (16 KB), so the event loop is free between pieces.
 */
export async function inflateEntry(
  zip: Uint8Array,
  entry: ZipEntry,
  limit: number,
  what: string,
  take: (bytes: Uint8Array) => void,
): Promise<void> {
  if (entry.size > limit) throw new WorkbookTooLarge(`${what}解压后 ${mb(entry.size)} MB，超过上限 ${mb(limit)} MB`);
  if (entry.method !== 0 && entry.method !== 8) throw new WorkbookUnreadable(`compression ${entry.method}`);
  const data = entryData(zip, entry);
  let seen = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > entry.size) return done(new WorkbookUnreadable(`${entry.name} inflates past its declared size`));
      try {
        take(chunk);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  function* slices() {
    for (let at = 0; at < data.length; at += PUSH_BYTES) yield data.subarray(at, at + PUSH_BYTES);
  }
  try {
    if (entry.method === 0) await pipeline(Readable.from(slices()), sink);
    else await pipeline(Readable.from(slices()), zlib.createInflateRaw(), sink);
  } catch (error) {
    if (error instanceof WorkbookTooLarge || error instanceof WorkbookUnreadable) throw error;
    throw new WorkbookUnreadable(String(error));
  }
  if (seen !== entry.size) throw new WorkbookUnreadable(`${entry.name}: ${seen} bytes, declared ${entry.size}`);
}

/** A small entry inflated whole (bounded by `limit`). */
export async function inflateSmall(zip: Uint8Array, entry: ZipEntry | undefined, limit: number, what: string) {
  if (!entry) return undefined;
  const pieces: Uint8Array[] = [];
  await inflateEntry(zip, entry, limit, what, (bytes) => pieces.push(bytes));
  return Buffer.concat(pieces);
}

export const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
