import { describe, expect, it } from 'vitest';
import { parseArticleInput } from '../../src/content/content.schema.ts';
import { revisionHash } from '../../src/content/revision-hash.ts';
import { cleanPlainText, sanitizeRichText } from '../../src/content/sanitize.ts';
import { formatDateTime, parseBeijingDateTime, parseDateOnly } from '../../src/platform/dates.ts';
import { can, requiresTwoFactor } from '../../src/accounts/accounts.policy.ts';
import { safeFileName } from '../../src/content/operations/upload-attachment.ts';
import { checkPasswordStrength } from '../../src/accounts/passwords.ts';

const now = new Date('2026-11-22T02:00:00Z');

describe('dates of legal meaning', () => {
  it('rejects impossible calendar dates', () => {
    expect(parseDateOnly('2026-02-30')).toBeNull();
    expect(parseDateOnly('2024-02-29')).toBe('2024-02-29');
    expect(parseDateOnly('2026-2-3')).toBeNull();
  });
  it('reads datetime-local input as Beijing time and prints it back the same way', () => {
    const d = parseBeijingDateTime('2026-05-01T09:30');
    expect(d?.toISOString()).toBe('2026-05-01T01:30:00.000Z');
    expect(formatDateTime(d ?? now)).toBe('2026-05-01 09:30');
    expect(parseBeijingDateTime('2026-05-01T24:00')).toBeNull();
  });
});

describe('sanitizing', () => {
  it('keeps structure and drops scripts, handlers and javascript: links', () => {
    const out = sanitizeRichText('<h2>一、标题</h2><p onclick="x()">文字<script>x()</script><a href="javascript:x()">链接</a><a href="https://www.gov.cn/">国务院</a></p><table><tr><td>1</td></tr></table>');
    expect(out).toContain('<h2>一、标题</h2>');
    expect(out).toContain('<a href="https://www.gov.cn/" rel="noopener noreferrer">国务院</a>');
    expect(out).toContain('<td>1</td>');
    expect(out).not.toMatch(/onclick|<script|javascript:/);
  });
  it('turns a title with markup into plain text', () => {
    expect(cleanPlainText('<b>关于</b>  <script>x</script>通知\n')).toBe('关于 通知');
  });
});

describe('article input', () => {
  it('requires a correction note on a correction', () => {
    const { errors } = parseArticleInput({ title: 't', bodyHtml: '<p>x</p>', correctionNote: '' }, { columnKind: 'news', isCorrection: true, now });
    expect(errors.map((e) => e.field)).toEqual(['correctionNote']);
  });
  it('refuses an expiry before the go-live time', () => {
    const { errors } = parseArticleInput({ title: 't', bodyHtml: '<p>x</p>', goLiveAt: '2026-12-01T10:00', expiresAt: '2026-11-30T10:00' }, { columnKind: 'news', isCorrection: false, now });
    expect(errors.map((e) => e.field)).toEqual(['expiresAt']);
  });
  it('binds the revision hash to content and attachments', () => {
    const base = { title: 't', bodyHtml: '<p>x</p>', summary: '', source: '', fields: {}, attachmentIds: [1], correctionNote: null };
    expect(revisionHash(base)).toBe(revisionHash({ ...base }));
    expect(revisionHash(base)).not.toBe(revisionHash({ ...base, attachmentIds: [1, 2] }));
    expect(revisionHash(base)).not.toBe(revisionHash({ ...base, bodyHtml: '<p>y</p>' }));
  });
});

describe('roles', () => {
  it('separates the three administrators (三员分立)', () => {
    expect(can(new Set(['center_admin']), 'audit.read')).toBe(false);
    expect(can(new Set(['center_admin']), 'users.manage')).toBe(false);
    expect(can(new Set(['security_admin']), 'audit.read')).toBe(false);
    expect(can(new Set(['security_admin']), 'site.manage')).toBe(false);
    expect(can(new Set(['auditor']), 'audit.read')).toBe(true);
    expect(can(new Set(['auditor']), 'article.edit')).toBe(false);
    expect(can(undefined, 'dashboard.view')).toBe(false);
  });
  it('requires 2FA of reviewers and admins but not of editors', () => {
    expect(requiresTwoFactor(['editor'])).toBe(false);
    expect(requiresTwoFactor(['editor', 'reviewer'])).toBe(true);
    expect(requiresTwoFactor(['auditor'])).toBe(true);
  });
});

describe('small guards', () => {
  it('cleans file names of paths and shell characters', () => {
    expect(safeFileName('../../a/b/招标文件;rm -rf.pdf')).toBe('招标文件_rm -rf.pdf');
    expect(safeFileName('...')).toBe('file');
  });
  it('asks for long passwords with letters and digits', () => {
    expect(checkPasswordStrength('short1')).not.toBeNull();
    expect(checkPasswordStrength('onlyletterslong')).not.toBeNull();
    expect(checkPasswordStrength('letters-and-1234')).toBeNull();
  });
});
