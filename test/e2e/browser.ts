import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentTotp } from '../../src/accounts/totp.ts';
import type { TestServer } from './server.ts';

declare global {
  interface Window {
    axe?: typeof axe;
  }
}

export type A11yViolation = { id: string; impact: string; help: string; helpUrl: string; targets: string[] };

/** A signed-in staff member: one browser context per user, so each logs in (and spends a TOTP step) once. */
export type StaffSession = { username: string; context: BrowserContext; page: Page; cid: number };

const TOTP_STEP_MS = 30_000;

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh context that knows the server's base URL, so tests can `page.goto('/path')`. */
export async function newContext(browser: Browser, server: TestServer, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL: server.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
}

/**
 * Runs axe (WCAG 2.0/2.1/2.2 A and AA) on the current page and records a soft failure for every
 * serious or critical violation, so one journey reports all its pages instead of stopping at the first.
 * Returns the serious/critical violations for callers that want them.
 */
export async function checkA11y(page: Page, label: string): Promise<A11yViolation[]> {
  // evaluate goes through CDP, so the page's CSP (script-src 'self') does not block the injection.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const runner = window.axe;
    if (!runner) throw new Error('axe-core was not injected');
    const result = await runner.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join(' ')),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const where = `${label} (${new URL(page.url()).pathname})`;
  if (bad.length > 0) {
    console.warn(`axe: ${bad.length} serious/critical violation(s) on ${where}:\n${bad.map((v) => `  - ${v.id} [${v.impact}] ${v.help}\n    ${v.helpUrl}\n    ${v.targets.slice(0, 8).join('\n    ')}`).join('\n')}`);
  }
  expect.soft(bad.map((v) => `${v.id} [${v.impact}] ${v.help} → ${v.targets.slice(0, 5).join(' | ')}`), `axe on ${where}`).toEqual([]);
  return bad;
}

const lastStepUsed = new Map<string, number>();

/**
 * Logs in through the form (用户名/密码) and, when the server asks, the TOTP form. A TOTP time step is
 * accepted once per user (replay protection), so a second login of the same user waits for the next step.
 * Runs axe on the login and TOTP pages when `a11y` is set. Returns the center id of the landing dashboard.
 */
export async function login(page: Page, opts: { server: TestServer; username: string; a11y?: boolean }): Promise<number> {
  const { server, username } = opts;
  await page.goto('/admin/login');
  if (opts.a11y) await checkA11y(page, '登录页');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(server.password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/admin/login'), page.getByRole('button', { name: '登录' }).click()]);
  if (new URL(page.url()).pathname === '/admin/login/totp') {
    if (opts.a11y) await checkA11y(page, '动态口令页');
    const secret = server.totp.get(username);
    if (!secret) throw new Error(`no TOTP secret printed for ${username}`);
    const key = `${server.baseUrl}|${username}`;
    const used = lastStepUsed.get(key) ?? -1;
    if (Math.floor(Date.now() / TOTP_STEP_MS) <= used) await sleep((used + 1) * TOTP_STEP_MS - Date.now() + 500);
    const now = Date.now();
    lastStepUsed.set(key, Math.floor(now / TOTP_STEP_MS));
    await page.getByLabel('动态口令').fill(currentTotp(secret, now));
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/admin/login')), page.getByRole('button', { name: '验证' }).click()]);
  }
  const cid = Number(/^\/admin\/c\/(\d+)/.exec(new URL(page.url()).pathname)?.[1]);
  if (!(cid > 0)) throw new Error(`login of ${username} landed on ${page.url()}: ${(await page.locator('main').innerText()).slice(0, 300)}`);
  return cid;
}

/** Opens a context for one staff member and logs in. */
export async function openStaff(browser: Browser, opts: { server: TestServer; username: string; a11y?: boolean }): Promise<StaffSession> {
  const context = await newContext(browser, opts.server);
  const page = await context.newPage();
  const cid = await login(page, opts);
  return { username: opts.username, context, page, cid };
}

/** A minimal, valid one-page PDF (correct xref offsets), unique per call so its SHA-256 is new. */
export function makePdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 50 750 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Waits for the next review task of `title` in the reviewer's list and opens it. */
export async function openReviewTask(staff: StaffSession, title: string | RegExp, label: string): Promise<void> {
  const { page, cid } = staff;
  await page.goto(`/admin/c/${cid}/reviews`);
  await checkA11y(page, `${label}：待我审核`);
  await page.locator('ul.tasks').getByRole('link', typeof title === 'string' ? { name: title, exact: true } : { name: title }).click();
  await page.waitForURL(/\/reviews\/\d+$/);
  await checkA11y(page, `${label}：审核页`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}

/** Reloads `path` until `predicate` holds (publication side effects such as indexing may run after commit). */
export async function gotoUntil(page: Page, path: string, predicate: (page: Page) => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(path);
    if (await predicate(page)) return;
    if (Date.now() > deadline) throw new Error(`${path}: condition not met within ${timeoutMs} ms`);
    await sleep(500);
  }
}
