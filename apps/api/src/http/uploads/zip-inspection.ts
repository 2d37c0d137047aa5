import { inflateRawSync } from 'node:zlib';

/** What an uploaded workbook may unpack to: far above any plan, far below what hurts the process. */
export const ZIP_LIMITS = { entries: 200, entryBytes: 20 * 1024 * 1024, totalBytes: 40 * 1024 * 1024 };

export type ZipVerdict = { ok: true; names: string[] } | { ok: false; reason: 'NOT_A_ZIP' | 'TOO_LARGE' | 'MACROS'; detail: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Reads a zip's directory and inflates each entry with its declared size as the bound, before
 * any XLSX library sees it: a zip bomb (sizes declared huge, or declared small and lied about)
 * stops here at the limit instead of filling memory, and a macro project is found by its name.
 * Zip64 is refused: a workbook under the upload limit never needs it.
 */
export function inspectZip(bytes: Buffer): ZipVerdict {
  const end = endOfDirectory(bytes);
  if (end === null) return { ok: false, reason: 'NOT_A_ZIP', detail: 'The file is not an XLSX workbook (no zip directory)' };
  const count = bytes.readUInt16LE(end + 10);
  if (count > ZIP_LIMITS.entries) return { ok: false, reason: 'TOO_LARGE', detail: `The workbook holds ${count} parts; at most ${ZIP_LIMITS.entries}` };
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return notAZip();
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    names.push(name);
    if (/vba[^/]*\.bin$/i.test(name)) {
      return { ok: false, reason: 'MACROS', detail: 'The workbook carries macros (a VBA project); save it as .xlsx without macros' };
    }
    total += size;
    if (size > ZIP_LIMITS.entryBytes || total > ZIP_LIMITS.totalBytes) {
      return { ok: false, reason: 'TOO_LARGE', detail: `The workbook unpacks to more than ${ZIP_LIMITS.totalBytes / 1024 / 1024} MiB` };
    }
    const data = entryData(bytes, local, compressed);
    if (data === null) return notAZip();
    const checked = inflatesWithin(data, method, size);
    if (checked !== 'ok')
      return checked === 'too large' ? { ok: false, reason: 'TOO_LARGE', detail: `${name.slice(0, 80)} unpacks to more than it declares` } : notAZip();
  }
  return { ok: true, names };
}

const notAZip = (): ZipVerdict => ({ ok: false, reason: 'NOT_A_ZIP', detail: 'The file is not a readable XLSX workbook' });

function endOfDirectory(bytes: Buffer): number | null {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) !== EOCD) continue;
    const count = bytes.readUInt16LE(at + 10);
    const offset = bytes.readUInt32LE(at + 16);
    return count === 0xffff || offset === 0xffffffff || offset >= bytes.length ? null : at;
  }
  return null;
}

function entryData(bytes: Buffer, local: number, compressed: number): Buffer | null {
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) return null;
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  return start + compressed > bytes.length ? null : bytes.subarray(start, start + compressed);
}

function inflatesWithin(data: Buffer, method: number, size: number): 'ok' | 'too large' | 'broken' {
  if (method === 0) return data.length === size ? 'ok' : 'broken';
  if (method !== 8) return 'broken';
  try {
    // One byte more than declared: an entry that reaches it lied about its size.
    return inflateRawSync(data, { maxOutputLength: size + 1 }).length === size ? 'ok' : 'broken';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'too large' : 'broken';
  }
}
