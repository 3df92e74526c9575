import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { generateCorpus, planCorpus, TOPICS, type Plant, type SynthDocument } from './corpus';

/**
 * Writes the synthetic archive as files the real importer reads: episodes as
 * front-matter transcripts (### chapters, timestamped turns), briefs as insight
 * briefs (paragraphs, no times), and a taxonomy with the benchmark's topics.
 */
export function writeCorpus(dir: string, episodes: number, seed: number): { plants: Plant[]; taxonomyPath: string; files: string[] } {
  fs.mkdirSync(dir, { recursive: true });
  const plan = planCorpus(episodes, seed);
  const files: string[] = [];
  for (const doc of generateCorpus(episodes, seed, plan)) {
    const file = path.join(dir, `${doc.kind}-${String(doc.n).padStart(5, '0')}.${doc.kind === 'episode' ? 'md' : 'txt'}`);
    fs.writeFileSync(file, doc.kind === 'episode' ? transcript(doc) : brief(doc));
    files.push(file);
  }
  const taxonomyPath = path.join(path.dirname(dir), 'bench-topics.yaml');
  fs.writeFileSync(
    taxonomyPath,
    stringify({
      'ladder-taxonomy': 1,
      topics: TOPICS.map((t) => ({ slug: t.slug, name: t.name, description: `Benchmark topic: ${t.name}.`, phrases: t.phrases })),
    }),
  );
  return { plants: plan.plants, taxonomyPath, files };
}

/** The file an episode number was written to (plants are recorded by episode number and ordinal). */
export function episodeFile(dir: string, n: number): string {
  return path.join(dir, `episode-${String(n).padStart(5, '0')}.md`);
}

function transcript(doc: SynthDocument): string {
  const [d, m, y] = [doc.publishedOn.slice(8, 10), doc.publishedOn.slice(5, 7), doc.publishedOn.slice(0, 4)];
  const last = doc.chapters[doc.chapters.length - 1]!.segments.at(-1)!;
  const lines = [
    '---',
    `podcast_name: ${doc.show}`,
    `guest_name: ${doc.guest}`,
    `host_name: ${doc.host}`,
    `episode_date: ${d}/${m}/${y}`,
    `episode_duration: ${Math.ceil(((last.startSeconds ?? 0) + 60) / 60)}`,
    `episode_title: ${JSON.stringify(doc.title)}`,
    `guest_background: [${doc.chapters.map((c) => JSON.stringify(c.title)).join(', ')}]`,
    '---',
    'Transcript',
  ];
  for (const c of doc.chapters) {
    lines.push(`### ${c.title}`);
    for (const s of c.segments) {
      lines.push(`${s.speaker === 'host' ? doc.host : doc.guest} ${clock(s.startSeconds ?? 0)}:`, '', s.text, '');
    }
  }
  return lines.join('\n');
}

function brief(doc: SynthDocument): string {
  const paragraphs = doc.chapters.flatMap((c) => c.segments.map((s) => s.text));
  return [paragraphs[0], 'Related Insights', ...paragraphs.slice(1)].join('\n\n') + '\n';
}

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((x) => String(x).padStart(2, '0')).join(':');
}
