import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { toArrayBuffer } from '../../src/reports/annual/annual-import.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertColumn } from '../../src/content/columns.repo.ts';
import { isPdfAvailable } from '../../src/reports/annual/annual.pdf.ts';
import { findAdminFigures, findReport } from '../../src/reports/annual/annual.repo.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;
let admin: Agent;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  admin = await loginAs(sys.app.app, hn.users.admin, sys.clock);
});
afterAll(async () => sys?.close());

async function upload(url: string, fields: Record<string, string>, file: { name: string; data: Buffer } | null) {
  const token = await admin.token();
  const boundary = '----gk' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const cookie = Array.from(admin.cookies, ([k, v]) => `${k}=${v}`).join('; ');
  return sys.app.app.inject({ method: 'POST', url: `${url}?_csrf=${encodeURIComponent(token)}`, payload: Buffer.concat(parts), headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

describe('earlier years entered by hand or imported', () => {
  it('imports table 三 of 2020 (the 2019 trial format) from the template filled in, and checks it', async () => {
    const cid = hn.center.id;
    const template = await admin.get(`/admin/c/${cid}/annual-reports/template.xlsx?year=2020`);
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(template.rawPayload));
    const ws = wb.getWorksheet('表三');
    if (!ws) throw new Error('no sheet');
    // Rows 6 (一), 7 (二) … 28 (四) in the 2019 format; D is 自然人, J 总计.
    ws.getCell('D6').value = 4;
    ws.getCell('J6').value = 4;
    ws.getCell('D8').value = 3;
    ws.getCell('J8').value = 3;
    ws.getCell('D27').value = 3; // （七）总计
    ws.getCell('J27').value = 3;
    ws.getCell('D28').value = 1; // 四、结转下年度继续办理
    ws.getCell('J28').value = 1;
    const res = await upload(`/admin/c/${cid}/annual-reports/import`, { importYear: '2020' }, { name: '2020年报.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(res.statusCode, res.body.slice(0, 400)).toBe(303);
    const r = await findReport(sys.ctx.db, cid, 2020);
    expect(r).toMatchObject({ source: 'imported', format: '2019' });
    expect(r?.figures.requests.carried_to_next_year).toMatchObject({ natural_person: 1, total: 1 });
    expect(r?.figures.requests.other).toBeDefined();
    expect(r?.checks.filter((c) => !c.ok && c.level === 'error')).toEqual([]);
  });

  it('refuses an import whose format does not fit the year, a file that is not a workbook, and a missing file, in Chinese', async () => {
    const cid = hn.center.id;
    const t2020 = (await admin.get(`/admin/c/${cid}/annual-reports/template.xlsx?year=2020`)).rawPayload;
    const wrong = await upload(`/admin/c/${cid}/annual-reports/import`, { importYear: '2022' }, { name: 'x.xlsx', data: t2020 });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('文件：2022 年度报告应使用2021 年格式');
    const junk = await upload(`/admin/c/${cid}/annual-reports/import`, { importYear: '2022' }, { name: 'x.xlsx', data: Buffer.from('<html>not a workbook</html>') });
    expect(junk.statusCode).toBe(422);
    expect(junk.body).toContain('无法读取该文件');
    const none = await upload(`/admin/c/${cid}/annual-reports/import`, { importYear: '2022' }, null);
    expect(none.statusCode).toBe(400);
    const badYear = await upload(`/admin/c/${cid}/annual-reports/import`, { importYear: 'abc' }, { name: 'x.xlsx', data: t2020 });
    expect(badYear.statusCode).toBe(400);
    expect(badYear.body).toContain('年度：应为');
  });

  it('enters 2021 by hand, names every bad cell, and shows the failed checks with their numbers', async () => {
    const cid = hn.center.id;
    const pick = await admin.get(`/admin/c/${cid}/annual-reports/entry?entryYear=2021`);
    expect(pick.headers.location).toBe(`/admin/c/${cid}/annual-reports/2021/entry`);
    const page = await admin.get(`/admin/c/${cid}/annual-reports/2021/entry`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('aria-label="（一）予以公开 自然人"');
    const bad = await admin.post(`/admin/c/${cid}/annual-reports/2021/entry`, { 'g.disclosed.natural_person': '-1', 'g.partial.total': '2.5', 'p.feeYuan': 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('“（一）予以公开”行“自然人”列：应为 0 至 10000000 的整数');
    expect(bad.body).toContain('行政事业性收费（元）');
    expect(bad.body).toContain('value="-1"');
    const form: Record<string, string> = { 'g.received_this_year.natural_person': '2', 'g.received_this_year.total': '2', 'g.disclosed.natural_person': '1', 'g.disclosed.total': '1', 'g.results_total.natural_person': '1', 'g.results_total.total': '1', 'g.carried_to_next_year.natural_person': '0', 'g.carried_to_next_year.total': '0', 'p.normativeInForce': '4' };
    expect((await admin.post(`/admin/c/${cid}/annual-reports/2021/entry`, form)).statusCode).toBe(303);
    const view = await admin.get(`/admin/c/${cid}/annual-reports/2021`);
    expect(view.body).toContain('往年报告（已录入）');
    expect(view.body).toContain('【未通过】第一项加第二项之和不等于第三项（七）总计加第四项之和：“自然人”列：一（2）+ 二（0）= 2，三（七）总计（1）+ 四（0）= 1，相差 1');
    // 2020 was imported with 1 carried on; 2021's 上年结转 was entered as 0.
    expect(view.body).toContain('本年“上年结转”为 0，2020 年度报告“结转下年度继续办理”为 1');
    expect((await findReport(sys.ctx.db, cid, 2021))?.figures.proactive?.normativeDocuments.inForce).toBe(4);
    // An entered report is never generated over, nor submitted.
    const gen = await admin.post(`/admin/c/${cid}/annual-reports`, { year: '2021' });
    expect(gen.statusCode).toBe(409);
    expect(gen.body).toContain('已作为往年报告录入');
    expect((await admin.post(`/admin/c/${cid}/annual-reports/2021/submit`, {})).statusCode).toBe(409);
    expect((await admin.post(`/admin/c/${cid}/annual-reports/${new Date().getUTCFullYear()}/entry`, {})).statusCode).toBe(400);
  });
});

describe('table 二 figures, documents and access', () => {
  it('records 行政许可 etc. and the fee in 元, and the generated report takes them as 万元', async () => {
    const cid = hn.center.id;
    expect((await admin.post(`/admin/c/${cid}/annual-reports`, { year: '2025' })).statusCode).toBe(303);
    const bad = await admin.post(`/admin/c/${cid}/annual-reports/2025/admin-figures`, { 'p.licensing': 'x', 'p.feeYuan': '1.234' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('行政许可 本年处理决定数量：应为 0 至 10000000 的整数');
    const ok = await admin.post(`/admin/c/${cid}/annual-reports/2025/admin-figures`, { 'p.licensing': '0', 'p.penalty': '2', 'p.coercion': '0', 'p.feeYuan': '4000.00' });
    expect(ok.statusCode).toBe(303);
    expect(await findAdminFigures(sys.ctx.db, cid, 2025)).toMatchObject({ penalty: 2, feeFen: 400_000 });
    const r = await findReport(sys.ctx.db, cid, 2025);
    expect(r?.figures.proactive).toMatchObject({ penalty: 2, feeFen: 400_000 });
    expect(r?.narrative.proactive?.text).toContain('行政处罚决定2件');
    expect(r?.narrative.proactive?.text).toContain('收取行政事业性收费0.4万元');
    const xlsx = await admin.get(`/admin/c/${cid}/annual-reports/2025/document?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(toArrayBuffer(xlsx.rawPayload));
    const t2 = wb.getWorksheet('表二');
    const values: unknown[] = [];
    t2?.eachRow((row) => values.push(...(Array.isArray(row.values) ? row.values : Object.values(row.values))));
    expect(values).toEqual(expect.arrayContaining(['行政处罚', 2, '行政事业性收费', 0.4]));
  });

  it('prints a PDF where Chromium is installed, and says so clearly where it is not', async () => {
    const res = await admin.get(`/admin/c/${hn.center.id}/annual-reports/2025/document?format=pdf`);
    if (isPdfAvailable()) {
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('ANNUAL_REPORT_PDF_UNAVAILABLE');
    }
  }, 60_000);

  it('refuses to submit without a 年度报告 column, with a stable code', async () => {
    const res = await admin.post(`/admin/c/${hn.center.id}/annual-reports/2025/submit`, { overrideReason: '本年度数据经人工核对无误，确需发布。' });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('本中心没有“年度报告”栏目');
    await insertColumn(sys.ctx.db, { centerId: hn.center.id, slug: 'annual-report', name: '年度报告', kind: 'annual_report', sortOrder: 9 });
  });

  it('warns that a year not yet ended counts only up to today', async () => {
    const year = Number(new Date(sys.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 4));
    expect((await admin.post(`/admin/c/${hn.center.id}/annual-reports`, { year: String(year) })).statusCode).toBe(303);
    expect((await findReport(sys.ctx.db, hn.center.id, year))?.checks.find((c) => c.id === 'period_complete')).toMatchObject({ ok: false, level: 'warning' });
    const future = await admin.post(`/admin/c/${hn.center.id}/annual-reports`, { year: String(year + 1) });
    expect(future.statusCode).toBe(400);
  });

  it('lets nobody without the permissions in, and no other center’s admin', async () => {
    const cid = hn.center.id;
    const outsider = await loginAs(sys.app.app, hn.users.outsider, sys.clock);
    expect((await outsider.get(`/admin/c/${cid}/annual-reports`)).statusCode).toBe(403);
    const officer = await loginAs(sys.app.app, hn.users.officer, sys.clock);
    expect((await officer.get(`/admin/c/${cid}/annual-reports/2025`)).statusCode).toBe(403);
    const editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
    expect((await editor.get(`/admin/c/${cid}/annual-reports/2021/entry`)).statusCode).toBe(403);
    expect((await editor.post(`/admin/c/${cid}/annual-reports/2025/admin-figures`, { 'p.penalty': '9' })).statusCode).toBe(403);
    const other = await makeCenter(sys.ctx, { code: 'yy' });
    const otherAdmin = await loginAs(sys.app.app, other.users.admin, sys.clock);
    expect((await otherAdmin.post(`/admin/c/${cid}/annual-reports`, { year: '2025' })).statusCode).toBe(403);
    const anon = new Agent(sys.app.app);
    const anonymous = await anon.get(`/admin/c/${cid}/annual-reports`);
    expect(anonymous.statusCode).toBeGreaterThanOrEqual(300);
    expect(anonymous.statusCode).toBeLessThan(400);
    expect(anonymous.headers.location).toContain('/admin/login');
  });

  it('never answers a 500 to arbitrary years, centers, formats and form values', async () => {
    const cid = hn.center.id;
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2025', '2019', '0', '-1', '99999', '2025.5', '%00', '../', '__proto__', 'constructor'));
    await fc.assert(
      fc.asyncProperty(text, text, text, async (year, center, format) => {
        const q = new URLSearchParams({ center, format }).toString();
        const res = await sys.app.app.inject({ method: 'GET', url: `/api/v1/annual-reports/${encodeURIComponent(year)}?${q}` });
        expect(res.statusCode, `${year} ${q}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
        const page = await admin.get(`/admin/c/${cid}/annual-reports/${encodeURIComponent(year)}/document?format=${encodeURIComponent(format)}`);
        expect(page.statusCode).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('g.disclosed.natural_person', 'g.results_total.total', 'p.feeYuan', 'p.penalty', 'lockVersion', 'overview', 'other', 'overrideReason', 'year'), text), async (form) => {
        for (const url of [`/admin/c/${cid}/annual-reports/2022/entry`, `/admin/c/${cid}/annual-reports/2025/admin-figures`, `/admin/c/${cid}/annual-reports/2025/narrative`, `/admin/c/${cid}/annual-reports`]) {
          const res = await admin.post(url, form);
          expect(res.statusCode, `${url} ${JSON.stringify(form)}`).toBeLessThan(500);
        }
      }),
      { numRuns: 25 },
    );
  });
});
