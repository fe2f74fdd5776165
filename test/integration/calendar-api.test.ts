import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_SOURCE } from '../../src/calendar/calendar-seed.ts';
import { Agent } from '../helpers/agent.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let visitor: Agent;

beforeAll(async () => {
  sys = await startTestSystem();
  visitor = new Agent(sys.app.app);
});
afterAll(async () => sys?.close());

type Answer = { date: string; provisional: boolean; skipped: { date: string; reason: string }[] };
type ErrorAnswer = { error: { code: string; message: string; fields?: { field: string; message: string }[]; requestId: string } };

const workingDays = (qs: string) => visitor.get(`/api/v1/calendar/working-days?${qs}`);

describe('GET /api/v1/calendar/working-days', () => {
  it('answers the n-th working day after the date with the days passed over and why', async () => {
    const res = await workingDays('from=2026-09-30&add=3');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ date: '2026-10-10', provisional: false, skipped: ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, reason: '国庆节' })) });
    const weekend = (await workingDays('from=2026-03-06&add=1')).json() as Answer;
    expect(weekend.skipped.map((s) => s.reason)).toEqual(['周六', '周日']);
  });

  it('says provisional when the count runs into a year the calendar does not hold yet', async () => {
    const res = (await workingDays('from=2026-12-15&add=40')).json() as Answer;
    expect(res).toMatchObject({ date: '2027-02-09', provisional: true });
    expect(((await workingDays('from=2026-12-15&add=5')).json() as Answer).provisional).toBe(false);
  });

  it.each([
    ['add=5', 'from', '开始日期'],
    ['from=&add=5', 'from', '开始日期'],
    ['from=2026-02-30&add=5', 'from', '开始日期'],
    ['from=20260930&add=5', 'from', '开始日期'],
    ['from=1989-12-31&add=5', 'from', '开始日期'],
    ['from=2101-01-01&add=5', 'from', '开始日期'],
    ['from=2026-09-30&from=2026-10-01&add=5', 'from', '开始日期'],
    ['from=2026-09-30', 'add', '工作日数'],
    ['from=2026-09-30&add=abc', 'add', '工作日数'],
    ['from=2026-09-30&add=1.5', 'add', '工作日数'],
    ['from=2026-09-30&add=251', 'add', '工作日数'],
    ['from=2026-09-30&add=-251', 'add', '工作日数'],
    ['from=2026-09-30&add=1&add=2', 'add', '工作日数'],
  ])('refuses ?%s with 400 VALIDATION_FAILED naming %s', async (qs, field, label) => {
    const res = await workingDays(qs);
    expect(res.statusCode).toBe(400);
    const body = res.json() as ErrorAnswer;
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.fields?.[0]?.field).toBe(field);
    expect(body.error.message).toContain(label);
    expect(body.error.requestId).toBeTruthy();
  });

  it('never answers 5xx, whatever the parameters', async () => {
    const dateLike = fc.oneof(
      fc.date({ min: new Date('1980-01-01T00:00:00Z'), max: new Date('2110-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.string({ maxLength: 30 }),
    );
    const numberLike = fc.oneof(fc.integer({ min: -400, max: 400 }).map(String), fc.double().map(String), fc.string({ maxLength: 12 }), fc.constantFrom('1e2', '0x10', ' 5', '+7', '-0', 'NaN', 'Infinity', '999999999999'));
    const param = <T,>(a: fc.Arbitrary<T>) => fc.option(fc.oneof(a, fc.array(a, { minLength: 2, maxLength: 3 })), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(param(dateLike), param(numberLike), async (from, add) => {
        const qs = new URLSearchParams();
        for (const [k, v] of [['from', from], ['add', add]] as const) for (const x of v === undefined ? [] : Array.isArray(v) ? v : [v]) qs.append(k, x);
        const res = await workingDays(qs.toString());
        expect(res.statusCode, qs.toString()).toBeLessThan(500);
        if (res.statusCode === 200) expect((res.json() as Answer).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect((res.json() as ErrorAnswer).error.code, qs.toString()).toBe('VALIDATION_FAILED');
      }),
      { numRuns: 300 },
    );
  });
});

describe('GET /api/v1/calendar/years', () => {
  it('lists the seeded years with their source and version, and one year’s days', async () => {
    const list = (await visitor.get('/api/v1/calendar/years')).json() as { items: { year: number; source: string; version: number; updatedAt: string }[] };
    expect(list.items.map((y) => y.year)).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(list.items[0]).toEqual({ year: 2004, source: SEED_SOURCE, version: 1, updatedAt: expect.any(String) });
    const y2026 = (await visitor.get('/api/v1/calendar/years/2026')).json() as { days: { date: string; isWorkingDay: boolean; name: string }[] };
    expect(y2026.days).toContainEqual({ date: '2026-10-10', isWorkingDay: true, name: '国庆节调休上班' });
  });

  it('answers 404 for a year not entered yet and 400 for a year that is not one', async () => {
    const missing = await visitor.get('/api/v1/calendar/years/2027');
    expect(missing.statusCode).toBe(404);
    expect((missing.json() as ErrorAnswer).error.message).toContain('尚未录入');
    const bad = await visitor.get('/api/v1/calendar/years/27x');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as ErrorAnswer).error.message).toContain('年份');
  });

  it('is documented in the OpenAPI document under 工作日历', async () => {
    const doc = (await visitor.get('/api/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[] } }> };
    for (const p of ['/api/v1/calendar/working-days', '/api/v1/calendar/years', '/api/v1/calendar/years/{year}']) expect(doc.paths[p]?.get?.tags, p).toEqual(['工作日历']);
  });
});
