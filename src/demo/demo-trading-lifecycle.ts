import type { Candidate, NoticeFacts, NoticeType, Winner } from '../trading/trading.model.ts';
import { createRng, type Rng } from './demo-random.ts';
import { personNames } from './demo-text.ts';
import { amendmentText, tenderText, type AmendmentChange, type NoticeContext, type Schedule } from './demo-trading-bodies.ts';
import { addWorkdays, dayToString, hm, momentKey, momentToIso, onOrNextWorkday, onOrPreviousWorkday, workdaysBetween, type Moment } from './demo-trading-dates.ts';
import { builderCertificate, weighted, type Firm } from './demo-trading-names.ts';
import { centerOfRegion, streetAddress } from './demo-trading-places.ts';
import type { ProjectDraft } from './demo-trading-projects.ts';
import { awardText, candidatesText, contractText, terminationText, type Bidding } from './demo-trading-results.ts';

/**
 * The life of one project as dated notices and bidder registrations: tender → amendments → opening →
 * candidates (works) → award → contract, or a termination. Every period is drawn inside its statutory
 * bounds (notice-formats.md §8): doc sale ≥ 5 working days, ≥ 20 days to the deadline where required,
 * ≥ 15 days after an amendment that affects preparation, publicity ≥ 3 days, contract ≤ 30 days.
 */

export type PlannedNotice = { at: Moment; type: NoticeType; step: string; isAmendment: boolean; title: string; bodyHtml: string; facts: Omit<NoticeFacts, 'type'> };
export type PlannedRegistration = { kind: 'download' | 'deposit'; bidderName: string; creditCode: string; at: Moment; amountFen?: number };
export type Fate = 'awarded' | 'terminated' | 'failed';

type DraftFacts = Omit<NoticeFacts, 'type' | 'lotNos' | 'contact'> & { lotNos?: number[] };
type AddNotice = (n: Omit<PlannedNotice, 'facts'> & { facts: DraftFacts }) => void;

export function planLifecycle(opts: { rng: Rng; ctx: NoticeContext; pool: readonly Firm[]; fate: Fate }): { notices: PlannedNotice[]; registrations: PlannedRegistration[] } {
  const { rng } = opts;
  const d = opts.ctx.draft;
  // A 单一来源 公示 names its supplier up front; that firm is the only one to register and the one to sign.
  const sole = d.input.method === 'single_source' ? (opts.pool[rng.int(0, opts.pool.length - 1)] ?? null) : null;
  const ctx: NoticeContext = sole ? { ...opts.ctx, soleSupplier: { name: sole.name, address: streetAddress(createRng(`firm-address:${sole.name}`), centerOfRegion(sole.regionCode)) } } : opts.ctx;
  const notices: PlannedNotice[] = [];
  const contact = ctx.contact;
  const lotNos = d.input.lots.map((l) => l.lotNo);
  const add: AddNotice = (n) => notices.push({ ...n, facts: { lotNos, contact, ...n.facts } });

  const sched = schedule(rng, d);
  const published: Moment = { day: d.startDay, minute: rng.int(hm(8, 30), hm(17, 40)) };
  const tender = tenderText(ctx, sched);
  add({
    at: published,
    type: 'tender_notice',
    step: 'tender',
    isAmendment: false,
    ...tender,
    facts: { docSaleStart: dayToString(sched.docSaleStart), docSaleEnd: dayToString(sched.docSaleEnd), bidDeadline: momentToIso(sched.deadline), openingAt: momentToIso(sched.opening), openingPlace: sched.openingPlace, depositFen: d.depositFen, qualification: d.qualification },
  });

  // Amendments, each before the current deadline; one that affects preparation keeps its minimum gap.
  let fate = opts.fate;
  let lastDay = d.startDay;
  const isSaleLike = d.land !== null || d.input.category === 'state_assets';
  const amendCount = isSaleLike ? (rng.chance(0.08) ? 1 : 0) : weighted(rng, [[0, 60], [1, 28], [2, 12]] as const)[0];
  for (let i = 0; i < amendCount; i++) {
    const day = pickWorkday(rng, lastDay + 1, sched.deadline.day - 2, 0.6);
    if (day === null) break;
    const change = amend(rng, { d, sched, day, isSaleLike });
    const text = amendmentText(ctx, { sched, change, day, index: i + 1 });
    add({
      at: { day, minute: rng.int(hm(8, 30), hm(17, 50)) },
      type: 'amendment_notice',
      step: `amendment-${i + 1}`,
      isAmendment: true,
      ...text,
      facts: { changeSummary: change.summary, affectsPreparation: change.affectsPreparation, ...(change.deadline ? { newBidDeadline: momentToIso(change.deadline), newOpeningAt: momentToIso(change.opening ?? change.deadline) } : {}) },
    });
    if (change.deadline) {
      sched.deadline = change.deadline;
      sched.opening = change.opening ?? change.deadline;
    }
    if (change.openingPlace) sched.openingPlace = change.openingPlace;
    lastDay = day;
  }

  let terminatedAt: Moment | null = null;
  if (fate === 'terminated') {
    const day = pickWorkday(rng, lastDay + 1, sched.deadline.day - 1, 0.5);
    if (day === null) fate = 'failed';
    else terminatedAt = { day, minute: rng.int(hm(8, 30), hm(17, 50)) };
  }

  const bidding = register(rng, { d, sched, pool: sole ? [sole] : opts.pool, fate, publishedKey: momentKey(published), terminatedAt });
  if (fate !== 'awarded') {
    const at = terminatedAt ?? afterOpening(rng, sched.opening);
    add({ at, type: 'termination_notice', step: 'termination', isAmendment: false, ...terminationText(ctx, { sched, kind: fate, day: at.day, bidders: bidding.bidders.length }), facts: terminationFacts(d, fate, bidding.bidders.length) });
    return { notices, registrations: bidding.registrations };
  }
  awardPhase(rng, { ctx, sched, bidding, add });
  return { notices, registrations: bidding.registrations };
}

function schedule(rng: Rng, d: ProjectDraft): Schedule {
  const t0 = d.startDay;
  const at = (day: number, minute: number): Moment => ({ day, minute });
  const tenderTime = () => rng.pick([hm(9, 0), hm(9, 30), hm(10, 0), hm(14, 30), hm(15, 0)]);
  const room = `${rng.int(1, d.area.openingRooms)}`;
  const place = `${d.area.centerCode === 'hn' ? '湖南省' : d.area.city}公共资源交易中心第${room}开标室`;
  const m = d.input.method;
  if (d.land) {
    const hall = `${d.area.centerCode === 'hn' ? '湖南省' : d.area.city}公共资源交易中心土地矿业权交易大厅`;
    if (m === 'listing') {
      const listingStart = onOrNextWorkday(t0 + rng.int(20, 24));
      const listingEnd = onOrNextWorkday(listingStart + rng.int(10, 12));
      const appDay = onOrPreviousWorkday(listingEnd - 2);
      return { docSaleStart: t0, docSaleEnd: appDay, deadline: at(appDay, hm(17, 0)), opening: at(listingEnd, rng.pick([hm(10, 0), hm(15, 0)])), openingPlace: hall, listingStart };
    }
    const auctionDay = onOrNextWorkday(t0 + rng.int(21, 28));
    const appDay = onOrPreviousWorkday(auctionDay - 2);
    return { docSaleStart: t0, docSaleEnd: appDay, deadline: at(appDay, hm(17, 0)), opening: at(auctionDay, hm(9, 30)), openingPlace: hall, listingStart: null };
  }
  if (d.input.category === 'state_assets') {
    const hall = `${d.area.centerCode === 'hn' ? '湖南省' : d.area.city}公共资源交易中心网络竞价系统`;
    const listingEnd = addWorkdays(t0, d.period.includes('20个工作日') ? 20 : rng.int(10, 12));
    const opening = at(addWorkdays(listingEnd, rng.int(1, 3)), hm(10, 0));
    return { docSaleStart: t0, docSaleEnd: listingEnd, deadline: at(listingEnd, hm(17, 0)), opening, openingPlace: hall, listingStart: t0 };
  }
  const docSaleStart = d.input.category === 'works' && rng.chance(0.2) ? addWorkdays(t0, 1) : t0;
  let docSaleEnd: number;
  let deadlineDay: number;
  if (d.input.category === 'works') {
    docSaleEnd = addWorkdays(docSaleStart, rng.int(5, 7));
    deadlineDay = onOrNextWorkday(docSaleStart + (d.input.isMandatoryTendering ? rng.int(21, 28) : rng.int(15, 24)));
  } else if (m === 'open_tender') {
    docSaleEnd = addWorkdays(t0, rng.int(5, 6));
    deadlineDay = onOrNextWorkday(t0 + rng.int(21, 27));
  } else if (m === 'competitive_consultation') {
    docSaleEnd = addWorkdays(t0, 5);
    deadlineDay = onOrNextWorkday(Math.max(t0 + rng.int(11, 14), docSaleEnd + 1));
  } else {
    // 询价 / 竞争性谈判 / 单一来源: 3 working days at least (5 for the 单一来源 公示), never under 5 calendar days.
    docSaleEnd = m === 'single_source' ? addWorkdays(t0, 5) : onOrNextWorkday(Math.max(addWorkdays(t0, 3), t0 + 5));
    deadlineDay = addWorkdays(docSaleEnd, rng.int(1, 3));
  }
  if (deadlineDay <= docSaleEnd) deadlineDay = addWorkdays(docSaleEnd, 1);
  const deadline = at(deadlineDay, tenderTime());
  return { docSaleStart, docSaleEnd, deadline, opening: deadline, openingPlace: place, listingStart: null };
}

/** The change an amendment makes; moves the deadline when it must (or when it says so). */
function amend(rng: Rng, o: { d: ProjectDraft; sched: Schedule; day: number; isSaleLike: boolean }): AmendmentChange {
  const { d, sched, day } = o;
  const kind = o.isSaleLike || d.input.method === 'single_source' ? 'clarify' : weighted(rng, [['clarify', 45], ['documents', 35], ['postpone', 12], ['venue', 8]] as const)[0];
  const keepTime = (newDay: number): Moment => ({ day: newDay, minute: sched.deadline.minute });
  if (kind === 'documents') {
    const m = d.input.method;
    let needed: number | null = null;
    if (d.input.category === 'works' || m === 'open_tender') needed = day + 16 > sched.deadline.day ? onOrNextWorkday(day + 16 + rng.int(0, 4)) : null;
    else if (m === 'competitive_consultation') needed = day + 6 > sched.deadline.day ? onOrNextWorkday(day + 6 + rng.int(0, 3)) : null;
    else needed = workdaysBetween(day, sched.deadline.day) < 4 ? addWorkdays(day, 4 + rng.int(0, 2)) : null;
    return { kind, affectsPreparation: true, summary: needed ? '修改招标（采购）文件并顺延投标截止时间' : '修改招标（采购）文件部分内容', deadline: needed ? keepTime(needed) : null, opening: null, openingPlace: null };
  }
  if (kind === 'postpone') {
    const newDay = onOrNextWorkday(sched.deadline.day + rng.int(3, 10));
    return { kind, affectsPreparation: false, summary: '投标截止时间及开标时间延期', deadline: keepTime(newDay), opening: null, openingPlace: null };
  }
  if (kind === 'venue') {
    const place = sched.openingPlace.replace(/第\d+开标室/, `第${rng.int(1, d.area.openingRooms)}开标室`);
    const other = place === sched.openingPlace ? sched.openingPlace.replace(/第\d+开标室/, `第${d.area.openingRooms + 1}开标室`) : place;
    return { kind, affectsPreparation: false, summary: '开标地点变更', deadline: null, opening: null, openingPlace: other };
  }
  return { kind: 'clarify', affectsPreparation: false, summary: '招标（采购）文件答疑澄清', deadline: null, opening: null, openingPlace: null };
}

type Registered = Bidding & { registrations: PlannedRegistration[] };

/** Who downloaded the documents and who paid a deposit, before the deadline (or the termination). */
function register(rng: Rng, o: { d: ProjectDraft; sched: Schedule; pool: readonly Firm[]; fate: Fate; publishedKey: number; terminatedAt: Moment | null }): Registered {
  const { d, sched, fate } = o;
  const isSale = d.land !== null || d.input.category === 'state_assets';
  const single = d.input.method === 'single_source';
  let downloads: number;
  let bidders: number;
  if (single) [downloads, bidders] = [1, 1];
  else if (isSale) {
    downloads = fate === 'failed' ? rng.int(0, 2) : rng.int(1, 5);
    bidders = fate === 'failed' ? 0 : Math.min(downloads, weighted(rng, [[1, 45], [2, 30], [3, 15], [4, 10]] as const)[0]);
  } else if (fate === 'failed') {
    downloads = rng.int(1, 5);
    bidders = Math.min(downloads, rng.int(0, 2));
  } else if (fate === 'terminated') {
    downloads = rng.int(1, 8);
    bidders = rng.int(0, Math.min(3, downloads));
  } else {
    downloads = rng.int(4, 12);
    bidders = rng.int(3, downloads);
  }
  const firms = rng.sample(o.pool, downloads);
  const endKey = o.terminatedAt ? momentKey(o.terminatedAt) : momentKey(sched.deadline) - 30;
  const saleEndKey = Math.min(endKey, sched.docSaleEnd * 1440 + hm(17, 30));
  const registrations: PlannedRegistration[] = [];
  const deposit = d.depositFen;
  firms.forEach((firm, i) => {
    const downloaded = randomMoment(rng, o.publishedKey + 5, saleEndKey);
    registrations.push({ kind: 'download', bidderName: firm.name, creditCode: firm.creditCode, at: downloaded });
    if (i < bidders && deposit !== null && deposit > 0 && !single) {
      // Most deposits arrive in the last days before the deadline.
      const from = rng.chance(0.7) ? Math.max(momentKey(downloaded) + 10, endKey - 5 * 1440) : momentKey(downloaded) + 10;
      registrations.push({ kind: 'deposit', bidderName: firm.name, creditCode: firm.creditCode, at: randomMoment(rng, from, endKey), amountFen: deposit });
    }
  });
  return { bidders: firms.slice(0, bidders), registrations };
}

type Award = { awardDay: number; awardNoticeOn: number; winners: Winner[]; candidates: Candidate[]; note: string };
type AwardInput = { ctx: NoticeContext; sched: Schedule; bidding: Registered; add: AddNotice };

/** The award (after the candidates' publicity for works), then for most awards the contracts. */
function awardPhase(rng: Rng, o: AwardInput): void {
  const { ctx, sched, bidding, add } = o;
  const d = ctx.draft;
  const isSale = d.land !== null || d.input.category === 'state_assets';
  const award = d.input.category === 'works' ? awardWorks(rng, o) : isSale ? awardSale(rng, o) : awardProcurement(rng, o);
  const { winners, awardDay, awardNoticeOn } = award;
  const text = awardText(ctx, { sched, winners, candidates: award.candidates, awardNoticeOn, note: award.note, bidders: bidding.bidders.length, day: awardDay });
  const facts = { winners, awardNoticeOn: dayToString(awardNoticeOn), lotNos: winners.map((w) => w.lotNo), ...(isSale ? { startingPriceFen: d.input.budgetFen } : {}) };
  add({ at: { day: awardDay, minute: rng.int(hm(8, 30), hm(17, 50)) }, type: 'award_notice', step: 'award', isAmendment: false, ...text, facts });
  if (rng.chance(isSale ? 0.55 : 0.7)) planContracts(rng, { ctx, award, isSale, add });
}

/** Report 1–2 days after the opening, candidates published within 3 days of it for ≥ 3 days, then the award. */
function awardWorks(rng: Rng, o: AwardInput): Award {
  const { ctx, sched, bidding } = o;
  const reportDay = sched.opening.day + rng.int(1, 2);
  let pubDay = reportDay + rng.int(0, 1);
  while (pubDay < reportDay + 3 && !isWorkdayLike(pubDay)) pubDay++;
  const publicityEnd = onOrNextWorkday(pubDay + rng.int(3, 4));
  const lots = ctx.draft.input.lots;
  const candidates = lots.flatMap((lot) => rankCandidates(rng, { lotNo: lot.lotNo, budgetFen: lot.budgetFen ?? 0, firms: bidding.bidders }));
  const text = candidatesText(ctx, { sched, candidates, reportDay, publicityStart: pubDay, publicityEnd, bidders: bidding.bidders.length });
  const objectionChannel = `投标人或者其他利害关系人对评标结果有异议的，应当在公示期间以书面形式向招标人提出（电话：${ctx.tendererContact.phone}）`;
  o.add({ at: { day: pubDay, minute: rng.int(hm(8, 30), hm(17, 50)) }, type: 'candidates_notice', step: 'candidates', isAmendment: false, ...text, facts: { evaluationReportOn: dayToString(reportDay), publicityStart: dayToString(pubDay), publicityEnd: dayToString(publicityEnd), candidates, objectionChannel } });
  const awardNoticeOn = onOrNextWorkday(publicityEnd + rng.int(1, 5));
  const secondWins = rng.chance(0.08);
  const note = secondWins ? rng.pick(['第一中标候选人在公示期间书面放弃中标资格，招标人依法确定排名第二的中标候选人为中标人。', '经核查，第一中标候选人投标文件中的业绩与实际不符，招标人依法确定排名第二的中标候选人为中标人。']) : '';
  const winners = lots.map((lot): Winner => {
    const ranked = candidates.filter((c) => c.lotNo === lot.lotNo).sort((a, b) => a.rank - b.rank);
    const c = (secondWins ? ranked[1] : ranked[0]) ?? ranked[0];
    if (!c || c.priceFen === null) throw new Error(`lot ${lot.lotNo} of ${ctx.draft.key} has no candidate`);
    return { lotNo: lot.lotNo, name: c.name, ...(c.creditCode ? { creditCode: c.creditCode } : {}), priceFen: c.priceFen };
  });
  return { awardDay: awardNoticeOn, awardNoticeOn, winners, candidates, note };
}

/** Land and property: sold at the starting price to a lone bidder, else bid up in steps (land ≤ 60 %, property ≤ 30 %). */
function awardSale(rng: Rng, o: AwardInput): Award {
  const d = o.ctx.draft;
  const bidders = o.bidding.bidders;
  const start = d.input.budgetFen ?? 0;
  const step = d.land?.incrementFen ?? Math.max(100_000, Math.round(start / 100 / 100_000) * 100_000);
  const top = d.land ? 0.6 : 0.3;
  const premium = bidders.length <= 1 ? 0 : Math.pow(rng.next(), 1.6) * top;
  const priceFen = start + Math.min(Math.floor((start * top) / step), Math.round((start * premium) / step)) * step;
  const w = bidders[bidders.length > 1 ? rng.int(0, bidders.length - 1) : 0];
  if (!w) throw new Error(`${d.key} was sold without a bidder`);
  return { awardDay: addWorkdays(o.sched.opening.day, rng.int(1, 5)), awardNoticeOn: o.sched.opening.day, winners: [{ lotNo: 1, name: w.name, creditCode: w.creditCode, priceFen }], candidates: [], note: '' };
}

/** Procurement: the result within a week of the opening, each lot 2–15 % under its budget (单一来源 2–5 %). */
function awardProcurement(rng: Rng, o: AwardInput): Award {
  const d = o.ctx.draft;
  const awardDay = addWorkdays(o.sched.opening.day, d.input.method === 'inquiry' ? rng.int(1, 3) : rng.int(2, 6));
  const pool = o.bidding.bidders;
  const winners = d.input.lots.map((lot): Winner => {
    const w = pool[rng.int(0, pool.length - 1)];
    if (!w) throw new Error(`${d.key} has no supplier`);
    const saving = d.input.method === 'single_source' ? 0.02 + rng.next() * 0.03 : 0.02 + rng.next() * 0.13;
    return { lotNo: lot.lotNo, name: w.name, creditCode: w.creditCode, priceFen: Math.round(((lot.budgetFen ?? 0) * (1 - saving)) / 100) * 100 };
  });
  return { awardDay, awardNoticeOn: awardDay, winners, candidates: [], note: '' };
}

/** One contract per lot, signed within 30 days of the award and published within 2 working days of signing. */
function planContracts(rng: Rng, o: { ctx: NoticeContext; award: Award; isSale: boolean; add: AddNotice }): void {
  const { ctx, award } = o;
  const d = ctx.draft;
  for (const w of award.winners) {
    let signed = o.isSale ? addWorkdays(award.awardDay, rng.int(1, 8)) : onOrNextWorkday(award.awardNoticeOn + rng.int(3, 22));
    let pub = addWorkdays(signed, rng.int(0, 2));
    if (pub > award.awardDay + 30) {
      pub = onOrPreviousWorkday(award.awardDay + 30);
      signed = Math.min(signed, pub);
    }
    // Land contracts carry the 电子监管号 (region + year + B + serial); the others the project number.
    const contractNo = d.land && !d.land.isMining ? `${d.input.region}${ctx.year}B${String(rng.int(1, 99999)).padStart(5, '0')}` : `${d.input.projectNo}-HT${String(w.lotNo).padStart(2, '0')}`;
    const facts = { lotNos: [w.lotNo], contractNo, signedOn: dayToString(signed), contractAmountFen: w.priceFen, supplierName: w.name };
    o.add({ at: { day: pub, minute: rng.int(hm(8, 30), hm(17, 50)) }, type: 'contract_notice', step: `contract-${w.lotNo}`, isAmendment: false, ...contractText(ctx, { winner: w, contractNo, signedOn: signed, day: pub }), facts });
  }
}

/** Three ranked candidates per lot: prices 2–15 % under the lot's ceiling, ranked by price most of the time. */
function rankCandidates(rng: Rng, o: { lotNo: number; budgetFen: number; firms: readonly Firm[] }): Candidate[] {
  const chosen = rng.sample(o.firms, 3);
  const managers = personNames(rng, 3);
  const priced = chosen.map((f, i) => ({ f, manager: managers[i] ?? '王伟', priceFen: Math.floor(o.budgetFen * (0.85 + rng.next() * 0.13)) }));
  if (rng.chance(0.7)) priced.sort((a, b) => a.priceFen - b.priceFen);
  return priced.map((c, i) => ({ lotNo: o.lotNo, rank: i + 1, name: c.f.name, creditCode: c.f.creditCode, priceFen: c.priceFen, projectManager: `${c.manager}（${builderCertificate(rng)}）` }));
}

function terminationFacts(d: ProjectDraft, kind: 'terminated' | 'failed', bidders: number): Omit<NoticeFacts, 'type' | 'lotNos' | 'contact'> {
  const isSale = d.land !== null || d.input.category === 'state_assets';
  const reason =
    kind === 'terminated'
      ? '因项目建设（采购）内容发生重大调整，经招标人（采购人）研究决定终止本次交易活动'
      : isSale
        ? `截至竞买申请截止时间，${bidders === 0 ? '无竞买人提出竞买申请' : '竞买人均未报价'}，本次出让（转让）流拍`
        : `投标截止时递交投标（响应）文件的投标人（供应商）为${bidders}家，不足三家`;
  return { terminationKind: kind, reason, refundArrangement: '已缴纳的投标（竞买）保证金将于本公告发布之日起5个工作日内原路无息退还；已获取的招标文件免费，无需退费。' };
}

function afterOpening(rng: Rng, opening: Moment): Moment {
  const minute = opening.minute + rng.int(60, 240);
  if (minute <= hm(18, 0)) return { day: opening.day, minute };
  return { day: addWorkdays(opening.day, 1), minute: rng.int(hm(8, 30), hm(11, 30)) };
}

/** A working day in [from, to], biased towards `from` by `earliness` (0 = uniform), or null when there is none. */
function pickWorkday(rng: Rng, from: number, to: number, earliness: number): number | null {
  const days: number[] = [];
  for (let x = from; x <= to; x++) if (isWorkdayLike(x)) days.push(x);
  if (days.length === 0) return null;
  const u = Math.pow(rng.next(), 1 + earliness);
  return days[Math.min(days.length - 1, Math.floor(u * days.length))] ?? null;
}

function isWorkdayLike(day: number): boolean {
  return onOrNextWorkday(day) === day;
}

/** A moment in [fromKey, toKey] (minute keys), moved into waking hours where the range allows. */
function randomMoment(rng: Rng, fromKey: number, toKey: number): Moment {
  const lo = Math.min(fromKey, toKey);
  let key = lo + Math.floor(rng.next() * (toKey - lo + 1));
  const minute = key % 1440;
  if (minute < hm(7, 30)) key += hm(8, 0);
  else if (minute > hm(23, 0)) key -= hm(8, 0);
  key = Math.min(toKey, Math.max(lo, key));
  return { day: Math.floor(key / 1440), minute: key % 1440 };
}
