import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stopChild, trackChild } from './child.ts';
import { freePort, waitFor200 } from './net.ts';

export type AppServer = {
  pid: number;
  baseUrl: string;
  /** Spawn → the `ready` line (listening). */
  readyS: number;
  /** Spawn → the first 200 of `/`: the cold-start figure. */
  firstPageS: number;
  /** The server's output so far (for error reports). */
  output: () => string;
  /** Resolves with the seconds since spawn once a line of output matches (e.g. the end of the demo trading replay). */
  waitForOutput: (pattern: RegExp, limitMs: number) => Promise<number>;
  stop: () => Promise<void>;
};

export type RssWatch = { stop: () => { peakMb: number; meanMb: number; samples: number } };

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** Variables the harness sets itself; inherited values would change what is measured. */
const CLEARED_ENV = ['DATABASE_URL', 'NODE_ENV', 'DEMO_DATA', 'DEMO_TRADING_SCALE', 'RENDER_CACHE', 'PORT', 'HOST', 'DATA_DIR', 'LOG_LEVEL'];

/**
 * Starts the real server (`node --import tsx src/main.ts`, on this Node) on PGlite in `dataDir` (or on
 * PostgreSQL when `env` sets DATABASE_URL) and a free loopback port, waits for `ready` and the first 200 of
 * `/`. On an empty database it seeds the demo data.
 */
export async function startServer(opts: { dataDir: string; env?: Record<string, string>; readyTimeoutMs: number }): Promise<AppServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of CLEARED_ENV) delete env[k];
  Object.assign(env, { DATA_DIR: opts.dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' }, opts.env);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let output = '';
  const stop = () => stopChild(child, 15_000);
  try {
    const readyS = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server not ready within ${opts.readyTimeoutMs} ms`)), opts.readyTimeoutMs);
      const onData = (d: Buffer) => {
        output += d.toString();
        if (/^ready$/m.test(output)) {
          clearTimeout(timer);
          resolve((performance.now() - started) / 1000);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('error', reject);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code} before ready:\n${output.slice(-3000)}`));
      });
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitFor200(`${baseUrl}/`, 30_000);
    const firstPageS = (performance.now() - started) / 1000;
    const pid = child.pid;
    if (pid === undefined) throw new Error('server has no pid');
    const waitForOutput = (pattern: RegExp, limitMs: number) =>
      new Promise<number>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return false;
          clearInterval(poll);
          clearTimeout(timer);
          resolve((performance.now() - started) / 1000);
          return true;
        };
        const poll = setInterval(check, 100);
        const timer = setTimeout(() => {
          clearInterval(poll);
          reject(new Error(`server printed no ${pattern} within ${limitMs} ms:\n${output.slice(-3000)}`));
        }, limitMs);
        check();
      });
    return { pid, baseUrl, readyS, firstPageS, output: () => output, waitForOutput, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Resident set size of a process in MB (VmRSS from /proc), or 0 once it is gone. */
export function readRssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the RSS every `intervalMs` until stopped; reports the peak and the mean. */
export function watchRss(pid: number, intervalMs = 100): RssWatch {
  let peak = 0;
  let sum = 0;
  let samples = 0;
  const sample = () => {
    const mb = readRssMb(pid);
    if (mb <= 0) return;
    peak = Math.max(peak, mb);
    sum += mb;
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peakMb: peak, meanMb: samples > 0 ? sum / samples : 0, samples };
    },
  };
}
