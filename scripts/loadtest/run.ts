import autocannon, { type Result } from 'autocannon';
import type { Scenario } from './scenarios';

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
 * One scenario at `connections` concurrent connections for `seconds`. Each
 * connection walks the path list from its own starting point, so the mix is
 * spread across requests in flight instead of all hitting one path at once.
 */
export async function runScenario(url: string, scenario: Scenario, connections: number, seconds: number): Promise<Outcome> {
  let next = 0;
  const requests = scenario.paths.map((path) => ({ method: 'GET', path }));
  const result: Result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests,
    setupClient: (client) => {
      const from = (next++ * 7) % requests.length;
      client.setRequests([...requests.slice(from), ...requests.slice(0, from)]);
    },
  });
  const errors = result.errors + result.timeouts;
  const outcome = {
    scenario,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors,
    non2xx: result.non2xx,
  };
  return { ...outcome, ok: errors === 0 && result.non2xx === 0 && (scenario.p99Target === null || result.latency.p99 < scenario.p99Target) };
}

/** Warm-up: every path once, sequentially, so the measured run does not include first renders or the index load. */
export async function warm(url: string, scenario: Scenario): Promise<string[]> {
  const bad: string[] = [];
  for (const path of scenario.paths) {
    const res = await fetch(url + path, { signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    if (!res.ok) bad.push(`${res.status} ${path}`);
  }
  return bad;
}

export function formatTable(outcomes: Outcome[]): string {
  const rows = [['scenario', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'p99 target', 'result']];
  for (const o of outcomes) {
    rows.push([o.scenario.name, o.rps.toFixed(0), String(o.p50), String(o.p99), String(o.max), String(o.errors), String(o.non2xx), o.scenario.p99Target === null ? '(baseline)' : `< ${o.scenario.p99Target} ms`, o.scenario.p99Target === null && o.ok ? '-' : o.ok ? 'PASS' : 'FAIL']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}
