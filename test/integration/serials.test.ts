import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArticle } from '../../src/content/articles.repo.ts';
import { nextSerial } from '../../src/platform/db/serials.repo.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';
import { publishArticle } from '../helpers/publish.ts';

let sys: TestSystem;
let hn: CenterFixture;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
});
afterAll(async () => sys?.close());

describe('serial numbers', () => {
  it('numbers a center-year 索引号 consecutively, and continues after numbers that predate the counter', async () => {
    const at = new Date('2026-05-01T02:00:00Z');
    const a = await publishArticle(sys.ctx, hn, hn.columns.notice, { title: '第一篇', bodyHtml: '<p>一</p>' }, at);
    const b = await publishArticle(sys.ctx, hn, hn.columns.notice, { title: '第二篇', bodyHtml: '<p>二</p>' }, at);
    const first = (await findArticle(sys.ctx.db, a))?.indexNo ?? '';
    const second = (await findArticle(sys.ctx.db, b))?.indexNo ?? '';
    expect(first).toMatch(/\/2026-\d{5}$/);
    expect(Number(second.slice(-5))).toBe(Number(first.slice(-5)) + 1);
    // A database from before the counter table: numbers already handed out are counted once, then bumped.
    await sys.ctx.db.execute(sql`delete from serial_counter`);
    const c = await publishArticle(sys.ctx, hn, hn.columns.notice, { title: '第三篇', bodyHtml: '<p>三</p>' }, at);
    expect(Number((await findArticle(sys.ctx.db, c))?.indexNo?.slice(-5))).toBe(Number(second.slice(-5)) + 1);
  });

  it('keeps scopes apart and starts a new scope from what already exists', async () => {
    expect(await nextSerial(sys.ctx.db, 'test:a', async () => 0)).toBe(1);
    expect(await nextSerial(sys.ctx.db, 'test:a', async () => 99)).toBe(2);
    expect(await nextSerial(sys.ctx.db, 'test:b', async () => 41)).toBe(42);
  });
});
