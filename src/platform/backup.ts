import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A consistent backup of a live PGlite database (dumpDataDir; never copy a live data dir), keeping the
 * newest `keep` files. Blocks queries for about a second on a demo-sized database.
 */
export async function backupPglite(pglite: PGlite, opts: { dir: string; keep: number; now: Date }): Promise<string> {
  await mkdir(opts.dir, { recursive: true });
  const dump = await pglite.dumpDataDir('gzip');
  const file = path.join(opts.dir, `gongkai-${opts.now.toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  const all = (await readdir(opts.dir)).filter((f) => f.startsWith('gongkai-') && f.endsWith('.tar.gz')).sort();
  for (const old of all.slice(0, Math.max(0, all.length - opts.keep))) await rm(path.join(opts.dir, old), { force: true });
  return file;
}
