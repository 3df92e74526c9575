import type { SegmentStore } from './store';
import type { TermRef } from './terms';

/** Where a term stands outside the text: the title of the chapter a segment opens (0), of the document it opens (1), or its speaker's name (2). */
export type FieldKind = 0 | 1 | 2;

/** Calls `fn` for the segments opening a chapter or document whose title holds the term, and the segments of a speaker whose name does. */
export function eachFieldPosition(store: SegmentStore, t: TermRef, fn: (p: number, kind: FieldKind) => void): void {
  const { chapterOwners, docOwners, speakerOwners, chapterFirst, docFirst, speakerPositions } = store;
  const { id } = t;
  for (let k = chapterOwners.start[id]!; k < chapterOwners.start[id + 1]!; k++) {
    const p = chapterFirst[chapterOwners.list[k]!]!;
    if (p >= 0) fn(p, 0);
  }
  for (let k = docOwners.start[id]!; k < docOwners.start[id + 1]!; k++) {
    const p = docFirst[docOwners.list[k]!]!;
    if (p >= 0) fn(p, 1);
  }
  for (let k = speakerOwners.start[id]!; k < speakerOwners.start[id + 1]!; k++) {
    const s = speakerOwners.list[k]!;
    for (let j = speakerPositions.start[s]!; j < speakerPositions.start[s + 1]!; j++) fn(speakerPositions.list[j]!, 2);
  }
}
