import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { expect } from 'vitest';
import { AGENT_SPECS } from '../../src/demo/demo-trading-names.ts';
import { formatDate } from '../../src/platform/dates.ts';

/** Helpers shared by the trading journeys (bidder-journey, agent-journey). */

const ATOM_NS = 'http://www.w3.org/2005/Atom';

export type AtomEntry = { id: string; title: string; href: string };
export type AtomFeed = { title: string; entries: AtomEntry[] };

/**
 * The username of the first demo agent firm's staff member at a center (`cs.cs-xczx`): the demo prints
 * agent accounts without a TOTP secret, so the seed does not record them; the names come from the same specs.
 */
export function demoAgentUsername(centerCode: string): string {
  const spec = AGENT_SPECS.find((a) => a.centerCode === centerCode);
  if (!spec) throw new Error(`no demo agent firm at center ${centerCode}`);
  return `${centerCode}.${spec.key}`;
}

/** A calendar day in Beijing, `days` after today (YYYY-MM-DD). */
export function beijingDay(days: number): string {
  return formatDate(new Date(Date.now() + days * 86_400_000));
}

/** A day string moved by n calendar days. */
export function plusDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n)).toISOString().slice(0, 10);
}

/**
 * Fetches a feed with the page's cookies and parses it with a strict XML parser: any well-formedness
 * error fails. The root must be an Atom `feed`; returns its title and entries.
 */
export async function fetchAtom(request: APIRequestContext, href: string): Promise<AtomFeed> {
  const res = await request.get(href);
  expect(res.status(), `GET ${href}`).toBe(200);
  expect(res.headers()['content-type'] ?? '', `content-type of ${href}`).toMatch(/^application\/atom\+xml/);
  return parseAtom(await res.text());
}

/** Parses an Atom document; saxes throws on the first well-formedness error (no error handler is set). */
export function parseAtom(xml: string): AtomFeed {
  const parser = new SaxesParser({ xmlns: true });
  const path: string[] = [];
  let rootOk = false;
  let feedTitle = '';
  let entry: AtomEntry | null = null;
  const entries: AtomEntry[] = [];
  parser.on('opentag', (tag) => {
    if (path.length === 0) rootOk = tag.local === 'feed' && tag.uri === ATOM_NS;
    path.push(tag.local);
    if (tag.local === 'entry' && tag.uri === ATOM_NS) entry = { id: '', title: '', href: '' };
    const rel = tag.attributes.rel?.value ?? 'alternate';
    if (entry && tag.local === 'link' && rel === 'alternate') entry.href = tag.attributes.href?.value ?? '';
  });
  parser.on('text', (text) => {
    const [parent, leaf] = path.slice(-2);
    if (entry && parent === 'entry' && leaf === 'title') entry.title += text;
    if (entry && parent === 'entry' && leaf === 'id') entry.id += text;
    if (path.length === 2 && leaf === 'title') feedTitle += text;
  });
  parser.on('closetag', (tag) => {
    path.pop();
    if (tag.local === 'entry' && entry) {
      entries.push(entry);
      entry = null;
    }
  });
  parser.write(xml).close();
  expect(rootOk, 'the document root is an Atom <feed>').toBe(true);
  return { title: feedTitle, entries };
}

/** No sideways scrolling: the page is no wider than the viewport (soft, so every page of a journey is checked). */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const m = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(m.scrollWidth, `${label} (${new URL(page.url()).pathname}): scrollWidth ${m.scrollWidth} > innerWidth ${m.innerWidth}`).toBeLessThanOrEqual(m.innerWidth);
}

/** Fills a form's controls by their `name` (text, date, datetime-local, textarea, select by value). */
export async function fillByName(form: Locator, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const control = form.locator(`[name="${name}"]`);
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
}

/** Reads the value cell of a labelled row of a facts table (`<th scope=row>label</th><td>value</td>`). */
export function factRow(table: Locator, label: string): Locator {
  return table.locator('tr', { has: table.page().locator('th', { hasText: new RegExp(`^${label}$`) }) }).locator('td');
}

/**
 * A keyword a bidder would type for a title: the four characters after its place name (长沙市天心区暮云中心学校…
 * → 暮云中心), else four characters from inside its first long run of Chinese text.
 */
export function keywordOf(title: string): string {
  const place = /^[\u4e00-\u9fff]{1,4}[省市县区镇]([\u4e00-\u9fff]{2,4}[市县区镇])?([\u4e00-\u9fff]{4})/.exec(title);
  if (place?.[2]) return place[2];
  const run = /[\u4e00-\u9fff]{10,}/.exec(title)?.[0];
  return run ? run.slice(4, 8) : title.slice(0, 4);
}
