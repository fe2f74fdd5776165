import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild, trackChild } from './child.ts';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort, waitFor200 } from './net.ts';

export type StaticServer = { baseUrl: string; stop: () => Promise<void> };

const NGINX = '/usr/sbin/nginx';

/**
 * Starts nginx (one process, no master, no access log) serving the given files from a temp dir on a
 * free loopback port: the reference ceiling for serving the same bytes. `stop` kills it and removes the dir.
 */
export async function startNginx(files: Record<string, Buffer>): Promise<StaticServer> {
  const prefix = await mkdtemp(path.join(os.tmpdir(), 'gongkai-nginx-'));
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child) await stopChild(child);
    await rm(prefix, { recursive: true, force: true });
  };
  try {
    // mkdtemp makes 0700; nginx may drop to an unprivileged user when started as root.
    await chmod(prefix, 0o755);
    const root = path.join(prefix, 'www');
    await mkdir(root, { mode: 0o755 });
    await mkdir(path.join(prefix, 'tmp'));
    for (const [name, body] of Object.entries(files)) await writeFile(path.join(root, name), body, { mode: 0o644 });
    const port = await freePort();
    const conf = path.join(prefix, 'nginx.conf');
    await writeFile(conf, config({ prefix, root, port }));
    const errorLog = path.join(prefix, 'error.log');
    child = trackChild(spawn(NGINX, ['-c', conf, '-p', prefix, '-e', errorLog], { stdio: ['ignore', 'ignore', 'ignore'] }));
    const spawned = child;
    const exited = new Promise<never>((_, reject) => spawned.once('exit', (code) => reject(new Error(`nginx exited with ${code}`))));
    exited.catch(() => {});
    const baseUrl = `http://127.0.0.1:${port}`;
    const first = Object.keys(files)[0] ?? '';
    await Promise.race([waitFor200(`${baseUrl}/${first}`, 10_000), exited]);
    return { baseUrl, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function config(o: { prefix: string; root: string; port: number }): string {
  const tmp = path.join(o.prefix, 'tmp');
  return `worker_processes 1;
master_process off;
daemon off;
pid ${path.join(o.prefix, 'nginx.pid')};
error_log ${path.join(o.prefix, 'error.log')} warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 75s;
  types { text/html html; }
  charset utf-8;
  client_body_temp_path ${tmp};
  proxy_temp_path ${tmp};
  fastcgi_temp_path ${tmp};
  uwsgi_temp_path ${tmp};
  scgi_temp_path ${tmp};
  server {
    listen 127.0.0.1:${o.port};
    root ${o.root};
  }
}
`;
}
