import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { NextApiRequest, NextApiResponse } from 'next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPaths } from '@/db/import/run-import';
import handler from '@/pages/api/moments';
import { CORPUS_DIR } from '../support/corpus';
import { useTempServerDb } from '../support/server-db';

let server: ReturnType<typeof useTempServerDb>;

beforeAll(async () => {
  server = useTempServerDb('ladder-moments-api-', 'moments.db');
  await importPaths({ paths: [CORPUS_DIR], dbPath: server.dbPath, rebuildIndex: false });
});
afterAll(() => server.restore());

/** Runs the real /api/moments route on a minimal request and response. */
function call(qs: string, method = 'GET'): { status: number; body: Record<string, unknown> } {
  let text = '';
  const res = {
    statusCode: 200,
    setHeader: () => res,
    end(body?: string) {
      text = body ?? '';
      return res;
    },
  };
  handler({ method, url: `/api/moments?${qs}` } as NextApiRequest, res as unknown as NextApiResponse);
  return { status: res.statusCode, body: JSON.parse(text) as Record<string, unknown> };
}

describe('GET /api/moments and `ladder moments --json`', () => {
  it('filter by company, levels and kind', () => {
    const { status, body } = call('company=meta&from=m1&to=M2&kind=promotion');
    expect(status).toBe(200);
    expect(body.total).toBe(1);
    const [m] = body.moments as Record<string, unknown>[];
    expect(m).toMatchObject({ kind: 'promotion', person: { name: 'Stefan Mai', slug: 'stefan-mai' }, company: 'Meta', from: { step: 'm1' }, to: { step: 'm2' }, durationMonths: 42, source: 'speech' });
    expect(m!.url).toMatch(/^\/episodes\/[^?]+\?t=1636$/);
  });

  it('answers a bad parameter with 400 and a method other than GET with 405', () => {
    expect(call('from=wizard')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^from: "wizard"/) } });
    expect(call('', 'POST').status).toBe(405);
  });

  it('give the same data from the CLI', () => {
    const cli = spawnSync('npx', ['tsx', '--conditions=react-server', 'scripts/ladder.ts', 'moments', '--company', 'Meta', '--to', 'staff', '--db', server.dbPath, '--json'], {
      cwd: path.resolve(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(call('company=Meta&to=staff').body);
    expect((JSON.parse(cli.stdout) as { moments: { person: { name: string } }[] }).moments.map((m) => m.person.name)).toEqual(['Evan King']);
  });
});
