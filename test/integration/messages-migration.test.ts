import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/platform/db/client.ts';

let client: PGlite | undefined;
let dir: string | undefined;
afterAll(async () => {
  await client?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('migration 0009 folds 网站找错 into messages', () => {
  it('copies every error report into a message of kind error_report, then drops the old table', async () => {
    // The database as it was before 0009: the migrations folder with the journal cut after 0008.
    dir = await mkdtemp(path.join(tmpdir(), 'gk-mig-'));
    const before = path.join(dir, 'drizzle');
    await cp(migrationsFolder, before, { recursive: true });
    const journalPath = path.join(before, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const cut = journal.entries.findIndex((e) => e.tag.startsWith('0009_'));
    expect(cut).toBeGreaterThan(0);
    await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
    client = new PGlite('memory://');
    const db = drizzle({ client });
    await migrate(db, { migrationsFolder: before });
    await client.query(`insert into error_report (center_id, page_url, description, contact, created_at) values
      (1, '/art/1', '第二段有错别字', '13800138000', '2026-03-01T17:30:00Z'),
      (2, '/trading/notices/9', '链接失效', 'Someone@Example.CN', '2026-03-02T01:00:00Z'),
      (1, '/col/news', '日期写错', '', '2026-03-03T02:00:00Z')`);

    await migrate(db, { migrationsFolder });
    const rows = (await client.query<Record<string, unknown>>(`select center_id, kind, tracking_no, access_code_hash, subject, body, reference, phone, email, sender_key, received_on::text as received_on, due_on::text as due_on, status from message order by id`)).rows;
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.kind)).toEqual(['error_report', 'error_report', 'error_report']);
    // 17:30 UTC on 1 March is 01:30 on 2 March in Beijing.
    expect(rows[0]).toMatchObject({ center_id: 1, reference: '/art/1', body: '第二段有错别字', phone: '13800138000', email: '', sender_key: 'p:13800138000', received_on: '2026-03-02', due_on: '2026-03-02', status: 'open' });
    expect(rows[1]).toMatchObject({ center_id: 2, phone: '', email: 'Someone@Example.CN', sender_key: 'e:someone@example.cn', received_on: '2026-03-02' });
    expect(rows[2]).toMatchObject({ phone: '', email: '', sender_key: '' });
    expect(new Set(rows.map((r) => r.tracking_no)).size).toBe(3);
    for (const r of rows) {
      expect(String(r.tracking_no)).toMatch(/^HD-\d{8}-E\d{6}$/);
      expect(String(r.access_code_hash)).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(new Set(rows.map((r) => r.access_code_hash)).size).toBe(3);
    const events = (await client.query<{ n: number }>(`select count(*)::int as n from message_event where action = 'received'`)).rows[0];
    expect(events?.n).toBe(3);
    const table = (await client.query(`select 1 from information_schema.tables where table_name = 'error_report'`)).rows;
    expect(table).toHaveLength(0);
  });
});
