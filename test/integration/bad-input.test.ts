import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArticle, findRevision } from '../../src/content/articles.repo.ts';
import { Agent, loginAs } from '../helpers/agent.ts';
import { makeCenter, type CenterFixture } from '../helpers/fixtures.ts';
import { startTestSystem, type TestSystem } from '../helpers/platform.ts';

let sys: TestSystem;
let hn: CenterFixture;
let editor: Agent;

beforeAll(async () => {
  sys = await startTestSystem();
  hn = await makeCenter(sys.ctx, { code: 'hn' });
  editor = await loginAs(sys.app.app, hn.users.editor, sys.clock);
});
afterAll(async () => sys?.close());

const XSS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload=window.__xss=1>',
  '<a href="javascript:window.__xss=1">x</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '"><script>alert(1)</script>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p onclick="alert(1)">点我</p>',
  '<object data="x.swf"></object>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
];

async function createDraft(fields: Record<string, string>) {
  return editor.post(`/admin/c/${hn.center.id}/articles`, { columnId: String(hn.columns.news.id), intent: 'save', ...fields });
}

describe('hostile article input', () => {
  it('stores no script, event handler or javascript: URL from the XSS battery, in title or body', async () => {
    const res = await createDraft({ title: `标题${XSS.join('')}`, bodyHtml: `<p>正文</p>${XSS.join('')}` });
    expect(res.statusCode).toBe(303);
    const id = Number(/articles\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    const a = await findArticle(sys.ctx.db, id);
    const rev = await findRevision(sys.ctx.db, a?.currentRevisionId ?? 0);
    const stored = `${rev?.title} ${rev?.bodyHtml}`;
    expect(stored).not.toMatch(/<script|onerror|onload|onclick|javascript:|<iframe|<object|style=/i);
    expect(rev?.title.startsWith('标题')).toBe(true);
    expect(rev?.title).not.toContain('<');
  });

  it('names each bad field in Chinese with a stable code and keeps what was typed', async () => {
    const res = await createDraft({ title: '', bodyHtml: '<p>我写了很长的正文，不能丢</p>', formedOn: '2026-02-30', goLiveAt: '2026-13-01T10:00', summary: '摘'.repeat(600) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('标题：不能为空');
    expect(res.body).toContain('信息生成日期：不是有效日期');
    expect(res.body).toContain('定时发布时间：不是有效的日期时间');
    expect(res.body).toContain('摘要：不能超过 500 个字');
    expect(res.body).toContain('我写了很长的正文，不能丢');
    const api = await sys.app.app.inject({ method: 'GET', url: '/api/v1/articles?q=' });
    expect(api.statusCode).toBe(400);
    expect(JSON.parse(api.body).error.code).toBe('VALIDATION_FAILED');
  });

  it('requires the policy fields and the eight service-guide elements', async () => {
    const policy = await editor.post(`/admin/c/${hn.center.id}/articles`, { columnId: String(hn.columns.policy.id), intent: 'save', title: '某政策', bodyHtml: '<p>x</p>', validity: 'repealed' });
    expect(policy.statusCode).toBe(400);
    for (const f of ['文号：不能为空', '发文机关：不能为空', '成文日期：不能为空', '已废止的文件须填写废止日期']) expect(policy.body).toContain(f);
    const guide = await editor.post(`/admin/c/${hn.center.id}/articles`, { columnId: String(hn.columns.guide.id), intent: 'save', title: '某事项办事指南', bodyHtml: '' });
    expect(guide.statusCode).toBe(400);
    for (const f of ['事项名称', '设定依据', '申请条件', '办理材料', '办理地点', '办理时间', '联系电话', '办理流程']) expect(guide.body).toContain(`${f}：不能为空`);
  });

  it('refuses a stale form posted after the item changed, keeping the user’s text on screen', async () => {
    const res = await createDraft({ title: '并发编辑测试', bodyHtml: '<p>第一版</p>' });
    const id = Number(/articles\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    const a = await findArticle(sys.ctx.db, id);
    const first = await editor.post(`/admin/c/${hn.center.id}/articles/${id}`, { lockVersion: String(a?.lockVersion), title: '并发编辑测试', bodyHtml: '<p>第二版</p>', intent: 'save' });
    expect(first.statusCode).toBe(303);
    const stale = await editor.post(`/admin/c/${hn.center.id}/articles/${id}`, { lockVersion: String(a?.lockVersion), title: '并发编辑测试', bodyHtml: '<p>我的另一份修改</p>', intent: 'save' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('我的另一份修改');
    expect(stale.body).toContain('已被他人修改');
  });

  it('never answers the article form with a 5xx, whatever is posted (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ title: fc.string({ maxLength: 300 }), bodyHtml: fc.oneof(fc.string({ maxLength: 2000 }), fc.constantFrom(...XSS)), summary: fc.string({ maxLength: 600 }), formedOn: fc.string({ maxLength: 12 }), goLiveAt: fc.string({ maxLength: 20 }), expiresAt: fc.string({ maxLength: 20 }), columnId: fc.oneof(fc.constant(String(hn.columns.news.id)), fc.string({ maxLength: 5 })) }),
        async (form) => {
          const res = await createDraft(form);
          expect(res.statusCode).toBeLessThan(500);
          expect([303, 400]).toContain(res.statusCode);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never answers the public search API with a 5xx (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ q: fc.string({ maxLength: 120 }), from: fc.string({ maxLength: 12 }), sort: fc.string({ maxLength: 10 }), page: fc.string({ maxLength: 6 }), center: fc.string({ maxLength: 25 }) }), async (q) => {
        const res = await sys.app.app.inject({ method: 'GET', url: `/api/v1/articles?${new URLSearchParams(q).toString()}` });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 400) expect(JSON.parse(res.body).error.code).toMatch(/^[A-Z_]+$/);
        const page = await sys.app.app.inject({ method: 'GET', url: `/search?${new URLSearchParams(q).toString()}` });
        expect(page.statusCode).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
  });
});

describe('hostile attachments', () => {
  async function upload(articleId: number, name: string, data: Buffer, type = 'application/octet-stream') {
    const token = await editor.token();
    const boundary = '----gk' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), data, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const cookie = Array.from(editor.cookies, ([k, v]) => `${k}=${v}`).join('; ');
    return sys.app.app.inject({ method: 'POST', url: `/admin/c/${hn.center.id}/articles/${articleId}/attachments?_csrf=${encodeURIComponent(token)}`, payload, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` } });
  }

  it('accepts a real PDF, refuses an HTML page disguised as .pdf and an executable, and cleans the file name', async () => {
    const res = await createDraft({ title: '附件测试', bodyHtml: '<p>x</p>' });
    const id = Number(/articles\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const ok = await upload(id, '../../etc/招标文件.pdf', pdf, 'application/pdf');
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(303);
    const disguised = await upload(id, '通知.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
    expect(disguised.statusCode).toBe(415);
    expect(disguised.body).toContain('附件');
    const exe = await upload(id, 'setup.exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]));
    expect(exe.statusCode).toBe(415);
    const renamed = await upload(id, 'photo.pdf', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db00000000049454e44ae426082', 'hex'));
    expect(renamed.statusCode).toBe(415);
    expect(renamed.body).toContain('与扩展名');
    const a = await findArticle(sys.ctx.db, id);
    const rev = await findRevision(sys.ctx.db, a?.currentRevisionId ?? 0);
    expect(rev?.attachmentIds.length).toBe(1);
    const [{ findAttachments }] = [await import('../../src/content/articles.repo.ts')];
    const [att] = await findAttachments(sys.ctx.db, rev?.attachmentIds ?? []);
    expect(att?.safeName).toBe('招标文件.pdf');
    // Not public before publication.
    expect((await new Agent(sys.app.app).get(`/files/${att?.id}/x.pdf`)).statusCode).toBe(404);
  });

  it('refuses an oversized file with 413 and a message', async () => {
    const res = await createDraft({ title: '大附件测试', bodyHtml: '<p>x</p>' });
    const id = Number(/articles\/(\d+)/.exec(res.headers.location ?? '')?.[1]);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    const r = await upload(id, 'big.pdf', big, 'application/pdf');
    expect(r.statusCode).toBe(413);
    expect(r.body).toContain('ATTACHMENT_TOO_LARGE');
  });
});
