import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { importPaths } from '@/db/import/run-import';
import { frontmatterTranscript } from './support/samples';
import { makeTempDir, writeFiles } from './support/temp';

it('probe', async () => {
  const t = makeTempDir();
  const c = path.join(t.dir, 'c');
  const base = frontmatterTranscript();
  const cases: Record<string, string | Uint8Array> = {
    'empty.md': '',
    'binary.bin': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
    'latin1.md': Buffer.concat([Buffer.from(base.split('\n').slice(0, 20).join('\n') + '\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]), Buffer.from(base.split('\n').slice(20).join('\n'))]),
    'bomcrlf.md': '\ufeff' + frontmatterTranscript({ title: 'Bom crlf' }).replace(/\n/g, '\r\n'),
    'noclose.md': base.replace('chapters: [Getting put on a PIP, The staff promo]\n---', 'chapters: [Getting put on a PIP, The staff promo]'),
    'wrongtype.md': base.replace('duration: 30', 'duration: [1, 2]'),
    'wrongtype2.md': base.replace('title: From PIP to staff promo', 'title: [a, b]'),
    'wrongtype3.md': base.replace('yoe-starting: 2011', 'yoe-starting: {a: 1}'),
    'malformed.md': base.replace('00:10:30', '00:1x:30'),
    'range.md': base.replace('00:10:30', '00:75:00'),
    'back.md': base.replace('00:10:30', '00:01:00'),
    'emptyturn.md': base.replace('Yes, a performance improvement plan in my second year. I had thirty days to show impact.', ''),
    'emptychapter.md': base.replace('### The staff promo', '### Empty one\n\n### The staff promo'),
  };
  writeFiles(c, cases);
  const r = await importPaths({ paths: [c], dbPath: path.join(t.dir, 'db.sqlite'), rebuildIndex: false });
  console.log(JSON.stringify(r.failed.map(f => ({...f, file: path.basename(f.file)})), null, 1));
  console.log(JSON.stringify(r.documents.map(d => ({ f: path.basename(d.file), slug: d.slug, seg: d.segments, ch: d.chapters, w: d.warnings })), null, 1));
  t.cleanup();
});
