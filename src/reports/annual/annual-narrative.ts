/**
 * Drafts of the report's texts from the year's data (pure). Staff edit them; what the data cannot say is
 * left as a “【请补充：…】” prompt, which a warning check keeps visible until it is filled in.
 */
import { OUTCOME_GROUP_LABELS, OUTCOMES, type OutcomeGroup } from '../../disclosure/disclosure.model.ts';
import { formatWan } from '../trading-stats.model.ts';
import { APPEAL_GROUPS, cellOf, formatWanExact, NARRATIVE_KEYS, ROW, type AnnualFacts, type AnnualFigures, type Narrative, type NarrativeKey } from './annual.model.ts';

export type DraftInput = { year: number; centerName: string; siteName: string; figures: AnnualFigures; facts: AnnualFacts };

/** Every text of a generated report, drafted. */
export function draftNarrative(o: DraftInput): Record<NarrativeKey, string> {
  return {
    preamble: draftPreamble(o),
    overview: draftOverview(o),
    proactive: draftProactive(o),
    requests: draftRequests(o),
    review_litigation: draftReviewLitigation(o),
    problems: draftProblems(o),
    other: draftOther(o),
  };
}

/**
 * The narrative after (re)generation: new drafts everywhere, except the texts staff edited, which are kept
 * unless `isResetting`.
 */
export function mergeNarrative(current: Narrative, drafts: Record<NarrativeKey, string>, isResetting: boolean): Narrative {
  const out: Narrative = {};
  for (const key of NARRATIVE_KEYS) {
    const part = current[key];
    out[key] = part?.isEdited && !isResetting ? part : { text: drafts[key], isEdited: false };
  }
  return out;
}

function draftPreamble(o: DraftInput): string {
  return `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，${o.centerName}编制本报告。本报告中所列数据统计期限为${o.year}年1月1日至12月31日。本报告电子版可在${o.siteName}“年度报告”栏目查阅。`;
}

function draftOverview(o: DraftInput): string {
  const { facts } = o;
  const published = facts.columns.reduce((n, c) => n + c.count, 0);
  const byColumn = facts.columns.filter((c) => c.count > 0).map((c) => `${c.name}${c.count}条`);
  const noticeTotal = facts.notices.reduce((n, c) => n + c.count, 0);
  const byType = facts.notices.filter((c) => c.count > 0).map((c) => `${c.label}${c.count}条`);
  const proactive = [
    published > 0 ? `${o.year}年，本中心通过${o.siteName}主动公开政府信息${published}条，其中：${byColumn.join('、')}。` : `${o.year}年，本中心未在${o.siteName}发布政府信息。`,
    facts.interpretations > 0 ? `发布政策解读${facts.interpretations}篇。` : '',
    noticeTotal > 0 ? `发布交易公告公示${noticeTotal}条，其中：${byType.join('、')}。` : '',
    facts.projects > 0 || facts.deals > 0 ? `全年新进场交易项目${facts.projects}个，成交${facts.deals}宗，成交金额${formatWan(facts.awardFen)}万元。` : '',
  ].join('');
  const g = o.figures.requests;
  const received = cellOf(g, ROW.received, 'total');
  const carried = cellOf(g, ROW.carriedIn, 'total');
  const closed = cellOf(g, ROW.resultsTotal, 'total');
  const open = cellOf(g, ROW.carriedOut, 'total');
  const requests =
    received + carried === 0
      ? '本年未收到政府信息公开申请。'
      : `本年新收政府信息公开申请${received}件，上年结转${carried}件；办结${closed}件，结转下年度继续办理${open}件。${closed === 0 ? '' : facts.lateReplies > 0 ? `其中${facts.lateReplies}件超过法定期限答复。` : '办结的申请均在法定期限内答复。'}`;
  const m = facts.messagesTotal;
  const platform = [
    `本中心依托${o.siteName}集中发布政府信息和公共资源交易信息，全年网站访问量${facts.pageViews}次。`,
    m && m.received > 0 ? `通过互动交流渠道收到咨询、投诉、意见建议等留言${m.received}件，已答复${m.replied}件，其中按期答复${m.repliedOnTime}件。` : '',
    '【请补充：网站、政务新媒体等平台的建设和维护情况。】',
  ].join('');
  return [
    `（一）主动公开。${proactive}`,
    `（二）依申请公开。${requests}`,
    '（三）政府信息管理。本中心发布的政府信息均按审核流程审核后发布，每一次发布和更正均记入公开发布记录。【请补充：政府信息公开目录和指南的更新、保密审查等工作情况。】',
    `（四）平台建设。${platform}`,
    '（五）监督保障。【请补充：工作机构、制度建设、培训和考核等监督保障情况。】',
  ].join('\n');
}

function draftProactive(o: DraftInput): string {
  const p = o.figures.proactive;
  if (!p) return '';
  const n = p.normativeDocuments;
  const docs = `本年度，本中心制发行政规范性文件${n.issued}件，废止${n.repealed}件，现行有效${n.inForce}件；`;
  const regs = p.regulations.issued + p.regulations.repealed + p.regulations.inForce > 0 ? `制发规章${p.regulations.issued}件，废止${p.regulations.repealed}件，现行有效${p.regulations.inForce}件。` : '未制发规章。';
  const decisions = p.licensing + p.penalty + p.coercion === 0 ? '本年无行政许可、行政处罚、行政强制处理决定' : `本年作出行政许可决定${p.licensing}件、行政处罚决定${p.penalty}件、行政强制决定${p.coercion}件`;
  const fees = p.feeFen === 0 ? '，未收取行政事业性收费。' : `，收取行政事业性收费${formatWanExact(p.feeFen)}万元。`;
  return `${docs}${regs}${decisions}${fees}具体情况如下：`;
}

function draftRequests(o: DraftInput): string {
  const g = o.figures.requests;
  const groups = Object.keys(OUTCOME_GROUP_LABELS) as OutcomeGroup[];
  const byGroup = groups.flatMap((group) => {
    const n = OUTCOMES.filter((x) => x.group === group).reduce((k, x) => k + cellOf(g, x.id, 'total'), 0);
    return n > 0 ? [`${OUTCOME_GROUP_LABELS[group].replace(/^（.）/, '')}${n}件`] : [];
  });
  const received = cellOf(g, ROW.received, 'total');
  const carried = cellOf(g, ROW.carriedIn, 'total');
  const closed = cellOf(g, ROW.resultsTotal, 'total');
  const open = cellOf(g, ROW.carriedOut, 'total');
  const results = closed > 0 ? `本年度办结${closed}件，其中：${byGroup.join('，')}` : '本年度未办结申请';
  return `本年度，本中心新收政府信息公开申请${received}件，上年结转${carried}件。${results}；结转下年度继续办理${open}件。具体情况如下：`;
}

function draftReviewLitigation(o: DraftInput): string {
  const r = o.figures.reviewLitigation;
  if (!r) return '';
  const total = APPEAL_GROUPS.reduce((n, k) => n + r[k].total, 0);
  if (total === 0) return '本年度，本中心未发生因政府信息公开引起的行政复议、行政诉讼。';
  const lit = r.litigation_direct.total + r.litigation_after_reconsideration.total;
  const corrected = APPEAL_GROUPS.reduce((n, k) => n + r[k].corrected, 0);
  return `本年度，本中心因政府信息公开被申请行政复议${r.reconsideration.total}件，被提起行政诉讼${lit}件（其中未经复议直接起诉${r.litigation_direct.total}件、复议后起诉${r.litigation_after_reconsideration.total}件），结果纠正${corrected}件。具体情况如下：`;
}

function draftProblems(o: DraftInput): string {
  const late = o.facts.lateReplies > 0 ? `本年有${o.facts.lateReplies}件政府信息公开申请未在法定期限内答复。` : '';
  const m = o.facts.messagesTotal;
  const lateMessages = m && m.replied > m.repliedOnTime ? `互动交流留言有${m.replied - m.repliedOnTime}件未按期答复。` : '';
  return [
    '（一）上年度问题整改情况。【请补充：上一年度报告所列问题的整改落实情况。】',
    `（二）存在的主要问题。${late}${lateMessages}【请补充：本年度工作中存在的主要问题。】`,
    '（三）改进措施。【请补充：下一步的改进措施。】',
  ].join('\n');
}

function draftOther(o: DraftInput): string {
  const f = o.facts.fees;
  const basis = '依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';
  if (f.notices === 0 && f.paid === 0) return `${basis}，本中心${o.year}年未发出信息处理费收费通知，未收取信息处理费。`;
  const waived = f.waived > 0 ? `；决定免收${f.waived}件` : '';
  return `${basis}，本中心${o.year}年发出信息处理费收费通知${f.notices}份，通知金额共计${yuan(f.notifiedFen)}元；实际收取信息处理费${f.paid}件，共计${yuan(f.paidFen)}元${waived}。`;
}

/** 10000 fen → "100.00". */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
