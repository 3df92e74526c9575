import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type LadderDb } from '@/db/client';
import { importPaths } from '@/db/import/run-import';
import { getDocumentFacets } from '@/db/queries/archive';
import { countDocuments, listDocuments } from '@/db/queries/document-list';
import { listPeoplePage } from '@/db/queries/people';
import { pageNumbers, pageWindow, parsePage, parseSort } from '@/lib/list/paging';
import { frontmatterTranscript } from '../support/samples';
import { makeTempDir, writeFiles } from '../support/temp';

// The paged lists' queries on a small library: titles with numbers, guests with one or two episodes.
const GUESTS = ['Abel Ashdown', 'Bria Birchley', 'Cato Colter', 'Dara Dunmore'];
let tmp: ReturnType<typeof makeTempDir>;
let ladderDb: LadderDb;

beforeAll(async () => {
  tmp = makeTempDir('ladder-lists-');
  const files: Record<string, string> = {};
  // Abel appears three times, Bria twice, Cato and Dara once; titles number past 9
  const plan = [0, 0, 0, 1, 1, 2, 3];
  plan.forEach((g, i) => {
    files[`ep-${i}.md`] = frontmatterTranscript({ title: `Show notes part ${[10, 2, 1, 11, 100, 3, 21][i]}`, guest: GUESTS[g]! });
  });
  writeFiles(tmp.dir, files);
  const dbPath = path.join(tmp.dir, 'lists.db');
  await importPaths({ paths: [tmp.dir], dbPath, rebuildIndex: false });
  ladderDb = openDatabase({ path: dbPath, readonly: true });
});

afterAll(() => {
  ladderDb?.sqlite.close();
  tmp?.cleanup();
});

describe('the paged lists', () => {
  it('sorts titles A–Z with numbers by value, one page at a time', () => {
    const all = listDocuments({ ladderDb, sort: 'title' }).map((d) => d.title);
    expect(all).toEqual(['Show notes part 1', 'Show notes part 2', 'Show notes part 3', 'Show notes part 10', 'Show notes part 11', 'Show notes part 21', 'Show notes part 100']);
    expect(listDocuments({ ladderDb, sort: 'title', limit: 3, offset: 3 }).map((d) => d.title)).toEqual(['Show notes part 10', 'Show notes part 11', 'Show notes part 21']);
  });

  it('filters by every word of the box, in the title or a name', () => {
    expect(countDocuments({ ladderDb, filters: { text: 'notes abel' } })).toBe(3);
    expect(listDocuments({ ladderDb, filters: { text: 'BRIA part 1' } }).map((d) => d.title).sort()).toEqual(['Show notes part 100', 'Show notes part 11']);
    // LIKE's own wildcards are text here
    expect(countDocuments({ ladderDb, filters: { text: '%' } })).toBe(0);
  });

  it('lists guests most episodes first, pages them, and searches them by name', () => {
    const page = listPeoplePage({ role: 'guest', limit: 2, ladderDb });
    expect(page.total).toBe(4);
    expect(page.people.map((p) => [p.name, p.guestCount])).toEqual([
      ['Abel Ashdown', 3],
      ['Bria Birchley', 2],
    ]);
    expect(listPeoplePage({ role: 'guest', limit: 2, offset: 2, sort: 'name', ladderDb }).people.map((p) => p.name)).toEqual(['Cato Colter', 'Dara Dunmore']);
    expect(listPeoplePage({ role: 'guest', text: 'dunm', limit: 10, ladderDb }).people.map((p) => p.name)).toEqual(['Dara Dunmore']);
    expect(listPeoplePage({ role: 'host', limit: 10, ladderDb }).people.map((p) => p.name)).toEqual(['Jordan Blake']);
  });

  it('offers the guests with the most documents first, finds any by name, and keeps the active one', () => {
    const top = getDocumentFacets({ ladderDb, limit: 2 });
    expect(top.guest.map((g) => g.label)).toEqual(['Abel Ashdown', 'Bria Birchley']);
    expect(top.totals.guest).toBe(4);
    expect(getDocumentFacets({ ladderDb, limit: 2, match: { guest: 'colter' } }).guest.map((g) => g.label)).toEqual(['Cato Colter']);
    expect(getDocumentFacets({ ladderDb, limit: 2, active: { guest: 'dara-dunmore' } }).guest.map((g) => g.label)).toEqual(['Abel Ashdown', 'Bria Birchley', 'Dara Dunmore']);
  });
});

describe('paging parameters', () => {
  it('reads ?page= and ?sort= leniently', () => {
    expect([parsePage(undefined), parsePage('3'), parsePage('0'), parsePage('-2'), parsePage('abc'), parsePage(['4', '5'])]).toEqual([1, 3, 1, 1, 1, 4]);
    expect(parseSort('title', ['newest', 'title'] as const, 'newest')).toBe('title');
    expect(parseSort('drop table', ['newest', 'title'] as const, 'newest')).toBe('newest');
  });

  it('shows the last page when asked for one past the end', () => {
    expect(pageWindow(50, 9)).toEqual({ page: 3, pageCount: 3, offset: 48, limit: 24 });
    expect(pageWindow(0, 1)).toEqual({ page: 1, pageCount: 1, offset: 0, limit: 24 });
  });

  it('offers the first, the last and two pages either side', () => {
    expect(pageNumbers(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
  });
});
