import { createReadStream } from "node:fs";
import { isUtf8 } from "node:buffer";
import { FatalError } from "../errors.js";

/**
 * Reads a text file once before anything is sent and stops at the first line that is not UTF-8: the sign of a
 * legacy Vietnamese encoding (TCVN3/ABC, VNI, Windows-1258), whose bytes a UTF-8 reader would turn into garbage
 * the hub would store. A chunk is checked whole with `isUtf8`; only a failing one is walked byte by byte.
 */
export async function assertUtf8(path: string): Promise<void> {
  let line = 1;
  let carry = Buffer.alloc(0);
  let first = true;
  for await (const piece of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let chunk = carry.length ? Buffer.concat([carry, piece as Buffer]) : (piece as Buffer);
    if (first) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) {
        throw new FatalError(`${path} is UTF-16 ("Unicode text"); save it as UTF-8 (Excel: "CSV UTF-8") and try again`);
      }
    }
    const end = completeEnd(chunk);
    carry = Buffer.from(chunk.subarray(end));
    chunk = chunk.subarray(0, end);
    if (!isUtf8(chunk)) throw legacy(path, line + newlinesBefore(chunk, firstInvalid(chunk)));
    line += newlinesBefore(chunk, chunk.length);
  }
  if (carry.length) throw legacy(path, line);
}

function legacy(path: string, line: number): FatalError {
  return new FatalError(
    `${path}: line ${line} is not valid UTF-8 — the file looks like a legacy Vietnamese encoding (TCVN3, VNI or ` +
      `Windows-1258). Convert it to UTF-8 (e.g. save as "CSV UTF-8" in Excel, or use UniKey's converter) and try again; nothing was sent.`,
  );
}

/** Where the last complete UTF-8 sequence of a chunk ends (a character may continue in the next chunk). */
function completeEnd(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back for the lead
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? chunk.length - back : chunk.length;
  }
  return chunk.length;
}

/** The offset of the first byte that does not start or continue a valid sequence. */
function firstInvalid(chunk: Buffer): number {
  let i = 0;
  while (i < chunk.length) {
    const byte = chunk[i]!;
    const need = byte < 0x80 ? 1 : byte >= 0xc2 && byte < 0xe0 ? 2 : byte >= 0xe0 && byte < 0xf0 ? 3 : byte >= 0xf0 && byte < 0xf5 ? 4 : 0;
    if (need === 0) return i;
    if (need > 1 && !isUtf8(chunk.subarray(i, i + need))) return i;
    i += need;
  }
  return i;
}

function newlinesBefore(chunk: Buffer, end: number): number {
  let count = 0;
  let at = chunk.indexOf(10);
  while (at !== -1 && at < end) {
    count++;
    at = chunk.indexOf(10, at + 1);
  }
  return count;
}
