export interface GroupChapter {
  id: number;
  ordinal: number;
}

export interface GroupSegment {
  chapterId: number | null;
}

export interface TranscriptGroup<C, S> {
  chapter: C | null;
  segments: S[];
}

/**
 * The transcript as runs of segments under their chapter headings, in reading
 * order. Segments before the first chapter get no heading; a chapter with no
 * segments still gets its heading (its anchor must exist), placed by ordinal.
 */
export function groupByChapter<C extends GroupChapter, S extends GroupSegment>(chapters: readonly C[], segments: readonly S[]): TranscriptGroup<C, S>[] {
  const byId = new Map(chapters.map((c) => [c.id, c]));
  const groups: TranscriptGroup<C, S>[] = [];
  const placed = new Set<number>();
  // chapters by ordinal, walked once: each new group places the empty ones before it
  const byOrdinal = [...chapters].sort((a, b) => a.ordinal - b.ordinal);
  let next = 0;
  const placeEmptyBefore = (ordinal: number) => {
    for (; next < byOrdinal.length && byOrdinal[next]!.ordinal < ordinal; next++) {
      const c = byOrdinal[next]!;
      if (!placed.has(c.id)) {
        placed.add(c.id);
        groups.push({ chapter: c, segments: [] });
      }
    }
  };
  for (const s of segments) {
    const chapter = s.chapterId === null ? null : (byId.get(s.chapterId) ?? null);
    const last = groups.at(-1);
    if (last && last.chapter === chapter) {
      last.segments.push(s);
      continue;
    }
    if (chapter) {
      placeEmptyBefore(chapter.ordinal);
      placed.add(chapter.id);
    }
    groups.push({ chapter, segments: [s] });
  }
  placeEmptyBefore(Infinity);
  return groups;
}

/** Whether to print the speaker's name on a turn: when it changes, and at each chapter start. */
export function showSpeaker(previous: { speaker: string | null } | undefined, current: { speaker: string | null }): boolean {
  return current.speaker !== null && (previous === undefined || previous.speaker !== current.speaker);
}
