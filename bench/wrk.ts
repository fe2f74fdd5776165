import { spawn } from 'node:child_process';
import { trackChild } from './child.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export type WrkOptions = {
  url: string;
  durationS: number;
  connections: number;
  threads: number;
  /** Per-request timeout; wrk counts slower responses as timeouts and leaves them out of the latencies. */
  timeoutS?: number;
  /** Request paths (already URL-encoded), cycled per request instead of always requesting `url`. */
  paths?: string[];
  /** Whole requests (method, path, headers, body), cycled per request; takes precedence over `paths`. */
  requests?: WrkRequest[];
};

export type WrkRequest = { method: string; path: string; headers?: Record<string, string>; body?: string };

export type WrkResult = {
  requests: number;
  seconds: number;
  rps: number;
  mbPerS: number;
  p50Ms: number;
  p90Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** connect + read + write errors and timeouts. */
  socketErrors: number;
  timeouts: number;
  /** Responses other than 2xx/3xx. */
  non2xx: number;
};

const WRK = '/usr/bin/wrk';
const RESULT_MARK = 'WRK_RESULT ';

/**
 * Runs `wrk -tT -cC -dDs --latency` and parses its output. A Lua `done` hook prints the exact figures
 * (wrk's text rounds them and has no p95); the process is killed if it overruns.
 */
export async function runWrk(opts: WrkOptions): Promise<WrkResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gongkai-wrk-'));
  try {
    const script = path.join(dir, 'bench.lua');
    await writeFile(script, luaScript(opts.requests ?? opts.paths?.map((p) => ({ method: 'GET', path: p }))));
    const args = [`-t${opts.threads}`, `-c${opts.connections}`, `-d${opts.durationS}s`, `--timeout`, `${opts.timeoutS ?? 2}s`, '--latency', '-s', script, opts.url];
    const output = await run(WRK, args, (opts.durationS + 20) * 1000);
    return parseWrkOutput(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Parses the `done` hook's line (plus the standard text as a cross-check of the request rate). */
export function parseWrkOutput(output: string): WrkResult {
  const line = output.split('\n').find((l) => l.startsWith(RESULT_MARK));
  if (!line) throw new Error(`wrk printed no result:\n${output.slice(-2000)}`);
  const raw: unknown = JSON.parse(line.slice(RESULT_MARK.length));
  const n = (key: string): number => {
    const v = typeof raw === 'object' && raw !== null ? Object.getOwnPropertyDescriptor(raw, key)?.value : undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`wrk result lacks ${key}: ${line}`);
    return v;
  };
  const seconds = n('durationUs') / 1e6;
  const requests = n('requests');
  const textRps = /Requests\/sec:\s+([\d.]+)/.exec(output)?.[1];
  const rps = textRps ? Number(textRps) : requests / seconds;
  const ms = (key: string) => Math.round(n(key) / 10) / 100;
  return {
    requests,
    seconds,
    rps,
    mbPerS: n('bytes') / seconds / 1e6,
    p50Ms: ms('p50Us'),
    p90Ms: ms('p90Us'),
    p95Ms: ms('p95Us'),
    p99Ms: ms('p99Us'),
    maxMs: ms('maxUs'),
    socketErrors: n('connectErrors') + n('readErrors') + n('writeErrors') + n('timeouts'),
    timeouts: n('timeouts'),
    non2xx: n('statusErrors'),
  };
}

function luaScript(requests: WrkRequest[] | undefined): string {
  // Each thread formats the requests once in init(); request() only picks the next one.
  const cycle = requests && requests.length > 0
    ? `local specs = {
${requests.map(luaRequest).join(',\n')}
}
local reqs = {}
local counter = 0
local threadIndex = 0
function setup(thread)
  thread:set("offset", threadIndex * 7)
  threadIndex = threadIndex + 1
end
function init(args)
  counter = tonumber(offset) or 0
  for i, s in ipairs(specs) do
    reqs[i] = wrk.format(s.method, s.path, s.headers, s.body)
  end
end
function request()
  counter = counter + 1
  return reqs[(counter % #reqs) + 1]
end
`
    : '';
  return `${cycle}
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('${RESULT_MARK}{"requests":%.0f,"durationUs":%.0f,"bytes":%.0f,"connectErrors":%.0f,"readErrors":%.0f,"writeErrors":%.0f,"statusErrors":%.0f,"timeouts":%.0f,"p50Us":%.0f,"p90Us":%.0f,"p95Us":%.0f,"p99Us":%.0f,"maxUs":%.0f}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max))
end
`;
}

function luaRequest(r: WrkRequest): string {
  const headers = r.headers ? `{ ${Object.entries(r.headers).map(([k, v]) => `[ ${luaString(k)} ] = ${luaString(v)}`).join(', ')} }` : 'nil';
  return `  { method = ${luaString(r.method)}, path = ${luaString(r.path)}, headers = ${headers}, body = ${r.body === undefined ? 'nil' : luaString(r.body)} }`;
}

/** A Lua long string holding `s` byte for byte (the newline right after the opening bracket is skipped). */
function luaString(s: string): string {
  if (s.includes('\r')) throw new Error('wrk request text must not contain a carriage return');
  let level = '';
  while (s.includes(`]${level}]`)) level += '=';
  return `[${level}[\n${s}]${level}]`;
}

function run(cmd: string, args: string[], limitMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    trackChild(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code ?? signal}:\n${out.slice(-2000)}`));
    });
  });
}
