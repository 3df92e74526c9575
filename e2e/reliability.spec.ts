import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { startServer, type Server } from '../scripts/loadtest/server';
import { fillDisk } from '../tests/reliability/helpers/disk-full';
import { readOnlyCopy } from '../tests/reliability/helpers/mounts';
import { E2E_DB } from './global-setup';

/**
 * `next start` on databases the main e2e server does not serve: a read-only
 * copy of the e2e database (a read-only mount as root, as in CI; a folder
 * without write permission otherwise), and a database filled by an import that
 * ran out of space (a small tmpfs as root; a file-size limit otherwise). Each
 * runs on a free port of its own.
 */
test.describe.configure({ mode: 'serial' });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function firstSlug(db: string): string {
  const conn = new Database(db, { readonly: true });
  try {
    return (conn.prepare(`SELECT slug FROM documents WHERE kind = 'episode' ORDER BY id LIMIT 1`).get() as { slug: string }).slug;
  } finally {
    conn.close();
  }
}

test.describe('a server on a read-only copy of the database', () => {
  let tmp: string;
  let ro: ReturnType<typeof readOnlyCopy>;
  let server: Server;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-e2e-ro-'));
    ro = readOnlyCopy(E2E_DB, path.join(tmp, 'medium'));
    server = await startServer({ port: await freePort(), dbPath: ro.db, readyPath: '/robots.txt', timeoutMs: 120_000 });
  });
  test.afterAll(async () => {
    await server?.stop();
    ro?.cleanup();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('serves every kind of page, the search page and the search API, and writes nothing', async ({ request }) => {
    const before = fs.readdirSync(path.dirname(ro.db)).sort();
    const slug = firstSlug(ro.db);
    for (const page of ['/', '/episodes', `/episodes/${slug}`, '/guests', '/topics', '/search?q=promo']) {
      const res = await request.get(server.url + page);
      expect(res.status(), `${page} on ${ro.mechanism}`).toBe(200);
    }
    const api = await request.get(`${server.url}/api/search?q=promo`);
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { total: number; degraded?: string };
    expect(body.total).toBeGreaterThan(0);
    // the index published beside the database was loaded, not replaced by the fallback
    expect(body.degraded).toBeUndefined();
    expect(fs.readdirSync(path.dirname(ro.db)).sort()).toEqual(before);
    expect(server.output()).not.toMatch(/SqliteError|EROFS|EACCES|readonly database|\[search\]/);
  });
});

test.describe('a server on a database filled by an import that ran out of space', () => {
  let tmp: string;
  let disk: ReturnType<typeof fillDisk>;
  let server: Server;

  test.beforeAll(async () => {
    test.setTimeout(400_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ladder-e2e-full-'));
    disk = fillDisk(tmp);
    server = await startServer({ port: await freePort(), dbPath: disk.db, readyPath: '/robots.txt', timeoutMs: 120_000 });
  });
  test.afterAll(async () => {
    await server?.stop();
    disk?.cleanup();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('serves the documents that were written, the library and search', async ({ request }) => {
    expect(disk.second.status, disk.mechanism).toBe(1);
    const report = JSON.parse(disk.second.stdout) as { documents: { slug: string }[]; failed: unknown[] };
    expect(report.failed.length).toBeGreaterThan(0);
    for (const page of ['/', '/episodes', '/guests', '/search?q=calibration', ...report.documents.slice(0, 5).map((d) => `/episodes/${d.slug}`)]) {
      const res = await request.get(server.url + page);
      expect(res.status(), page).toBe(200);
    }
    const api = await request.get(`${server.url}/api/search?q=calibration`);
    expect(api.status()).toBe(200);
    expect(((await api.json()) as { total: number }).total).toBeGreaterThan(0);
    expect(server.output()).not.toMatch(/SqliteError|ENOSPC|EFBIG/);
  });
});
