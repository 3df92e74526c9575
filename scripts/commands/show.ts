import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { getDocumentBySlug } from '@/db/queries/documents';
import { formatTimestamp } from '@/lib/text/time';

export async function runShowCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const slug = positionals[0];
  if (!slug || positionals.length > 1) {
    console.error('usage: ladder show SLUG [--db FILE] [--json]');
    return 2;
  }
  const ladderDb = openDatabase({ path: values.db, readonly: true });
  try {
    const doc = getDocumentBySlug({ slug, ladderDb });
    if (!doc) {
      console.error(`ladder show: no document with slug "${slug}"`);
      return 1;
    }
    const chapterTitle = new Map(doc.chapters.map((c) => [c.id, c.title]));
    const out = {
      slug: doc.slug,
      kind: doc.kind,
      title: doc.title,
      show: doc.show?.name ?? null,
      publishedOn: doc.publishedOn,
      durationSeconds: doc.durationSeconds,
      people: doc.people.map((p) => ({ name: p.name, role: p.role })),
      chapters: doc.chapters.map((c) => ({ title: c.title, startSeconds: c.startSeconds, endSeconds: c.endSeconds, estimated: c.estimated, generated: c.generated, topics: c.topics })),
      segments: doc.segments.map((s) => ({
        chapter: s.chapterId === null ? null : (chapterTitle.get(s.chapterId) ?? null),
        speaker: s.speaker,
        startSeconds: s.startSeconds,
        estimated: s.estimated,
        text: s.text,
        topics: s.topics,
      })),
    };
    if (values.json) {
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      process.stdout.write(`${out.title} [${out.kind}] ${out.show ?? ''} ${out.publishedOn ?? ''}\n`);
      for (const c of doc.chapters) {
        const at = c.startSeconds === null ? '     ' : `${c.estimated ? '≈' : ' '}${formatTimestamp(c.startSeconds)}`;
        process.stdout.write(`  ${at}  ${c.title}${c.generated ? ' (auto)' : ''}  ${c.topics.join(', ')}\n`);
      }
      process.stdout.write(`  ${out.segments.length} segments\n`);
    }
    return 0;
  } finally {
    ladderDb.sqlite.close();
  }
}
