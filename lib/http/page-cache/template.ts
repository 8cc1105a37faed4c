// A cached page as a template around its CSP nonce: the HTML is stored cut at every place the
// nonce it was rendered with appears, and each response joins the pieces with a fresh nonce
// (newNonce, the one proxy.ts uses), so no two visitors ever share a nonce.
// Compression is done once per entry, not per response: each piece is deflated on its own
// (sync flush: non-final blocks ending on a byte boundary, no reference back into another
// piece), so a response is the pieces' deflate data with the fresh nonce between them as a
// stored block, one empty final block, and the gzip header and trailer (CRC-32 and length of
// the whole page, zlib.crc32 over the pieces and nonce: native, far cheaper than compressing).
import zlib from "node:zlib";

export interface PageTemplate {
  /** the HTML split at the nonce (pieces.length - 1 places to fill) */
  pieces: Buffer[];
  /** each piece raw-deflated with a sync flush, when compressed */
  deflated: Buffer[] | null;
  /** total length of the pieces, for Content-Length */
  bytes: number;
}

/** Cuts `body` at every occurrence of `nonce`. */
export function splitOnNonce(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, from)) {
    pieces.push(body.subarray(from, at));
    from = at + needle.length;
  }
  pieces.push(body.subarray(from));
  // Copies: the pieces must not keep the whole captured buffer alive through a subarray.
  return pieces.map((p) => Buffer.from(p));
}

export function makeTemplate(body: Buffer, nonce: string, compress: boolean): PageTemplate {
  const pieces = splitOnNonce(body, nonce);
  const deflated = compress ? pieces.map((p) => zlib.deflateRawSync(p, { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH })) : null;
  return { pieces, deflated, bytes: pieces.reduce((n, p) => n + p.length, 0) };
}

/** What a template takes in memory (for the cache's byte budget). */
export function templateBytes(t: PageTemplate): number {
  return t.bytes + (t.deflated?.reduce((n, p) => n + p.length, 0) ?? 0) + 64 * t.pieces.length;
}

/** The identity body with `nonce` in every place, as the buffers to send one after the other. */
export function fillParts(t: PageTemplate, nonce: string): Buffer[] {
  const n = Buffer.from(nonce);
  const parts: Buffer[] = [];
  t.pieces.forEach((p, i) => (i === 0 ? parts.push(p) : parts.push(n, p)));
  return parts;
}

/** The identity body with `nonce` in every place. */
export function fill(t: PageTemplate, nonce: string): Buffer {
  return Buffer.concat(fillParts(t, nonce));
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** BFINAL=1, fixed Huffman codes, end-of-block at once: the deflate stream ends here. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

/** A stored (uncompressed) deflate block holding `data` (< 64 KiB), starting on a byte boundary. */
function storedBlock(data: Buffer): Buffer {
  const len = data.length;
  return Buffer.concat([Buffer.from([0x00, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff]), data]);
}

/** The gzip body with `nonce` in every place (as buffers to send in order), or null when the template was not compressed. */
export function fillGzip(t: PageTemplate, nonce: string): Buffer[] | null {
  if (!t.deflated) return null;
  const n = Buffer.from(nonce);
  const nonceBlock = storedBlock(n);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  t.pieces.forEach((p, i) => {
    if (i > 0) {
      parts.push(nonceBlock);
      crc = zlib.crc32(n, crc);
    }
    parts.push(t.deflated![i]!);
    // Skipped when empty: zlib.crc32 of a Buffer over a zero-length ArrayBuffer returns 0, not `crc` (Node 20).
    if (p.length > 0) crc = zlib.crc32(p, crc);
  });
  const size = t.bytes + n.length * (t.pieces.length - 1);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  parts.push(FINAL_EMPTY_BLOCK, trailer);
  return parts;
}
