import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type TestServer = {
  baseUrl: string;
  /** The one password every demo account shares (printed by src/main.ts). */
  password: string;
  /** TOTP secret per username, for the accounts whose roles require two-factor. */
  totp: Map<string, string>;
  /** Every demo account printed at seeding: its center code and roles. */
  accounts: DemoAccount[];
  stop: () => Promise<void>;
};

export type DemoAccount = { username: string; centerCode: string; roles: string[] };

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 90_000;
const SEED_TIMEOUT_MS = 300_000;
/** The e2e demo replays a fifth of the demo trading year: enough for every page, in ~25 s. */
const E2E_TRADING_SCALE = '0.2';
const STOP_TIMEOUT_MS = 15_000;

/** A data directory already seeded with the demo data (by the e2e global setup), and its credentials. */
export type Seed = { dataDir: string; password: string; totp: [string, string][]; accounts: DemoAccount[] };

/**
 * Starts the real server (`node --import tsx src/main.ts`) on a free port, waits for `ready` and reads the
 * demo credentials from its stdout. With a seed, it runs on a copy of the seeded (closed) data directory,
 * which starts in seconds instead of seeding again.
 */
export async function startServer(seed?: Seed): Promise<TestServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongkai-e2e-'));
  if (seed) await cp(seed.dataDir, dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_TRADING_SCALE: E2E_TRADING_SCALE };
  // The suite always runs on its own PGlite with the demo data, whatever the caller's shell says.
  delete env.DATABASE_URL;
  delete env.DEMO_DATA;
  delete env.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // If the test process ends without afterAll (a crash, Ctrl-C), do not leave the server running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopServer(child, dataDir);
  };
  try {
    const ready = await waitForReady(child, !seed);
    const password = seed?.password ?? ready.password;
    const totp = seed ? new Map(seed.totp) : ready.totp;
    const accounts = seed?.accounts ?? ready.accounts;
    return { baseUrl: `http://127.0.0.1:${port}`, password, totp, accounts, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function waitForReady(child: ChildProcess, isSeeding: boolean): Promise<{ password: string; totp: Map<string, string>; accounts: DemoAccount[] }> {
  const totp = new Map<string, string>();
  const accounts: DemoAccount[] = [];
  let password = '';
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timeoutMs = isSeeding ? SEED_TIMEOUT_MS : READY_TIMEOUT_MS;
    const timer = setTimeout(() => finish(new Error(`server not ready after ${timeoutMs / 1000} s\nstdout:\n${stdout.slice(-2000)}\nstderr:\n${stderr.slice(-2000)}`)), timeoutMs);
    let buffered = '';
    const onStdout = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stdout += text;
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const raw of lines) {
        const line = raw.trimEnd();
        const pw = /所有演示账号的密码：(\S+)/.exec(line);
        if (pw?.[1]) password = pw[1];
        const secret = /^\s*(\S+)\s.*TOTP 密钥：([A-Z2-7]+)\s*$/.exec(line);
        if (secret?.[1] && secret[2]) totp.set(secret[1], secret[2]);
        // `  username  displayName  center  role,role  [TOTP 密钥：…]` (src/main.ts printCredentials)
        const account = /^\s+([a-z][a-z0-9._-]+)\s+\S+\s+([a-z][a-z0-9_-]*)\s+([a-z_]+(?:,[a-z_]+)*)(?:\s+TOTP 密钥：[A-Z2-7]+)?\s*$/.exec(line);
        if (account?.[1] && account[2] && account[3]) accounts.push({ username: account[1], centerCode: account[2], roles: account[3].split(',') });
        // Seeding waits for the background replay of the demo trading year too.
        if (line.trim() === (isSeeding ? 'demo trading ready' : 'ready') || (isSeeding && line.startsWith('demo trading ready'))) {
          finish(password || !isSeeding ? null : new Error(`server printed ready without the demo password (was DATA_DIR reused?)\n${stdout.slice(-2000)}`));
          return;
        }
      }
    };
    const onStderr = (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    };
    const onExit = (code: number | null, signal: string | null) => finish(new Error(`server exited before ready (code ${code}, signal ${signal})\nstdout:\n${stdout.slice(-2000)}\nstderr:\n${stderr.slice(-4000)}`));
    function finish(err: Error | null) {
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      child.off('exit', onExit);
      // Keep draining the pipes so the server never blocks on a full stdout/stderr buffer.
      child.stdout?.resume();
      if (err) reject(err);
      else resolve({ password, totp, accounts });
    }
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.once('exit', onExit);
  });
}

/** Seeds a data directory once per run: starts the server on an empty one, reads the credentials, stops it. */
export async function seedDataDir(): Promise<Seed & { remove: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gongkai-e2e-seed-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', DEMO_TRADING_SCALE: E2E_TRADING_SCALE };
  delete env.DATABASE_URL;
  delete env.DEMO_DATA;
  delete env.NODE_ENV;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const { password, totp, accounts } = await waitForReady(child, true);
    await stopProcess(child);
    return { dataDir, password, totp: Array.from(totp), accounts, remove: () => rm(dataDir, { recursive: true, force: true }) };
  } catch (err) {
    await stopServer(child, dataDir);
    throw err;
  }
}

async function stopServer(child: ChildProcess, dataDir: string): Promise<void> {
  await stopProcess(child);
  await rm(dataDir, { recursive: true, force: true });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}
