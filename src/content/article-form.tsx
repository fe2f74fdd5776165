import { toDateTimeLocal } from '../platform/dates.ts';
import type { Article, Revision } from './articles.repo.ts';
import type { Column } from './columns.repo.ts';
import { FIELD_LABELS, GUIDE_FIELDS, VALIDITY_LABELS } from './content.schema.ts';
import type { FieldError } from '../platform/errors.ts';
import { Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../platform/views/admin-layout.tsx';

export type ArticleFormValues = Record<string, string>;

/** The form values of an article's working revision: what the edit form shows and an upload re-saves. */
export function formValuesOf(article: Article, rev: Revision): ArticleFormValues {
  return {
    title: rev.title,
    summary: rev.summary,
    source: rev.source,
    bodyHtml: rev.bodyHtml,
    correctionNote: rev.correctionNote ?? '',
    formedOn: article.formedOn ?? '',
    goLiveAt: article.goLiveAt ? toDateTimeLocal(article.goLiveAt) : '',
    expiresAt: article.expiresAt ? toDateTimeLocal(article.expiresAt) : '',
    attachmentIds: rev.attachmentIds.join(','),
    ...Object.fromEntries(Object.entries(rev.fields).map(([k, val]) => [k, String(val)])),
  };
}

/** The article form. Used for new drafts, edits and corrections; always re-filled with what was typed. */
export function ArticleForm(props: {
  action: string;
  csrf: string;
  columns: Column[];
  column: Column;
  values: ArticleFormValues;
  errors?: FieldError[] | undefined;
  lockVersion?: number;
  isCorrection: boolean;
  policies: { id: number; title: string }[];
}) {
  const { values: v, errors, column } = props;
  return (
    <form method="post" action={props.action} class="article-form">
      <ErrorSummary errors={errors} />
      <Csrf token={props.csrf} />
      {props.lockVersion !== undefined ? <input type="hidden" name="lockVersion" value={String(props.lockVersion)} /> : null}
      {props.lockVersion === undefined ? (
        <SelectField name="columnId" label="栏目" value={String(column.id)} errors={errors} isRequired options={props.columns.map((c) => ({ value: String(c.id), label: c.name }))} />
      ) : (
        <p>
          栏目：<strong>{column.name}</strong>
        </p>
      )}
      {props.isCorrection ? <TextArea name="correctionNote" label={FIELD_LABELS.correctionNote ?? ''} value={v.correctionNote} errors={errors} isRequired rows={2} hint="将在信息页面公开显示，例如：“更正：第二段中报名截止时间由 5 月 8 日更正为 5 月 10 日。”" /> : null}
      <TextField name="title" label="标题" value={v.title} errors={errors} isRequired maxLength={200} />
      <TextArea name="summary" label="摘要" value={v.summary} errors={errors} rows={2} />
      <TextField name="source" label="来源" value={v.source} errors={errors} maxLength={100} hint="转载信息须注明来源" />
      {column.kind === 'policy' ? (
        <fieldset>
          <legend>政策文件信息</legend>
          <TextField name="docNo" label="文号" value={v.docNo} errors={errors} isRequired hint="例如：湘公管办〔2026〕12号" />
          <TextField name="issuingBody" label="发文机关" value={v.issuingBody} errors={errors} isRequired />
          <TextField name="issuedOn" label="成文日期" type="date" value={v.issuedOn} errors={errors} isRequired />
          <TextField name="effectiveOn" label="施行日期" type="date" value={v.effectiveOn} errors={errors} />
          <TextField name="repealedOn" label="废止日期" type="date" value={v.repealedOn} errors={errors} />
          <SelectField name="validity" label="效力状态" value={v.validity || 'in_force'} errors={errors} options={Object.entries(VALIDITY_LABELS).map(([value, label]) => ({ value, label }))} />
          <div class="field checkbox">
            <input id="f-isNormative" type="checkbox" name="isNormative" checked={v.isNormative === 'on' || v.isNormative === 'true'} />
            <label for="f-isNormative">属于规范性文件</label>
          </div>
        </fieldset>
      ) : null}
      {column.kind === 'interpretation' ? (
        <SelectField name="policyArticleId" label={FIELD_LABELS.policyArticleId ?? ''} value={v.policyArticleId} errors={errors} isRequired options={[{ value: '', label: '请选择' }, ...props.policies.map((p) => ({ value: String(p.id), label: p.title }))]} />
      ) : null}
      {column.kind === 'service_guide' ? (
        <fieldset>
          <legend>办事指南要素</legend>
          {GUIDE_FIELDS.map((k) => (k === 'phone' || k === 'matter' || k === 'place' || k === 'hours' ? <TextField key={k} name={k} label={FIELD_LABELS[k] ?? k} value={v[k]} errors={errors} isRequired /> : <TextArea key={k} name={k} label={FIELD_LABELS[k] ?? k} value={v[k]} errors={errors} isRequired rows={3} />))}
        </fieldset>
      ) : null}
      <TextArea name="bodyHtml" label="正文" value={v.bodyHtml} errors={errors} isRequired={column.kind !== 'service_guide'} rows={14} hint="支持段落、标题、列表、表格、链接等 HTML 格式；脚本和样式会被自动移除。" />
      <TextField name="formedOn" label="信息生成日期" type="date" value={v.formedOn} errors={errors} hint="信息形成或变更的日期，应在其后 20 个工作日内公开" />
      {!props.isCorrection ? (
        <>
          <TextField name="goLiveAt" label="定时发布时间（可选）" type="datetime-local" value={v.goLiveAt} errors={errors} hint="审定通过后到此时间自动发布；留空则审定后立即发布" />
          <TextField name="expiresAt" label="下线时间（可选）" type="datetime-local" value={v.expiresAt} errors={errors} />
        </>
      ) : null}
      <input type="hidden" name="attachmentIds" value={v.attachmentIds ?? ''} />
      <div class="actions">
        <button type="submit" name="intent" value="save">保存草稿</button>
        <button type="submit" name="intent" value="submit" class="primary">
          保存并提交审核
        </button>
      </div>
    </form>
  );
}
