/**
 * The ZIP container of .xlsx files, just enough of it: writing deflated entries whose content arrives in
 * chunks (the sheet of a 300,000-row ledger is never one string), and reading one entry of an uploaded file.
 * No ZIP64: uploads are capped far below 4 GB and so are the workbooks we render.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const inflateRaw = promisify(zlib.inflateRaw);

interface WrittenEntry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer[];
  compressedSize: number;
}

/** A DOS date and time for the entries (the format ZIP headers use). */
function dosStamp(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

/** Builds a ZIP in memory: each entry is compressed as its chunks arrive, so only compressed bytes are kept. */
export class ZipWriter {
  private readonly entries: WrittenEntry[] = [];
  private readonly stamp = dosStamp(new Date());

  /** Adds an entry from a string or from chunks produced one after another (compressed off the main thread). */
  async add(name: string, content: string | AsyncIterable<string> | Iterable<string>, level = 6): Promise<void> {
    const deflate = zlib.createDeflateRaw({ level });
    const data: Buffer[] = [];
    let compressedSize = 0;
    deflate.on('data', (chunk: Buffer) => {
      data.push(chunk);
      compressedSize += chunk.length;
    });
    const finished = new Promise<void>((resolve, reject) => {
      deflate.on('end', resolve);
      deflate.on('error', reject);
    });
    let crc = 0;
    let size = 0;
    for await (const text of typeof content === 'string' ? [content] : content) {
      const bytes = Buffer.from(text, 'utf8');
      crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
    }
    deflate.end();
    await finished;
    if (size >= 0xffffffff || compressedSize >= 0xffffffff) throw new Error('文件过大，超出 ZIP 格式上限');
    this.entries.push({ name: Buffer.from(name, 'utf8'), crc, size, data, compressedSize });
  }

  /** The finished archive. */
  toBuffer(): Buffer {
    return Buffer.concat(this.toParts());
  }

  /** The finished archive as the pieces it was built from (no copy into one buffer). */
  toParts(): Buffer[] {
    const parts: Buffer[] = [];
    const central: Buffer[] = [];
    let offset = 0;
    for (const e of this.entries) {
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(0x0800, 6); // UTF-8 names
      local.writeUInt16LE(8, 8); // deflate
      local.writeUInt16LE(this.stamp.time, 10);
      local.writeUInt16LE(this.stamp.date, 12);
      local.writeUInt32LE(e.crc, 14);
      local.writeUInt32LE(e.compressedSize, 18);
      local.writeUInt32LE(e.size, 22);
      local.writeUInt16LE(e.name.length, 26);
      local.writeUInt16LE(0, 28);
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      local.copy(header, 8, 6, 30); // flags … name length are the same fields
      header.writeUInt16LE(0, 30); // extra
      header.writeUInt16LE(0, 32); // comment
      header.writeUInt16LE(0, 34); // disk
      header.writeUInt16LE(0, 36); // internal attributes
      header.writeUInt32LE(0, 38); // external attributes
      header.writeUInt32LE(offset, 42);
      central.push(header, e.name);
      parts.push(local, e.name, ...e.data);
      offset += 30 + e.name.length + e.compressedSize;
    }
    const centralSize = central.reduce((s, b) => s + b.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(centralSize, 12);
    end.writeUInt32LE(offset, 16);
    return [...parts, ...central, end];
  }
}

/** Where an entry's bytes are in a ZIP held in memory, and how they are stored. */
function locate(zip: Buffer, name: string): { method: number; data: Buffer } | undefined {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt + 22 > zip.length) return undefined;
  const count = zip.readUInt16LE(endAt + 10);
  let at = zip.readUInt32LE(endAt + 16);
  for (let i = 0; i < count && at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      if (localAt + 30 > zip.length) return undefined;
      const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
      return method === 0 || method === 8 ? { method, data: zip.subarray(dataAt, dataAt + compressedSize) } : undefined;
    }
    at += 46 + skip;
  }
  return undefined;
}

/** Reads one entry of a ZIP held in memory, by name; undefined when it is missing or stored in a way we do not read. */
export async function readZipEntry(zip: Buffer, name: string): Promise<Buffer | undefined> {
  const entry = locate(zip, name);
  if (!entry) return undefined;
  return entry.method === 0 ? entry.data : inflateRaw(entry.data);
}

/** One entry's bytes as they are inflated, for entries too big to hold at once (a sheet of 50,000 rows). */
export function streamZipEntry(zip: Buffer, name: string): AsyncIterable<Buffer> | undefined {
  const entry = locate(zip, name);
  if (!entry) return undefined;
  if (entry.method === 0) return [entry.data] as unknown as AsyncIterable<Buffer>;
  const inflate = zlib.createInflateRaw();
  inflate.end(entry.data);
  return inflate;
}
