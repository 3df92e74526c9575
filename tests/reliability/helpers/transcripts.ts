/** Generated inputs for the reliability suites (fictional people). */

const WORDS = ['promo', 'packet', 'calibration', 'manager', 'staff', 'impact', 'layoffs', 'interview', 'startup', 'review', 'scope', 'team'];

function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

/** A front-matter transcript with `turns` turns over three chapters; `i` makes title, guest and text unique. */
export function longTranscript(i: number, turns = 120): string {
  const guest = `Guest${String.fromCharCode(65 + (i % 26))} Number${i}`;
  const lines = [
    '---',
    'show: Reliability Pod',
    `guest: ${guest}`,
    'host: Jordan Blake',
    `title: Generated story ${i}`,
    'date: 2024-01-15',
    'duration: 120',
    '---',
  ];
  for (let t = 0; t < turns; t++) {
    if (t % Math.ceil(turns / 3) === 0) lines.push('', `### Chapter ${Math.floor(t / Math.ceil(turns / 3)) + 1}`);
    const speaker = t % 2 === 0 ? 'Jordan' : guest.split(' ')[0];
    const words = Array.from({ length: 40 }, (_, k) => WORDS[(i * 7 + t * 3 + k) % WORDS.length]).join(' ');
    lines.push('', `${speaker} ${clock(t * 20)}:`, '', `Turn ${t} of story ${i}: ${words}.`);
  }
  return `${lines.join('\n')}\n`;
}

/** An SRT file; `times` overrides the timing line of cue n (1-based). */
export function srtFile(cues: number, times: Record<number, string> = {}): string {
  const out: string[] = [];
  for (let n = 1; n <= cues; n++) {
    const start = `00:00:${String(n * 2).padStart(2, '0')},000`;
    const end = `00:00:${String(n * 2 + 1).padStart(2, '0')},500`;
    const speaker = n % 2 ? 'Ana Lopez' : 'Ben Okafor';
    out.push(String(n), times[n] ?? `${start} --> ${end}`, `${speaker}: cue ${n} about the promo packet.`, '');
  }
  return out.join('\n');
}

/** Writes a file of `bytes` bytes in 1 MB chunks, so the test itself never holds it in memory. */
export async function writeLargeTranscript(file: string, bytes: number): Promise<void> {
  const fs = await import('node:fs');
  const head = longTranscript(0, 3);
  const chunk = Buffer.from(`\nJordan 00:59:59:\n\n${'calibration promo packet '.repeat(40_000)}\n`.slice(0, 1 << 20));
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, head);
    for (let written = head.length; written < bytes; written += chunk.length) {
      fs.writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
    }
  } finally {
    fs.closeSync(fd);
  }
}
