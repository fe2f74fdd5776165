import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surveyResponses, surveys } from '../../src/interaction/interaction.tables.ts';
import { messageStats } from '../../src/interaction/message-stats.ts';
import { messages } from '../../src/interaction/interaction.tables.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { formatDate } from '../../src/platform/dates.ts';
import { Agent } from '../helpers/agent.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
  await seedDemo(sys.ctx, { articlesPerCenter: 4, tradingScale: 0.02 });
}, 600_000);
afterAll(async () => sys?.close());

describe('demo 互动交流', () => {
  it('gives every center a few dozen messages a year, mostly replied on time, some published, a few overdue, and a survey with answers', async () => {
    const tree = await sys.ctx.centers.get();
    const today = formatDate(sys.clock.now());
    const year = Number(today.slice(0, 4));
    for (const center of tree.all) {
      for (const y of [year - 1, year]) {
        const s = await messageStats(sys.ctx.db, [center.id], `${y}-01-01`, `${y}-12-31`);
        expect(s.total.received, `${center.code} ${y}`).toBeGreaterThanOrEqual(10);
        expect(s.total.replied / s.total.received, `${center.code} ${y}`).toBeGreaterThan(0.6);
        expect(s.total.repliedOnTime, `${center.code} ${y}`).toBeGreaterThan(s.total.replied / 2);
        expect(s.total.averageWorkingDays, `${center.code} ${y}`).not.toBeNull();
      }
      const [published] = await sys.ctx.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(and(eq(messages.centerId, center.id), eq(messages.isPublic, true)));
      expect(published?.n, center.code).toBeGreaterThan(0);
      const [survey] = await sys.ctx.db.select().from(surveys).where(eq(surveys.centerId, center.id));
      const [answers] = await sys.ctx.db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.surveyId, survey?.id ?? 0));
      expect(answers?.n, center.code).toBeGreaterThan(10);
    }
    const [overdue] = await sys.ctx.db.select({ n: sql<number>`count(*)::int` }).from(messages).where(and(eq(messages.status, 'open'), sql`${messages.dueOn} < ${today}`));
    expect(overdue?.n).toBeGreaterThan(0);
    const hub = await new Agent(sys.app.app).get('/interaction');
    expect(hub.statusCode).toBe(200);
    expect(hub.body).toContain('公开问答');
  });
});
