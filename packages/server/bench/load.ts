import fs from 'node:fs';
import http from 'node:http';

// A bounded closed-loop load generator: N connections, each sending its next
// request as soon as the previous answer is in, for a fixed time after a
// warm-up. Hand-written rather than autocannon because chargeTicket needs a
// different body (a fresh ticket) for every request and must stop cleanly
// when the prepared tickets run out.

export interface Target {
  host: string;
  port: number;
  headers: Record<string, string>;
}

export interface Req {
  path: string;
  body: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** CPU of the server process over the measured window, in % of one core. */
  cpu: number | null;
  firstError: string | null;
  exhausted: boolean;
}

function send(
  agent: http.Agent,
  target: Target,
  req: Req,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = http.request(
      {
        host: target.host,
        port: target.port,
        path: req.path,
        method: 'POST',
        agent,
        headers: {
          ...target.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(req.body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

/** One request, for checks and counts outside the timed runs. */
export async function request(target: Target, req: Req): Promise<{ status: number; body: string }> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    return await send(agent, target, req);
  } finally {
    agent.destroy();
  }
}

/** utime + stime of a process in seconds (Linux), or null where /proc is missing. */
function cpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // CLK_TCK is 100 on Linux
  } catch {
    return null;
  }
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0
    ? NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!;

export async function runLoad(opts: {
  target: Target;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** The next request, or null when there is nothing left to send. */
  next: () => Req | null;
  serverPid?: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  let requests = 0;
  let firstError: string | null = null;
  let exhausted = false;
  const start = performance.now();
  const measureFrom = start + opts.warmupMs;
  const end = measureFrom + opts.durationMs;
  let lastDone = measureFrom;
  // CPU readings at the window's edges (or when the work runs out early).
  let cpuStart: { at: number; s: number | null } | null = null;
  let cpuEnd: { at: number; s: number | null } | null = null;
  const reading = () => ({ at: performance.now(), s: cpuSeconds(opts.serverPid) });
  const startTimer = setTimeout(() => (cpuStart = reading()), opts.warmupMs);
  const endTimer = setTimeout(() => (cpuEnd ??= reading()), opts.warmupMs + opts.durationMs);

  const worker = async () => {
    for (;;) {
      const now = performance.now();
      if (now >= end) return;
      const req = opts.next();
      if (!req) {
        if (!exhausted && cpuStart) cpuEnd ??= reading();
        exhausted = true;
        return;
      }
      const t0 = performance.now();
      let ok = false;
      let detail = '';
      try {
        const res = await send(agent, opts.target, req);
        // A GraphQL error comes back with 200 too: look for the errors key.
        ok =
          res.status === 200 &&
          !res.body.startsWith('{"errors"') &&
          !res.body.includes('"errors":[');
        if (!ok) detail = `${res.status} ${res.body.slice(0, 300)}`;
      } catch (err) {
        detail = String(err);
      }
      const t1 = performance.now();
      if (t0 >= measureFrom && t1 <= end) {
        requests++;
        latencies.push(t1 - t0);
        if (!ok) errors++;
        lastDone = t1;
      }
      if (!ok && !firstError) firstError = detail;
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  agent.destroy();
  const c0 = cpuStart as { at: number; s: number | null } | null;
  const c1 = cpuEnd as { at: number; s: number | null } | null;
  const cpu =
    c0?.s != null && c1?.s != null && c1.at > c0.at
      ? ((c1.s - c0.s) / ((c1.at - c0.at) / 1000)) * 100
      : null;

  const measuredEnd = exhausted ? Math.min(end, lastDone) : end;
  const seconds = Math.max(0.001, (measuredEnd - measureFrom) / 1000);
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests,
    errors,
    seconds,
    rps: requests / seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    cpu,
    firstError,
    exhausted,
  };
}
