import autocannon, { type Result } from 'autocannon';
import type { Scenario } from './scenarios';

const LONG_LIST = 1_000;

export interface Outcome {
  scenario: Scenario;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  ok: boolean;
}

/**
 * `paths` at `connections` concurrent connections for `seconds`. The
 * connections start evenly spread over the list and each walks on from there,
 * so the mix is spread across requests in flight; in a long list of one-off
 * requests each connection has a share of its own, so none repeats another's.
 */
export function drive(url: string, paths: string[], connections: number, seconds: number, headers: Record<string, string> = {}) {
  let next = 0;
  const requests = paths.map((path) => ({ method: 'GET', path }));
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    headers,
    // autocannon prepares the whole default list for every client before setupClient runs:
    // 50 copies of 20,000 paths held the first connections' responses for about 7 s.
    // So the default is one path, and each client gets its own list below.
    requests: requests.slice(0, 1),
    setupClient: (client) => {
      const from = Math.floor((next++ * requests.length) / connections) % requests.length;
      // a long list is one-off requests: each client gets a share of its own, so none repeats another's
      const own = requests.length > LONG_LIST ? requests.slice(from, from + Math.ceil(requests.length / connections)) : null;
      client.setRequests(own ?? [...requests.slice(from), ...requests.slice(0, from)]);
    },
  });
}

export async function runScenario(url: string, scenario: Scenario, connections: number, seconds: number): Promise<Outcome> {
  const result: Result = await drive(url, scenario.paths, connections, seconds, scenario.headers);
  const errors = result.errors + result.timeouts;
  const outcome = { scenario, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, errors, non2xx: result.non2xx };
  return { ...outcome, ok: errors === 0 && result.non2xx === 0 && (scenario.p99Target === null || result.latency.p99 < scenario.p99Target) };
}

/**
 * Warm-up, not measured: every warm-up path once in turn (first renders, the
 * index load), then the same load for a few seconds, so the measured run starts
 * with the server's code compiled by V8's optimising tiers rather than in them.
 */
export async function warm(url: string, scenario: Scenario, connections: number, seconds: number): Promise<string[]> {
  const paths = scenario.warmPaths ?? scenario.paths;
  const bad: string[] = [];
  for (const path of paths.slice(0, 200)) {
    const res = await fetch(url + path, { headers: scenario.headers, signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    if (!res.ok) bad.push(`${res.status} ${path}`);
  }
  const result: Result = await drive(url, paths, connections, seconds, scenario.headers);
  if (result.non2xx + result.errors + result.timeouts > 0) bad.push(`concurrent warm-up: ${result.non2xx} non-2xx, ${result.errors + result.timeouts} errors`);
  return bad;
}

export function formatTable(outcomes: Outcome[]): string {
  const rows = [['scenario', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'p99 target', 'result']];
  for (const o of outcomes) {
    rows.push([o.scenario.name, o.rps.toFixed(0), String(o.p50), String(o.p99), String(o.max), String(o.errors), String(o.non2xx), o.scenario.p99Target === null ? '(measured)' : `< ${o.scenario.p99Target} ms`, o.scenario.p99Target === null && o.ok ? '-' : o.ok ? 'PASS' : 'FAIL']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}
