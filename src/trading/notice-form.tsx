import { toDateTimeLocal } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../platform/views/admin-layout.tsx';
import type { Finding } from './checks/check.types.ts';
import { CATEGORIES, CATEGORY_LABELS, METHODS, METHOD_LABELS, NOTICE_TYPES, NOTICE_TYPE_LABELS, type NoticeFacts } from './trading.model.ts';

/** Form values are the flat strings the user typed; names follow the API paths so errors land on fields. */
export type NoticeFormValues = Record<string, string>;

const MONEY_FIELDS = ['project.budgetFen', 'facts.depositFen', 'facts.contractAmountFen', 'facts.startingPriceFen'];
const INSTANT_KEYS = ['bidDeadline', 'openingAt', 'newBidDeadline', 'newOpeningAt'];
const CANDIDATE_ROWS = 5;
const WINNER_ROWS = 3;
const FACT_KEYS = [
  'docSaleStart', 'docSaleEnd', 'bidDeadline', 'openingAt', 'openingPlace', 'qualification', 'amendsNoticeId', 'changeSummary', 'newBidDeadline', 'newOpeningAt',
  'evaluationReportOn', 'publicityStart', 'publicityEnd', 'objectionChannel', 'awardNoticeOn', 'terminationKind', 'reason', 'refundArrangement', 'contractNo', 'signedOn', 'supplierName',
];

/** 元 with at most two decimals → fen, or an error naming the field. */
function yuanToFen(v: string, label: string, field: string, errors: FieldError[]): number | undefined {
  const s = v.replace(/[,，\s]/g, '');
  if (s === '') return undefined;
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(s)) {
    errors.push({ field, message: `${label}：应为金额（元），最多两位小数，如 1234567.89` });
    return undefined;
  }
  const [whole, frac = ''] = s.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

export function fenToYuanText(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const MONEY_LABELS: Record<string, string> = {
  'project.budgetFen': '预算金额（最高限价、起始价）',
  'facts.depositFen': '投标保证金',
  'facts.contractAmountFen': '合同金额',
  'facts.startingPriceFen': '起始价',
};

/** Turns the flat form into the API's submission object; money typed in 元 becomes fen. */
export function formToSubmission(v: NoticeFormValues, opts: { isNewProject: boolean }): { raw: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const money = (field: string) => yuanToFen(v[field] ?? '', MONEY_LABELS[field] ?? field, field, errors);
  const facts: Record<string, unknown> = {};
  for (const k of FACT_KEYS) if ((v[`facts.${k}`] ?? '').trim() !== '') facts[k] = v[`facts.${k}`]?.trim();
  if (facts.amendsNoticeId) facts.amendsNoticeId = Number(facts.amendsNoticeId);
  if (v['facts.affectsPreparation']) facts.affectsPreparation = v['facts.affectsPreparation'] === 'true';
  const lotNos = (v['facts.lotNos'] ?? '').split(/[,，\s]+/).filter(Boolean);
  facts.lotNos = lotNos.map((n) => (/^\d{1,2}$/.test(n) ? Number(n) : n));
  for (const f of ['facts.depositFen', 'facts.contractAmountFen', 'facts.startingPriceFen']) {
    const fen = money(f);
    if (fen !== undefined) facts[f.slice(6)] = fen;
  }
  if (v['facts.contactName'] || v['facts.contactPhone']) facts.contact = { name: v['facts.contactName'] ?? '', phone: v['facts.contactPhone'] ?? '' };
  const candidates = [];
  for (let i = 0; i < CANDIDATE_ROWS; i++) {
    const name = (v[`c${i}.name`] ?? '').trim();
    if (!name) continue;
    candidates.push({ lotNo: Number(v[`c${i}.lotNo`] || 1), rank: Number(v[`c${i}.rank`] || i + 1), name, priceFen: yuanToFen(v[`c${i}.price`] ?? '', `第 ${i + 1} 名候选人的投标报价`, `facts.candidates[${i}].priceFen`, errors) ?? null, projectManager: v[`c${i}.projectManager`] ?? '' });
  }
  if (candidates.length > 0) facts.candidates = candidates;
  const winners = [];
  for (let i = 0; i < WINNER_ROWS; i++) {
    const name = (v[`w${i}.name`] ?? '').trim();
    if (!name) continue;
    winners.push({ lotNo: Number(v[`w${i}.lotNo`] || 1), name, priceFen: yuanToFen(v[`w${i}.price`] ?? '', `第 ${i + 1} 个中标人的中标金额`, `facts.winners[${i}].priceFen`, errors) });
  }
  if (winners.length > 0) facts.winners = winners;

  const raw: Record<string, unknown> = { type: v.type, title: v.title, bodyHtml: v.bodyHtml, facts };
  if (v.correctionNote) raw.correctionNote = v.correctionNote;
  if (v.attachmentIds) raw.attachmentIds = v.attachmentIds.split(/[,，\s]+/).filter(Boolean).map(Number);
  if (opts.isNewProject) {
    const lots = (v['project.lots'] ?? '')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line, i) => {
        const [no, name, budget] = line.split(/[|｜]/).map((s) => s.trim());
        return { lotNo: Number(no) || i + 1, name: name ?? '', budgetFen: budget ? (yuanToFen(budget, `标段第 ${i + 1} 行的预算`, 'project.lots', errors) ?? null) : null };
      });
    raw.project = {
      name: v['project.name'],
      projectNo: v['project.projectNo'],
      category: v['project.category'],
      method: v['project.method'],
      tendererName: v['project.tendererName'],
      ...(v['project.tendererCreditCode'] ? { tendererCreditCode: v['project.tendererCreditCode'] } : {}),
      budgetFen: money('project.budgetFen') ?? null,
      isMandatoryTendering: v['project.isMandatoryTendering'] === 'true',
      region: v['project.region'],
      lots,
    };
  } else if (v.projectId) {
    raw.projectId = Number(v.projectId);
  }
  return { raw, errors };
}

/** The form values of a stored version, to edit it. */
export function valuesOfFacts(f: NoticeFacts, base: { title: string; bodyHtml: string; projectId: number }): NoticeFormValues {
  const v: NoticeFormValues = { type: f.type, title: base.title, bodyHtml: base.bodyHtml, projectId: String(base.projectId), 'facts.lotNos': f.lotNos.join(',') };
  for (const k of FACT_KEYS) {
    const val = (f as Record<string, unknown>)[k];
    if (val === undefined || val === null) continue;
    v[`facts.${k}`] = INSTANT_KEYS.includes(k) ? toDateTimeLocal(new Date(String(val))) : String(val);
  }
  if (f.affectsPreparation !== undefined) v['facts.affectsPreparation'] = String(f.affectsPreparation);
  for (const k of ['depositFen', 'contractAmountFen', 'startingPriceFen'] as const) if (f[k] !== undefined && f[k] !== null) v[`facts.${k}`] = fenToYuanText(f[k]);
  if (f.contact) Object.assign(v, { 'facts.contactName': f.contact.name, 'facts.contactPhone': f.contact.phone });
  (f.candidates ?? []).forEach((c, i) => Object.assign(v, { [`c${i}.lotNo`]: String(c.lotNo), [`c${i}.rank`]: String(c.rank), [`c${i}.name`]: c.name, [`c${i}.price`]: fenToYuanText(c.priceFen), [`c${i}.projectManager`]: c.projectManager ?? '' }));
  (f.winners ?? []).forEach((w, i) => Object.assign(v, { [`w${i}.lotNo`]: String(w.lotNo), [`w${i}.name`]: w.name, [`w${i}.price`]: fenToYuanText(w.priceFen) }));
  return v;
}

/** Flat string values of a posted form. */
export function formValues(body: Record<string, unknown>): NoticeFormValues {
  const out: NoticeFormValues = {};
  for (const [k, val] of Object.entries(body)) {
    if (k === '_csrf') continue;
    const s = typeof val === 'string' ? val : Array.isArray(val) && typeof val[0] === 'string' ? val[0] : '';
    out[k] = s.slice(0, 200_000);
  }
  return out;
}

export function FindingList(props: { findings: Finding[] }) {
  if (props.findings.length === 0) return null;
  return (
    <section class="findings" aria-labelledby="findings-title">
      <h2 id="findings-title">自动检查结果</h2>
      <ul>
        {props.findings.map((f, i) => (
          <li key={`${f.ruleId}-${i}`} class={f.severity === 'block' ? 'finding block' : 'finding warn'}>
            <strong>{f.severity === 'block' ? '【强制】' : '【提示】'}</strong>
            {f.message}
            {f.citation ? <span class="muted">（依据：{f.citation}）</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

type FormProps = {
  action: string;
  csrfToken: string;
  values: NoticeFormValues;
  errors?: FieldError[] | undefined;
  findings?: Finding[] | undefined;
  projects: { id: number; label: string }[];
  isRevision: boolean;
  isCorrection: boolean;
};

/**
 * One form for every notice type (no JavaScript needed): the common part, then a fieldset per type;
 * only the fieldset of the chosen type is read by the checks.
 */
export function NoticeForm(props: FormProps) {
  const { values: v, errors: e } = props;
  const t = (name: string, label: string, o: { type?: 'text' | 'date' | 'datetime-local' | 'tel'; hint?: string; isRequired?: boolean } = {}) => (
    <TextField name={name} label={label} value={v[name]} errors={e} {...(o.type ? { type: o.type } : {})} {...(o.hint ? { hint: o.hint } : {})} {...(o.isRequired ? { isRequired: true } : {})} />
  );
  return (
    <form method="post" action={props.action} class="notice-form">
      <ErrorSummary errors={e} />
      {props.findings ? <FindingList findings={props.findings} /> : null}
      <Csrf token={props.csrfToken} />
      {props.isRevision ? (
        <input type="hidden" name="type" value={v.type} />
      ) : (
        <SelectField name="type" label="公告类型" value={v.type} errors={e} options={NOTICE_TYPES.map((x) => ({ value: x, label: NOTICE_TYPE_LABELS[x] }))} isRequired />
      )}
      {props.isRevision ? null : (
        <SelectField name="projectId" label="所属项目" value={v.projectId} errors={e} hint="招标公告、资格预审公告可选择“新建项目”并填写下方项目信息" options={[{ value: '', label: '新建项目' }, ...props.projects.map((p) => ({ value: String(p.id), label: p.label }))]} />
      )}
      {props.isRevision ? null : (
        <fieldset>
          <legend>项目信息（仅新建项目时填写）</legend>
          {t('project.name', '项目名称')}
          {t('project.projectNo', '项目编号')}
          <SelectField name="project.category" label="交易类别" value={v['project.category']} errors={e} options={CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
          <SelectField name="project.method" label="交易方式" value={v['project.method']} errors={e} options={METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))} />
          {t('project.tendererName', '招标人（采购人、出让人）')}
          {t('project.tendererCreditCode', '招标人统一社会信用代码')}
          {t('project.budgetFen', '预算金额、最高限价或起始价（元）', { hint: '如 8650000.00' })}
          <SelectField name="project.isMandatoryTendering" label="是否依法必须招标" value={v['project.isMandatoryTendering']} errors={e} options={[{ value: 'true', label: '是' }, { value: 'false', label: '否' }]} />
          {t('project.region', '项目所在地区')}
          <TextArea name="project.lots" label="标段（包）" value={v['project.lots']} errors={e} rows={3} hint="每行一个：标段号|名称|预算（元），如 1|第一标段|4000000" />
        </fieldset>
      )}
      {t('title', '公告标题', { isRequired: true })}
      <TextArea name="bodyHtml" label="公告正文" value={v.bodyHtml} errors={e} rows={12} isRequired hint="可使用段落、标题、表格和列表；脚本和样式会被清除" />
      {t('attachmentIds', '附件编号', { hint: '先在“稿件”中上传附件，再填写附件编号，多个用逗号分隔' })}
      {t('facts.lotNos', '涉及标段（包）号', { hint: '多个用逗号分隔，如 1,2' })}
      {t('facts.contactName', '项目联系人')}
      {t('facts.contactPhone', '联系电话', { type: 'tel' })}
      <fieldset>
        <legend>招标（资格预审）公告要素</legend>
        {t('facts.docSaleStart', '招标文件获取开始日期', { type: 'date' })}
        {t('facts.docSaleEnd', '招标文件获取截止日期', { type: 'date' })}
        {t('facts.bidDeadline', '投标截止时间（北京时间）', { type: 'datetime-local' })}
        {t('facts.openingAt', '开标时间（北京时间）', { type: 'datetime-local' })}
        {t('facts.openingPlace', '开标地点')}
        {t('facts.depositFen', '投标保证金（元）')}
        <TextArea name="facts.qualification" label="投标人资格要求" value={v['facts.qualification']} errors={e} rows={3} />
      </fieldset>
      <fieldset>
        <legend>变更（澄清）公告要素</legend>
        {t('facts.amendsNoticeId', '被变更公告的编号')}
        <TextArea name="facts.changeSummary" label="变更（澄清）内容" value={v['facts.changeSummary']} errors={e} rows={3} />
        <SelectField name="facts.affectsPreparation" label="是否影响投标文件编制" value={v['facts.affectsPreparation']} errors={e} options={[{ value: '', label: '（请选择）' }, { value: 'true', label: '是' }, { value: 'false', label: '否' }]} />
        {t('facts.newBidDeadline', '变更后的投标截止时间', { type: 'datetime-local' })}
        {t('facts.newOpeningAt', '变更后的开标时间', { type: 'datetime-local' })}
      </fieldset>
      <fieldset>
        <legend>中标候选人公示要素</legend>
        {t('facts.evaluationReportOn', '收到评标报告日期', { type: 'date' })}
        {t('facts.publicityStart', '公示开始日期', { type: 'date' })}
        {t('facts.publicityEnd', '公示结束日期', { type: 'date' })}
        <TextArea name="facts.objectionChannel" label="提出异议的渠道和方式" value={v['facts.objectionChannel']} errors={e} rows={2} />
        <table class="form-table">
          <caption>中标候选人</caption>
          <thead>
            <tr>
              <th scope="col">标段</th>
              <th scope="col">排序</th>
              <th scope="col">名称</th>
              <th scope="col">投标报价（元）</th>
              <th scope="col">项目负责人</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: CANDIDATE_ROWS }, (_, i) => (
              <tr key={i}>
                {(['lotNo', 'rank', 'name', 'price', 'projectManager'] as const).map((k) => (
                  <td key={k}>
                    <input name={`c${i}.${k}`} value={v[`c${i}.${k}`] ?? ''} aria-label={`第 ${i + 1} 行候选人：${{ lotNo: '标段', rank: '排序', name: '名称', price: '投标报价（元）', projectManager: '项目负责人' }[k]}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>中标（成交）结果公告要素</legend>
        {t('facts.awardNoticeOn', '中标通知书发出日期', { type: 'date' })}
        {t('facts.startingPriceFen', '起始价（元，土地、产权交易）')}
        <table class="form-table">
          <caption>中标（成交）人</caption>
          <thead>
            <tr>
              <th scope="col">标段</th>
              <th scope="col">名称</th>
              <th scope="col">中标（成交）金额（元）</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: WINNER_ROWS }, (_, i) => (
              <tr key={i}>
                {(['lotNo', 'name', 'price'] as const).map((k) => (
                  <td key={k}>
                    <input name={`w${i}.${k}`} value={v[`w${i}.${k}`] ?? ''} aria-label={`第 ${i + 1} 行中标人：${{ lotNo: '标段', name: '名称', price: '中标金额（元）' }[k]}`} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>终止（流标）公告要素</legend>
        <SelectField name="facts.terminationKind" label="终止类型" value={v['facts.terminationKind']} errors={e} options={[{ value: '', label: '（请选择）' }, { value: 'terminated', label: '终止' }, { value: 'failed', label: '流标（废标）' }]} />
        <TextArea name="facts.reason" label="终止原因" value={v['facts.reason']} errors={e} rows={2} />
        <TextArea name="facts.refundArrangement" label="费用与保证金退还安排" value={v['facts.refundArrangement']} errors={e} rows={2} />
      </fieldset>
      <fieldset>
        <legend>合同公告要素</legend>
        {t('facts.contractNo', '合同编号')}
        {t('facts.signedOn', '合同签订日期', { type: 'date' })}
        {t('facts.contractAmountFen', '合同金额（元）')}
        {t('facts.supplierName', '中标（成交）供应商')}
      </fieldset>
      {props.isCorrection ? <TextArea name="correctionNote" label="更正说明（将公开显示）" value={v.correctionNote} errors={e} rows={2} isRequired /> : null}
      <button type="submit">{props.isRevision ? '提交新版本' : '提交公告'}</button>
    </form>
  );
}
