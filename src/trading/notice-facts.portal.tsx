import type { ComponentChildren } from 'preact';
import { formatDateTime } from '../platform/dates.ts';
import { formatDealCode } from './deal-code.ts';
import type { PublicNotice, PublicProject, TimelineEntry } from './notices.query.ts';
import { awardTotalFen, CATEGORIES, isSale, yuan, type NoticeFacts } from './trading.model.ts';
import { categoryLabel, instantOf, methodLabel, noticeHref, projectHref, statusLabel } from './trading-parts.portal.tsx';

type Row = [label: string, value: ComponentChildren];

/** The facts of a notice as a table of labelled rows: the project's, then those of the notice's type. */
export function NoticeFactsTable(props: { notice: PublicNotice; facts: NoticeFacts | null; project: PublicProject | null; amended: TimelineEntry | null; basePath: string }) {
  const { notice, project, basePath } = props;
  const f = props.facts;
  const rows: Row[] = [...projectRows(project, basePath), ['交易类别', categoryLabel(notice.category)], ['交易方式', methodLabel(notice.method)]];
  if (f?.lotNos && f.lotNos.length > 0 && (project?.lots.length ?? 0) > 1) rows.push(['涉及标段（包）', f.lotNos.map((n) => `第${n}标段`).join('、')]);
  if (f) rows.push(...typeRows({ f, notice, project, amended: props.amended, basePath }));
  if (f?.contact && (f.contact.name || f.contact.phone)) rows.push(['联系人', `${f.contact.name}　${f.contact.phone}`]);
  return <FactsTable caption="公告要素" rows={rows} />;
}

/** The project's own facts (status, key dates, amounts) for the project page. */
export function ProjectFactsTable(props: { project: PublicProject }) {
  const p = props.project;
  const rows: Row[] = [
    ['项目编号', p.projectNo],
    ['统一交易标识码', <span class="break">{formatDealCode(p.code)}</span>],
    ['项目状态', statusLabel(p.status)],
    ['交易类别', categoryLabel(p.category)],
    ['交易方式', methodLabel(p.method)],
    ['地区', p.region],
    [partyLabel(p.category), p.tendererName],
  ];
  if (p.agentName) rows.push(['代理机构', p.agentName]);
  rows.push([budgetLabel(p.category), money(p.budgetFen)]);
  if (p.docSaleStart || p.docSaleEnd) rows.push(['文件获取时间', `${p.docSaleStart ?? '—'} 至 ${p.docSaleEnd ?? '—'}`]);
  if (p.bidDeadline) rows.push(['投标截止时间', formatDateTime(p.bidDeadline)]);
  if (p.openingAt) rows.push(['开标时间', formatDateTime(p.openingAt)]);
  if (p.openingPlace) rows.push(['开标地点', p.openingPlace]);
  if (p.awardAmountFen !== null) rows.push([isSaleCategory(p.category) ? '成交价' : '中标（成交）金额', money(p.awardAmountFen)]);
  if (p.awardedOn) rows.push(['定标日期', p.awardedOn]);
  return <FactsTable caption="项目概况" rows={rows} />;
}

export function FactsTable(props: { caption: string; rows: Row[] }) {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
      <table class="facts-table">
        <caption>{props.caption}</caption>
        <tbody>
          {props.rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 中标候选人 and 中标（成交）人 tables. */
export function CandidatesTables(props: { facts: NoticeFacts | null; category: string }) {
  const f = props.facts;
  if (!f) return null;
  const isMultiLot = new Set([...(f.candidates ?? []), ...(f.winners ?? [])].map((x) => x.lotNo)).size > 1;
  return (
    <>
      {f.candidates && f.candidates.length > 0 ? (
        <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
          <table class="data-table">
            <caption>中标候选人</caption>
            <thead>
              <tr>
                {isMultiLot ? <th scope="col">标段</th> : null}
                <th scope="col">排序</th>
                <th scope="col">名称</th>
                <th scope="col">投标报价（元）</th>
                <th scope="col">项目负责人</th>
              </tr>
            </thead>
            <tbody>
              {[...f.candidates]
                .sort((a, b) => a.lotNo - b.lotNo || a.rank - b.rank)
                .map((c) => (
                  <tr key={`${c.lotNo}-${c.rank}`}>
                    {isMultiLot ? <td>第{c.lotNo}标段</td> : null}
                    <td>第{c.rank}名</td>
                    <td>{c.name}</td>
                    <td class="num">{yuan(c.priceFen)}</td>
                    <td>{c.projectManager || '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {f.winners && f.winners.length > 0 ? (
        <div class="table-wrap" tabindex={0} role="region" aria-label="数据表格（可左右滚动）">
          <table class="data-table">
            <caption>{isSaleCategory(props.category) ? '竞得人（受让方）' : '中标（成交）人'}</caption>
            <thead>
              <tr>
                {isMultiLot ? <th scope="col">标段</th> : null}
                <th scope="col">名称</th>
                <th scope="col">{isSaleCategory(props.category) ? '成交价（元）' : '中标（成交）金额（元）'}</th>
              </tr>
            </thead>
            <tbody>
              {[...f.winners]
                .sort((a, b) => a.lotNo - b.lotNo)
                .map((w) => (
                  <tr key={`${w.lotNo}-${w.name}`}>
                    {isMultiLot ? <td>第{w.lotNo}标段</td> : null}
                    <td>{w.name}</td>
                    <td class="num">{yuan(w.priceFen)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function projectRows(project: PublicProject | null, basePath: string): Row[] {
  if (!project) return [];
  const rows: Row[] = [
    ['项目名称', <a href={projectHref(basePath, project.id)}>{project.name}</a>],
    ['项目编号', project.projectNo],
    ['统一交易标识码', <span class="break">{formatDealCode(project.code)}</span>],
    [partyLabel(project.category), project.tendererName],
  ];
  if (project.agentName) rows.push(['代理机构', project.agentName]);
  rows.push([budgetLabel(project.category), money(project.budgetFen)]);
  if (project.lots.length > 0) rows.push(['标段（包）', project.lots.map((l) => `第${l.lotNo}标段 ${l.name}${l.budgetFen !== null ? `（${money(l.budgetFen)}）` : ''}`).join('；')]);
  return rows;
}

function typeRows(o: { f: NoticeFacts; notice: PublicNotice; project: PublicProject | null; amended: TimelineEntry | null; basePath: string }): Row[] {
  const { f, project } = o;
  const rows: Row[] = [];
  const at = (iso: string | undefined) => {
    const d = instantOf(iso);
    return d ? formatDateTime(d) : '—';
  };
  switch (f.type) {
    case 'tender_notice':
    case 'prequalification_notice': {
      if (f.docSaleStart || f.docSaleEnd) rows.push(['文件获取时间', `${f.docSaleStart ?? '—'} 至 ${f.docSaleEnd ?? '—'}`]);
      rows.push(['投标截止时间', <>{at(f.bidDeadline)}{moved(instantOf(f.bidDeadline), project?.bidDeadline)}</>]);
      rows.push(['开标时间', <>{at(f.openingAt)}{moved(instantOf(f.openingAt), project?.openingAt)}</>]);
      if (f.openingPlace) rows.push(['开标地点', f.openingPlace]);
      if (f.depositFen !== undefined) rows.push(['投标保证金', f.depositFen === null ? '不收取' : `${yuan(f.depositFen)} 元`]);
      if (f.qualification) rows.push(['资格要求', f.qualification]);
      break;
    }
    case 'amendment_notice':
      if (o.amended) rows.push(['被变更的公告', <a href={noticeHref(o.basePath, o.amended.id)}>{o.amended.title}</a>]);
      if (f.changeSummary) rows.push(['变更内容', f.changeSummary]);
      if (f.newBidDeadline) rows.push(['变更后投标截止时间', at(f.newBidDeadline)]);
      if (f.newOpeningAt) rows.push(['变更后开标时间', at(f.newOpeningAt)]);
      if (f.affectsPreparation !== undefined) rows.push(['是否影响投标文件编制', f.affectsPreparation ? '是' : '否']);
      break;
    case 'candidates_notice':
      if (f.publicityStart || f.publicityEnd) rows.push(['公示期', `${f.publicityStart ?? '—'} 至 ${f.publicityEnd ?? '—'}`]);
      if (f.evaluationReportOn) rows.push(['评标报告日期', f.evaluationReportOn]);
      if (f.objectionChannel) rows.push(['异议渠道', f.objectionChannel]);
      break;
    case 'award_notice': {
      if (f.awardNoticeOn) rows.push(['中标通知书发出日期', f.awardNoticeOn]);
      const total = awardTotalFen(f);
      if (isSaleCategory(o.notice.category)) {
        const start = f.startingPriceFen ?? project?.budgetFen ?? null;
        rows.push(['起始价', money(start)], ['成交价', money(total)]);
        if (start) rows.push(['溢价率', `${(((total - start) / start) * 100).toFixed(2)}%`]);
      } else if ((f.winners ?? []).length > 0) rows.push(['中标（成交）金额合计', money(total)]);
      break;
    }
    case 'termination_notice':
      rows.push(['终止类型', f.terminationKind === 'failed' ? '流标（废标）' : '终止']);
      if (f.reason) rows.push(['终止原因', f.reason]);
      if (f.refundArrangement) rows.push(['保证金退还安排', f.refundArrangement]);
      break;
    case 'contract_notice':
      if (f.contractNo) rows.push(['合同编号', f.contractNo]);
      if (f.signedOn) rows.push(['合同签订日期', f.signedOn]);
      if (f.contractAmountFen !== undefined) rows.push(['合同金额', money(f.contractAmountFen)]);
      if (f.supplierName) rows.push([isSaleCategory(o.notice.category) ? '受让方' : '供应商（乙方）', f.supplierName]);
      break;
  }
  return rows;
}

/** "（已变更为 …）" when the project's current time differs from the one this notice announced. */
function moved(announced: Date | null, current: Date | null | undefined): ComponentChildren {
  if (!announced || !current || announced.getTime() === current.getTime()) return null;
  return <strong class="moved">（已变更为 {formatDateTime(current)}，见变更公告）</strong>;
}

function money(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `${yuan(fen)} 元`;
}

function isSaleCategory(category: string): boolean {
  const c = CATEGORIES.find((x) => x === category);
  return c ? isSale(c) : false;
}

function partyLabel(category: string): string {
  if (isSaleCategory(category)) return '出让人（转让方）';
  return category === 'procurement' || category === 'medicine' ? '采购人' : '招标人';
}

function budgetLabel(category: string): string {
  if (isSaleCategory(category)) return '起始价';
  return category === 'works' ? '最高投标限价' : '预算金额';
}
