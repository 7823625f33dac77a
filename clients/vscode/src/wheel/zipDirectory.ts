import * as fs from 'node:fs/promises';

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  /** Bytes once extracted. */
  size: number;
  /** Bytes in the archive. */
  compressedSize: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * Lists a zip's entries from its central directory, without extracting anything: enough to show a wheel's contents
 * with sizes. Supports zip64 sizes and offsets (a wheel over 4 GiB is rare, but the format allows it).
 * @throws Error naming the file when it is not a zip.
 */
export async function readZipEntries(file: string): Promise<ZipEntry[]> {
  const data = await fs.readFile(file);
  const end = findEndRecord(data);
  if (end < 0) {
    throw new Error(`'${file}' is not a zip file (no end of central directory record)`);
  }
  let count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const locator = end - 20;
  if (locator >= 0 && data.readUInt32LE(locator) === ZIP64_END_LOCATOR) {
    const zip64End = Number(data.readBigUInt64LE(locator + 8));
    if (data.readUInt32LE(zip64End) !== ZIP64_END) {
      throw new Error(`'${file}' has a broken zip64 end record`);
    }
    count = Number(data.readBigUInt64LE(zip64End + 32));
    offset = Number(data.readBigUInt64LE(zip64End + 48));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_FILE_HEADER) {
      throw new Error(`'${file}' has a broken central directory at entry ${i}`);
    }
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    let compressedSize = data.readUInt32LE(offset + 20);
    let size = data.readUInt32LE(offset + 24);
    if (size === 0xffffffff || compressedSize === 0xffffffff) {
      ({ size, compressedSize } = readZip64Sizes(data, offset + 46 + nameLength, extraLength, size, compressedSize));
    }
    entries.push({ name, size, compressedSize });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(data: Buffer): number {
  const lowest = Math.max(0, data.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let i = data.length - END_RECORD_SIZE; i >= lowest; i--) {
    if (data.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      return i;
    }
  }
  return -1;
}

/** The zip64 extra field (id 1) holds, in order, only the sizes whose 32-bit fields are 0xffffffff. */
function readZip64Sizes(data: Buffer, start: number, length: number, size: number, compressedSize: number):
  { size: number; compressedSize: number } {
  let position = start;
  while (position + 4 <= start + length) {
    const id = data.readUInt16LE(position);
    const fieldLength = data.readUInt16LE(position + 2);
    if (id === 1) {
      let cursor = position + 4;
      if (size === 0xffffffff) {
        size = Number(data.readBigUInt64LE(cursor));
        cursor += 8;
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = Number(data.readBigUInt64LE(cursor));
      }
      break;
    }
    position += 4 + fieldLength;
  }
  return { size, compressedSize };
}
