import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, fillGzipTemplate, makeGzipTemplate } from '@/lib/page-cache/gzip-template';
import { makeNonceTemplate } from '@/lib/page-cache/nonce-template';

const OLD = '0123456789abcdef0123456789abcdef';
const NEW = 'fedcba9876543210fedcba9876543210';

describe('gzip templates', () => {
  it('assemble a gzip stream that decompresses to the page with the new nonce', () => {
    const html = `<script nonce="${OLD}">x</script>${'<p>Some transcript text, é ≈ 3:15.</p>'.repeat(200)}<script nonce="${OLD}">["${OLD}"]</script>`;
    const gz = fillGzipTemplate(makeGzipTemplate(makeNonceTemplate(Buffer.from(html), OLD)), NEW);
    expect(zlib.gunzipSync(gz).toString()).toBe(html.replaceAll(OLD, NEW));
    expect(gz.length).toBeLessThan(Buffer.byteLength(html) / 5);
  });

  it('works for a page without a nonce, one that is only a nonce, and an empty one', () => {
    for (const html of ['<p>plain</p>', OLD, '']) {
      const gz = fillGzipTemplate(makeGzipTemplate(makeNonceTemplate(Buffer.from(html), OLD)), NEW);
      expect(zlib.gunzipSync(gz).toString()).toBe(html.replaceAll(OLD, NEW));
    }
  });

  it('keeps a large real page intact (the corpus transcript, with nonces planted through it)', () => {
    const file = path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
    const name = fs.readdirSync(file).find((f) => fs.statSync(path.join(file, f)).size > 50_000)!;
    const text = fs.readFileSync(path.join(file, name), 'utf8');
    const html = text.split('\n').join(`\n<script nonce="${OLD}"></script>`);
    const gz = fillGzipTemplate(makeGzipTemplate(makeNonceTemplate(Buffer.from(html), OLD)), NEW);
    expect(zlib.gunzipSync(gz).equals(Buffer.from(html.replaceAll(OLD, NEW)))).toBe(true);
  });

  it.each([
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['GZIP', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip;q=0.0, deflate', false],
    ['identity', false],
    ['br', false],
    ['*;q=0', false],
    ['', false],
  ])('Accept-Encoding %j allows gzip: %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
