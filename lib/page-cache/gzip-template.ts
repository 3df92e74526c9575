import zlib from 'node:zlib';
import type { NonceTemplate } from './nonce-template';

/**
 * A page template compressed once, from which a gzip response with any nonce
 * is assembled without compressing again. Each part of the page is deflated on
 * its own and ends on a byte boundary (a full flush, no references back into
 * earlier parts), so the parts can be joined with the nonce in between as a
 * stored (uncompressed) block and stay one valid deflate stream. Compressing a
 * 0.7 MB page for every response cost about 13 ms; joining costs a CRC pass.
 */
export interface GzipTemplate {
  plain: NonceTemplate;
  deflated: Buffer[];
}

// magic, deflate, no flags, no mtime, no extra flags, OS unknown
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);
// a final, empty stored block: ends the deflate stream
const END = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

export function makeGzipTemplate(plain: NonceTemplate): GzipTemplate {
  return { plain, deflated: plain.parts.map((part) => zlib.deflateRawSync(part, { finishFlush: zlib.constants.Z_FULL_FLUSH })) };
}

/** A non-final stored block holding `data` (at most 65,535 bytes; a nonce is 32). */
function storedBlock(data: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}

/** The gzip bytes of the page with `nonce` wherever the render's nonce was. */
export function fillGzipTemplate(template: GzipTemplate, nonce: string): Buffer {
  const value = Buffer.from(nonce, 'latin1');
  const block = storedBlock(value);
  const chunks: Buffer[] = [HEADER];
  let crc = 0;
  let size = 0;
  template.deflated.forEach((deflated, i) => {
    if (i > 0) {
      chunks.push(block);
      crc = zlib.crc32(value, crc);
      size += value.length;
    }
    const plain = template.plain.parts[i]!;
    chunks.push(deflated);
    crc = zlib.crc32(plain, crc);
    size += plain.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  chunks.push(END, trailer);
  return Buffer.concat(chunks);
}

/** Whether an Accept-Encoding header allows gzip (by name or `*`, with a q above 0). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let gzip: number | null = null;
  let any: number | null = null;
  for (const item of header.split(',')) {
    const [name = '', ...params] = item.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (name.trim() === 'gzip') gzip = weight;
    else if (name.trim() === '*') any = weight;
  }
  return (gzip ?? any ?? 0) > 0;
}
