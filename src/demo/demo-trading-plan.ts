import type { Category, Contact, NoticeSubmission, ProjectInput } from '../trading/trading.model.ts';
import { CENTER_PROFILES, type CenterProfile } from './demo-centers.ts';
import { allocate } from './demo-plan.ts';
import type { NoticeContext } from './demo-trading-bodies.ts';
import { dayFromString, dayParts, isWorkday, momentKey, momentToIso } from './demo-trading-dates.ts';
import { planLifecycle, type Fate, type PlannedNotice, type PlannedRegistration } from './demo-trading-lifecycle.ts';
import { AGENT_SPECS, createFirms, enterpriseCreditCode, officePhone, weighted, type AgentSpec, type BidderKind, type Firm } from './demo-trading-names.ts';
import { districtFullName, getTradingArea, streetAddress, tenderersOf } from './demo-trading-places.ts';
import { draftProject, type ProjectDraft } from './demo-trading-projects.ts';
import { createRng, seedOf, type Rng } from './demo-random.ts';
import { personNames } from './demo-text.ts';

export type DemoAgentFirm = { key: string; centerCode: string; name: string; creditCode: string; contactName: string; contactPhone: string };

export type DemoSubmission = {
  seq: number;
  /** ISO instant (+08:00) at which the notice is submitted and published. */
  at: string;
  centerCode: string;
  agentKey: string;
  projectKey: string;
  /** Without projectId: the runner resolves projectKey. Opening notices carry `project`. */
  submission: NoticeSubmission;
  /** For amendments: the seq of the notice it changes (the runner maps it to facts.amendsNoticeId). */
  amendsSeq?: number;
};

export type DemoBidderRegistration = { projectKey: string; kind: 'download' | 'deposit'; bidderName: string; creditCode: string; at: string; amountFen?: number };

export type DemoTradingPlan = { agents: DemoAgentFirm[]; submissions: DemoSubmission[]; registrations: DemoBidderRegistration[] };

/** Projects per year at scale 1, and each center's share (the province and 长沙 largest, 邵东 smallest). */
const PROJECTS_PER_YEAR = 900;
const CENTER_SHARE: Record<string, number> = { hn: 0.29, cs: 0.28, zz: 0.18, sy: 0.165, sd: 0.085 };

/**
 * Category mix per center. Weighted by the centers' shares, the mix of awarded projects is the Shaoyang
 * yardstick (2018: of 1,016 deals, 686 works, 247 procurement, 66 land and mining, 17 state assets); land
 * is drawn a little more often because more of its sales fail (流拍) or are still running at endDate.
 */
const CATEGORY_MIX: Record<string, readonly [Category, number][]> = {
  hn: [['works', 0.7], ['procurement', 0.215], ['land_mining', 0.045], ['state_assets', 0.02], ['medicine', 0.015], ['other', 0.005]],
  cs: [['works', 0.64], ['procurement', 0.26], ['land_mining', 0.075], ['state_assets', 0.015], ['medicine', 0.005], ['other', 0.005]],
  zz: [['works', 0.66], ['procurement', 0.23], ['land_mining', 0.09], ['state_assets', 0.015], ['other', 0.005]],
  sy: [['works', 0.67], ['procurement', 0.225], ['land_mining', 0.085], ['state_assets', 0.015], ['other', 0.005]],
  sd: [['works', 0.68], ['procurement', 0.21], ['land_mining', 0.09], ['state_assets', 0.015], ['other', 0.005]],
};

/** Tendering is slow around the Spring Festival and busiest before the year closes. */
const MONTH_WEIGHTS = [0.8, 0.55, 1.0, 1.1, 1.1, 1.15, 1.0, 0.9, 1.0, 0.9, 1.05, 1.25];

/** Which bidders may answer a project of a given kind. */
const RELATED: Partial<Record<BidderKind, readonly BidderKind[]>> = { building: ['building', 'municipal'], municipal: ['municipal', 'building'], highway: ['highway', 'municipal'], water: ['water', 'municipal'], services: ['services', 'property'] };

/**
 * One year of trading for the five demo centers as data, the same for the same seed: agent firms, every
 * notice submission in time order (tender → amendments → candidates → award → contract, or termination),
 * and the bidders' document downloads and deposits. The year is the 365 days before `endDate`;
 * procedures still running at `endDate` stop at their last notice before it, so about 40 tenders open in
 * the 30 days after it.
 */
export function planDemoTrading(opts: { seed: number; endDate: string; scale?: number }): DemoTradingPlan {
  const seed = opts.seed >>> 0;
  const endDay = dayFromString(opts.endDate);
  const rngFor = (key: string): Rng => createRng((seed ^ seedOf(key)) >>> 0);
  const year: Year = {
    rngFor,
    firms: createFirms(seed),
    staff: new Map(AGENT_SPECS.map((spec) => [spec.key, agentStaff(spec, rngFor(`staff:${spec.key}`))])),
    startDay: startDayPicker(endDay),
    endKey: endDay * 1440,
    notices: [],
    registrations: [],
  };
  const total = Math.max(5, Math.round(PROJECTS_PER_YEAR * (opts.scale ?? 1)));
  const perCenter = allocate(total, CENTER_PROFILES.map((p) => CENTER_SHARE[p.code] ?? 0.1));
  CENTER_PROFILES.forEach((profile, i) => planCenter(year, { profile, count: perCenter[i] ?? 0 }));

  year.registrations.sort((a, b) => momentKey(a.r.at) - momentKey(b.r.at) || (a.projectKey < b.projectKey ? -1 : a.projectKey > b.projectKey ? 1 : 0));
  return {
    agents: AGENT_SPECS.map((spec) => agentFirm(spec, rngFor(`agent:${spec.key}`))),
    submissions: toSubmissions(year.notices),
    registrations: year.registrations.map(({ projectKey, r }) => ({ projectKey, kind: r.kind, bidderName: r.bidderName, creditCode: r.creditCode, at: momentToIso(r.at), ...(r.amountFen !== undefined ? { amountFen: r.amountFen } : {}) })),
  };
}

type PlannedEntry = { order: number; draft: ProjectDraft; notice: PlannedNotice };

/** What the centers' planning shares: the dice, the parties, the calendar, and the output so far. */
type Year = {
  rngFor: (key: string) => Rng;
  firms: readonly Firm[];
  staff: ReadonlyMap<string, readonly Contact[]>;
  startDay: (rng: Rng) => number;
  endKey: number;
  notices: PlannedEntry[];
  registrations: { projectKey: string; r: PlannedRegistration }[];
};

/** A center's projects: categories by its mix, start days by season, numbered in the order they open. */
function planCenter(year: Year, o: { profile: CenterProfile; count: number }): void {
  const code = o.profile.code;
  const area = getTradingArea(code);
  const tenderers = tenderersOf(area);
  const mix = CATEGORY_MIX[code] ?? CATEGORY_MIX.sy ?? [];
  const counts = allocate(o.count, mix.map(([, w]) => w));
  const dice = year.rngFor(`center:${code}`);
  const centerAgents = AGENT_SPECS.filter((a) => a.centerCode === code);
  const slots = mix
    .flatMap(([category], k) => Array.from({ length: counts[k] ?? 0 }, () => ({ category, startDay: year.startDay(dice), agent: weightedAgent(dice, centerAgents) })))
    .sort((a, b) => a.startDay - b.startDay);
  const serials = new Map<string, number>();
  const next = (key: string) => {
    const n = (serials.get(key) ?? 0) + 1;
    serials.set(key, n);
    return n;
  };
  const names = new Set<string>();
  slots.forEach((slot, n) => {
    const key = `${code}-${String(n + 1).padStart(4, '0')}`;
    const rng = year.rngFor(`project:${key}`);
    const y = dayParts(slot.startDay).y;
    const input = { rng, key, area, agent: slot.agent, category: slot.category, startDay: slot.startDay, year: y, tenderers, landSerial: slot.category === 'land_mining' ? next(`land:${y}`) : 0 };
    // A center does not run two procedures of the same name in a year: draw again, else number the batch.
    let draft = draftProject(input);
    for (let tries = 0; tries < 8 && names.has(draft.input.name); tries++) draft = draftProject(input);
    if (names.has(draft.input.name)) renameProject(draft, `${draft.input.name}（${y}年第${next(`name:${draft.input.name}`) + 1}批）`);
    names.add(draft.input.name);
    draft.input.projectNo = projectNo({ draft, year: y, serial: next(`${draft.agent.key}:${y}:${isSaleCategory(slot.category) ? slot.category : 'tender'}`) });
    const ctx = noticeContext({ draft, profile: o.profile, rng, year: y, agentStaff: year.staff.get(slot.agent.key) ?? [] });
    const life = planLifecycle({ rng, ctx, pool: poolFor(year.firms, draft), fate: pickFate(rng, draft) });
    const order = year.notices.length;
    for (const notice of life.notices) if (momentKey(notice.at) < year.endKey) year.notices.push({ order, draft, notice });
    for (const r of life.registrations) if (momentKey(r.at) < year.endKey) year.registrations.push({ projectKey: key, r });
  });
}

/** Time order, seq numbers, and each amendment's link to its tender notice. */
function toSubmissions(entries: PlannedEntry[]): DemoSubmission[] {
  const sorted = [...entries].sort((a, b) => momentKey(a.notice.at) - momentKey(b.notice.at) || a.order - b.order);
  const tenderSeq = new Map<string, number>();
  return sorted.map(({ draft, notice }, i): DemoSubmission => {
    const seq = i + 1;
    const isOpening = notice.type === 'tender_notice';
    if (isOpening) tenderSeq.set(draft.key, seq);
    const amendsSeq = notice.isAmendment ? tenderSeq.get(draft.key) : undefined;
    const submission: NoticeSubmission = {
      idempotencyKey: `demo:${draft.key}:${notice.step}`,
      ...(isOpening ? { project: projectInput(draft) } : {}),
      type: notice.type,
      title: notice.title,
      bodyHtml: notice.bodyHtml,
      facts: notice.facts,
    };
    return { seq, at: momentToIso(notice.at), centerCode: draft.centerCode, agentKey: draft.agent.key, projectKey: draft.key, submission, ...(amendsSeq !== undefined ? { amendsSeq } : {}) };
  });
}

/** The project an opening notice creates, field by field so nothing internal rides along. */
function projectInput(draft: ProjectDraft): ProjectInput {
  const i = draft.input;
  return {
    name: i.name,
    projectNo: i.projectNo,
    category: i.category,
    method: i.method,
    tendererName: i.tendererName,
    tendererCreditCode: i.tendererCreditCode,
    budgetFen: i.budgetFen,
    isMandatoryTendering: i.isMandatoryTendering,
    // The submission names the place; the administrative code stays internal to the plan.
    region: regionName(draft),
    lots: i.lots.map((l) => ({ lotNo: l.lotNo, name: l.name, budgetFen: l.budgetFen })),
  };
}

function regionName(draft: ProjectDraft): string {
  const district = draft.area.districts.find((x) => x.code === draft.input.region);
  return district ? districtFullName(draft.area, district) : draft.area.city;
}

function renameProject(draft: ProjectDraft, name: string): void {
  const old = draft.input.name;
  draft.input.name = name;
  for (const lot of draft.input.lots) if (lot.name === old) lot.name = name;
}

function isSaleCategory(category: Category): boolean {
  return category === 'land_mining' || category === 'state_assets';
}

/**
 * About 6 % end without an award: 3 % terminated before the deadline, 4 % failed at the opening (a little
 * over 6 %, because some of those endings fall after endDate).
 */
function pickFate(rng: Rng, draft: ProjectDraft): Fate {
  const x = rng.next();
  if (x < 0.03) return 'terminated';
  if (x < 0.07) return draft.input.method === 'single_source' ? 'terminated' : 'failed';
  return 'awarded';
}

/** HNJK-2026-0153 for tenders; HN-TD-2026-007 for land and mining, SY-CQ-2026-012 for state assets. */
function projectNo(o: { draft: ProjectDraft; year: number; serial: number }): string {
  const c = o.draft.input.category;
  if (c === 'land_mining') return `${o.draft.area.latin}-${o.draft.land?.isMining ? 'KQ' : 'TD'}-${o.year}-${String(o.serial).padStart(3, '0')}`;
  if (c === 'state_assets') return `${o.draft.area.latin}-CQ-${o.year}-${String(o.serial).padStart(3, '0')}`;
  return `${o.draft.agent.abbr}-${o.year}-${String(o.serial).padStart(4, '0')}`;
}

function poolFor(firms: readonly Firm[], draft: ProjectDraft): Firm[] {
  const kinds = RELATED[draft.bidderKind] ?? [draft.bidderKind];
  const main = firms.filter((f) => f.kind === draft.bidderKind);
  // Local firms first: a county project draws mostly from its own city's firms.
  const prefix = draft.input.region.slice(0, 4);
  const local = main.filter((f) => f.regionCode.startsWith(prefix) || f.regionCode === '430100');
  // Related trades (a municipal contractor on a building job) only fill up a thin field.
  const related = firms.filter((f) => f.kind !== draft.bidderKind && kinds.includes(f.kind));
  const pool = [...new Set([...local, ...main])];
  pool.push(...related.slice(0, Math.max(0, 12 - pool.length)));
  return pool.length >= 3 ? pool : firms.filter((f) => f.kind === 'building');
}

function weightedAgent(rng: Rng, agents: readonly AgentSpec[]): AgentSpec {
  return weighted(
    rng,
    agents.map((a, i) => [a, Math.max(1, 5 - i)] as const),
  )[0];
}

function agentFirm(spec: AgentSpec, rng: Rng): DemoAgentFirm {
  const [contactName = '王伟'] = personNames(rng, 1);
  return { key: spec.key, centerCode: spec.centerCode, name: spec.name, creditCode: enterpriseCreditCode(spec.name, spec.regionCode), contactName, contactPhone: officePhone(rng, spec.centerCode) };
}

function agentStaff(spec: AgentSpec, rng: Rng): Contact[] {
  return personNames(rng, 4).map((name) => ({ name, phone: officePhone(rng, spec.centerCode) }));
}

function noticeContext(o: { draft: ProjectDraft; profile: CenterProfile; rng: Rng; year: number; agentStaff: readonly Contact[] }): NoticeContext {
  const { draft, rng } = o;
  const contact = o.agentStaff.length > 0 ? rng.pick(o.agentStaff) : { name: '王伟', phone: officePhone(rng, draft.centerCode) };
  const tr = createRng(`tenderer:${draft.input.tendererName}`);
  const [tendererPerson = '李强'] = personNames(tr, 1);
  return {
    draft,
    profile: o.profile,
    rng,
    year: o.year,
    agentName: draft.agent.name,
    agentAddress: streetAddress(createRng(`agent-address:${draft.agent.key}`), draft.agent.centerCode),
    contact,
    tendererContact: { name: tendererPerson, phone: officePhone(tr, draft.centerCode) },
    tendererAddress: streetAddress(tr, draft.centerCode),
  };
}


/** Draws working days of the year before `endDay`, weighted by month. */
function startDayPicker(endDay: number): (rng: Rng) => number {
  const days: number[] = [];
  const cumulative: number[] = [];
  let sum = 0;
  for (let day = endDay - 365; day < endDay; day++) {
    if (!isWorkday(day)) continue;
    sum += MONTH_WEIGHTS[dayParts(day).m - 1] ?? 1;
    days.push(day);
    cumulative.push(sum);
  }
  return (rng) => {
    const x = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return days[lo] ?? endDay - 1;
  };
}

