import { parentPort, workerData } from 'node:worker_threads';
import { revisionHash } from '../src/content/revision-hash.ts';
import { planDemoTrading, type DemoSubmission } from '../src/demo/demo-trading-plan.ts';
import { formatDate } from '../src/platform/dates.ts';
import { htmlToText } from '../src/platform/search/snippet.ts';
import { toIndexText } from '../src/platform/search/tokenizer.ts';
import { makeDealCode } from '../src/trading/deal-code.ts';
import { awardTotalFen, type NoticeFacts, type ProjectInput } from '../src/trading/trading.model.ts';

/**
 * Worker thread of the trading bulk loader: plans years of trading with the demo's planner (the same
 * titles, bodies, facts, category and notice-type mix as the demo replay), one chunk of about 6,400
 * notices at a time, each chunk with its own seed and a year ending at its own date, so that the chunks
 * together cover five years. Each batch is four JSON documents, one per INSERT … SELECT.
 */
export type NoticeCenter = { centerId: number; code: string; columnId: number; indexPrefix: string; uscc: string; name: string };
export type NoticeFirm = { firmId: number; centerId: number; creditCode: string; name: string; userId: number };
export type NoticeRowsData = {
  seed: number;
  nowMs: number;
  count: number;
  centers: NoticeCenter[];
  firms: NoticeFirm[];
  fallbackUserId: number;
  first: { article: number; revision: number; notice: number; project: number };
};
export type NoticeRowsRequest = { count: number };
export type NoticeRowsBatch = { projects: string; revisions: string; articles: string; notices: string; rows: number; projectRows: number };

/** Demo planner scale of one chunk (1 ≈ 3,200 notices a year for the five demo centers). */
const CHUNK_SCALE = 2;
const NOTICES_PER_CHUNK = 6_400;
/** The chunks' years end between yesterday and four years ago: five years of notices in all. */
const SPAN_DAYS = 4 * 365;
const DAY_MS = 86_400_000;
/** Deal-code serials of bulk projects start here, above any serial the app hands out in a day. */
const BULK_SERIAL_BASE = 900_000;

type Row = { project?: Record<string, unknown>; revision: Record<string, unknown>; article: Record<string, unknown>; notice: Record<string, unknown> };
type ProjectState = {
  /** The trading_project row, moved by each planned notice (applyFacts). */
  row: Record<string, unknown>;
  id: number;
  center: NoticeCenter;
  firm: NoticeFirm | undefined;
  input: ProjectInput;
  code: string;
  isEmitted: boolean;
};
type PlannedNotice = { s: DemoSubmission; project: ProjectState; noticeId: number; facts: NoticeFacts };

/** A generator of consecutive rows; the same seed, clock and targets give the same rows. */
export function createNoticeRowGenerator(data: NoticeRowsData): (count: number) => Row[] {
  const centers = new Map(data.centers.map((c) => [c.code, c]));
  const firmsByCredit = new Map(data.firms.map((f) => [`${f.centerId}:${f.creditCode}`, f]));
  const ids = { ...data.first };
  const serials = new Map<string, number>();
  const chunks = Math.max(1, Math.ceil(data.count / NOTICES_PER_CHUNK));
  let chunk = 0;
  let left = data.count;
  const queue: Row[] = [];
  const nextChunk = () => {
    const offsetDays = 1 + Math.floor(((chunk % chunks) * SPAN_DAYS) / chunks);
    const endDate = formatDate(new Date(data.nowMs - offsetDays * DAY_MS));
    const plan = planDemoTrading({ seed: (data.seed + chunk * 7919) >>> 0, endDate, scale: CHUNK_SCALE });
    chunk += 1;
    const agentCredit = new Map(plan.agents.map((a) => [a.key, `${centers.get(a.centerCode)?.centerId ?? 0}:${a.creditCode}`]));
    const subs = plan.submissions.slice(0, left);
    queue.push(...chunkRows({ subs, centers, firmOf: (key) => firmsByCredit.get(agentCredit.get(key) ?? ''), ids, serials, fallbackUserId: data.fallbackUserId }));
  };
  return (count) => {
    while (queue.length < count && left > 0) {
      const before = queue.length;
      nextChunk();
      left -= queue.length - before;
      // A planner that yields nothing (no demo centers) must not spin forever.
      if (queue.length === before && chunk > chunks * 4) break;
    }
    return queue.splice(0, count);
  };
}

/** The rows of one planned chunk: a project's row carries its final state after all its notices in the chunk. */
function chunkRows(o: {
  subs: DemoSubmission[];
  centers: Map<string, NoticeCenter>;
  firmOf: (agentKey: string) => NoticeFirm | undefined;
  ids: NoticeRowsData['first'];
  serials: Map<string, number>;
  fallbackUserId: number;
}): Row[] {
  const projects = new Map<string, ProjectState>();
  const noticeIdOfSeq = new Map<number, number>();
  const planned: PlannedNotice[] = [];
  for (const s of o.subs) {
    const center = o.centers.get(s.centerCode);
    if (!center) continue;
    let project = projects.get(s.projectKey);
    const input = s.submission.project;
    if (!project && input) {
      project = newProject({ s, input, center, firm: o.firmOf(s.agentKey), id: o.ids.project++, serials: o.serials });
      projects.set(s.projectKey, project);
    }
    if (!project) continue;
    const noticeId = o.ids.notice++;
    noticeIdOfSeq.set(s.seq, noticeId);
    const amends = s.amendsSeq === undefined ? undefined : noticeIdOfSeq.get(s.amendsSeq);
    const facts = normalizeFacts({ type: s.submission.type, ...s.submission.facts, ...(amends ? { amendsNoticeId: amends } : {}) });
    applyFacts(project.row, facts, s.at);
    planned.push({ s, project, noticeId, facts });
  }
  return planned.map((n) => noticeRow(n, { id: o.ids.article++, rid: o.ids.revision++, fallbackUserId: o.fallbackUserId }));
}

/** The article, revision and notice of one planned notice, and its project's row with the first of them. */
function noticeRow({ s, project, noticeId, facts }: PlannedNotice, o: { id: number; rid: number; fallbackUserId: number }): Row {
  const { id, rid } = o;
  const at = new Date(s.at).toISOString();
  const summary = [`项目编号：${project.input.projectNo}`, `招标人：${project.input.tendererName}`, project.firm ? `代理机构：${project.firm.name}` : '', `交易标识码：${project.code}`].filter(Boolean).join('　');
  const { title, bodyHtml } = s.submission;
  const source = project.firm?.name ?? '';
  const fields = { notice: facts };
  const authorId = project.firm?.userId ?? o.fallbackUserId;
  const centerId = project.center.centerId;
  // As applyNoticePublished sets it: the award total, the contract amount, otherwise the project's budget.
  const amount = facts.type === 'award_notice' ? awardTotalFen(facts) : facts.type === 'contract_notice' && facts.contractAmountFen !== undefined ? facts.contractAmountFen : project.input.budgetFen;
  const row: Row = {
    revision: { id, rid, title, body: bodyHtml, summary, source, fields, hash: revisionHash({ title, bodyHtml, summary, source, fields, attachmentIds: [], correctionNote: null }), author_id: authorId, at },
    article: {
      id,
      rid,
      center_id: centerId,
      column_id: project.center.columnId,
      author_id: authorId,
      // "T" keeps these apart from the numbers the publishing path hands out.
      index_no: `${project.center.indexPrefix}/${formatDate(new Date(at)).slice(0, 4)}-T${String(id).padStart(7, '0')}`,
      publisher: source || project.center.name,
      title,
      summary,
      at,
      // The text the publishing path indexes (title twice, summary, body text, no attachments).
      idx: toIndexText(title, title, summary, htmlToText(bodyHtml), '', '', '', ''),
    },
    notice: { id: noticeId, article_id: id, project_id: project.id, center_id: centerId, type: facts.type, category: project.input.category, method: project.input.method, amount_fen: amount, amends: facts.amendsNoticeId ?? null, firm_id: project.firm?.firmId ?? null, at },
  };
  if (!project.isEmitted) {
    project.isEmitted = true;
    row.project = project.row;
  }
  return row;
}

function newProject(o: { s: DemoSubmission; input: ProjectInput; center: NoticeCenter; firm: NoticeFirm | undefined; id: number; serials: Map<string, number> }): ProjectState {
  const day = o.s.at.slice(0, 10);
  const key = `${o.center.uscc}${day}`;
  const serial = (o.serials.get(key) ?? BULK_SERIAL_BASE) + 1;
  o.serials.set(key, serial);
  const code = makeDealCode(o.center.uscc, day, serial);
  const p = o.input;
  return {
    id: o.id,
    center: o.center,
    firm: o.firm,
    input: p,
    code,
    isEmitted: false,
    row: {
      id: o.id,
      center_id: o.center.centerId,
      code,
      project_no: p.projectNo,
      name: p.name,
      category: p.category,
      method: p.method,
      region: p.region,
      tenderer_name: p.tendererName,
      tenderer_credit_code: p.tendererCreditCode ?? '',
      agent_firm_id: o.firm?.firmId ?? null,
      agent_name: o.firm?.name ?? '',
      budget_fen: p.budgetFen,
      is_mandatory: p.isMandatoryTendering,
      lots: p.lots,
      status: 'open',
      doc_sale_start: null,
      doc_sale_end: null,
      bid_deadline: null,
      opening_at: null,
      opening_place: '',
      award_amount_fen: null,
      awarded_on: null,
      at: new Date(o.s.at).toISOString(),
    },
  };
}

/** The project moves as applyNoticePublished moves it when each notice is published. */
function applyFacts(p: Record<string, unknown>, f: NoticeFacts, at: string): void {
  switch (f.type) {
    case 'tender_notice':
    case 'prequalification_notice':
      Object.assign(p, { doc_sale_start: f.docSaleStart ?? p.doc_sale_start, doc_sale_end: f.docSaleEnd ?? p.doc_sale_end, bid_deadline: f.bidDeadline ?? p.bid_deadline, opening_at: f.openingAt ?? p.opening_at, opening_place: f.openingPlace ?? p.opening_place, status: 'open' });
      break;
    case 'amendment_notice':
      Object.assign(p, { bid_deadline: f.newBidDeadline ?? p.bid_deadline, opening_at: f.newOpeningAt ?? p.opening_at });
      break;
    case 'candidates_notice':
      p.status = 'evaluating';
      break;
    case 'award_notice':
      Object.assign(p, { award_amount_fen: awardTotalFen(f), awarded_on: at.slice(0, 10), status: 'awarded' });
      break;
    case 'termination_notice':
      p.status = f.terminationKind === 'failed' ? 'failed' : 'terminated';
      break;
    case 'contract_notice':
      p.status = 'contracted';
      break;
  }
}

/** Instants as parseNoticeSubmission stores them (UTC ISO); the rest as planned. */
function normalizeFacts(f: NoticeFacts): NoticeFacts {
  const out: NoticeFacts = { ...f };
  for (const key of ['bidDeadline', 'openingAt', 'newBidDeadline', 'newOpeningAt'] as const) {
    const v = out[key];
    if (v) out[key] = new Date(v).toISOString();
  }
  return out;
}

/** Splits rows into the four documents of one batch. */
export function toNoticeBatch(rows: Row[]): NoticeRowsBatch {
  const projects = rows.flatMap((r) => (r.project ? [r.project] : []));
  return {
    projects: JSON.stringify(projects),
    projectRows: projects.length,
    revisions: JSON.stringify(rows.map((r) => r.revision)),
    articles: JSON.stringify(rows.map((r) => r.article)),
    notices: JSON.stringify(rows.map((r) => r.notice)),
    rows: rows.length,
  };
}

if (parentPort && isNoticeRowsData(workerData)) {
  const port = parentPort;
  const next = createNoticeRowGenerator(workerData);
  port.on('message', (req: NoticeRowsRequest) => port.postMessage(toNoticeBatch(next(req.count))));
}

function isNoticeRowsData(v: unknown): v is NoticeRowsData {
  return typeof v === 'object' && v !== null && 'centers' in v && 'firms' in v && 'count' in v;
}
