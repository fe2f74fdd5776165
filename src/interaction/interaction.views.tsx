import type { FieldError } from '../platform/errors.ts';
import { Csrf, ErrorSummary, TextArea, TextField } from '../platform/views/admin-layout.tsx';
import { percentOf, type MessageStats } from './message-stats.ts';
import { clockLabel, KIND_HINTS, KIND_LABELS, LIMITS, NAME_REQUIRED_KINDS, REFERENCE_LABELS, REFERENCE_REQUIRED_KINDS, type MessageKind, type MessagePolicy } from './messages.model.ts';
import type { PublicQa, PublicTracking } from './messages.presenter.ts';

/** Multi-line plain text as paragraphs (Preact escapes; no markup is ever interpreted). */
export function Paragraphs(props: { text: string }) {
  return (
    <>
      {props.text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line, i) => (
          <p key={i}>{line}</p>
        ))}
    </>
  );
}

export function MessageForm(props: { action: string; kind: MessageKind; policy: MessagePolicy; csrf: string; values: Record<string, string>; errors?: FieldError[] | undefined; errorCode?: string | undefined }) {
  const { kind, values, errors } = props;
  const isNameRequired = NAME_REQUIRED_KINDS.has(kind);
  const isAnonymousAllowed = kind === 'report' || kind === 'error_report';
  return (
    <form method="post" action={props.action} class="narrow">
      <ErrorSummary errors={errors} />
      {errors && errors.length > 0 ? <p class="muted">错误代码：{props.errorCode ?? 'VALIDATION_FAILED'}</p> : null}
      <Csrf token={props.csrf} />
      <input type="hidden" name="kind" value={kind} />
      <p>
        留言类型：<strong>{KIND_LABELS[kind]}</strong>（{KIND_HINTS[kind]}）。本中心承诺在 <strong>{clockLabel(props.policy)}</strong> 内答复。
      </p>
      <TextField name="subject" label="标题" value={values.subject} errors={errors} isRequired maxLength={LIMITS.subject} />
      <TextArea name="body" label="内容" value={values.body} errors={errors} isRequired rows={8} hint={`请用纯文字写明事项和诉求，不超过 ${LIMITS.body} 字。`} />
      <TextField name="reference" label={REFERENCE_LABELS[kind]} value={values.reference} errors={errors} isRequired={REFERENCE_REQUIRED_KINDS.has(kind)} maxLength={LIMITS.reference} {...(kind === 'query' ? { hint: '请填写项目编号或采购公告名称，以及对应的采购文件、采购过程或中标（成交）结果。' } : {})} />
      <fieldset>
        <legend>留言人信息（不会公开）</legend>
        <TextField name="name" label={isNameRequired ? '姓名或单位名称' : '姓名或单位名称（选填）'} value={values.name} errors={errors} isRequired={isNameRequired} maxLength={LIMITS.name} autocomplete="name" />
        <TextField name="phone" label="联系电话" type="tel" value={values.phone} errors={errors} maxLength={LIMITS.phone} autocomplete="tel" hint={isAnonymousAllowed ? '选填。' : '联系电话和电子邮箱请至少填写一项，仅用于工作人员与您联系。'} />
        <TextField name="email" label="电子邮箱" type="email" value={values.email} errors={errors} maxLength={LIMITS.email} autocomplete="email" />
      </fieldset>
      <p class="hint">您的姓名和联系方式只供工作人员办理使用，不会在网站上公开。经整理后不含个人信息的问答，可能在本网站公开。</p>
      <button type="submit">提交留言</button>
    </form>
  );
}

export function SubmittedNotice(props: { trackingNo: string; accessCode: string; clockLabel: string; dueOn: string; isDueProvisional: boolean; trackUrl: string }) {
  return (
    <section aria-labelledby="done-title">
      <h2 id="done-title">留言已提交</h2>
      <p class="flash" role="status">
        我们已收到您的留言，将在 {props.clockLabel}内答复，最迟于 {props.dueOn}{props.isDueProvisional ? '（该年度节假日安排尚未公布，公布后可能调整）' : ''}。
      </p>
      <dl class="facts">
        <div>
          <dt>留言编号</dt>
          <dd>
            <strong>{props.trackingNo}</strong>
          </dd>
        </div>
        <div>
          <dt>查询码</dt>
          <dd>
            <strong>{props.accessCode}</strong>
          </dd>
        </div>
      </dl>
      <p>查询码只显示这一次，请抄写或截图保存。凭留言编号和查询码可以<a href={props.trackUrl}>查询办理情况和答复</a>。</p>
    </section>
  );
}

export function TrackForm(props: { action: string; csrf: string; values: Record<string, string>; errors?: FieldError[] | undefined }) {
  return (
    <form method="post" action={props.action} class="narrow">
      <ErrorSummary errors={props.errors} />
      <Csrf token={props.csrf} />
      <TextField name="trackingNo" label="留言编号" value={props.values.trackingNo} errors={props.errors} isRequired maxLength={40} hint="例如 HD-20261204-0001" />
      <TextField name="accessCode" label="查询码" value={props.values.accessCode} errors={props.errors} isRequired maxLength={40} autocomplete="off" />
      <button type="submit">查询</button>
    </form>
  );
}

export function TrackingResult(props: { t: PublicTracking }) {
  const { t } = props;
  return (
    <section aria-labelledby="track-title">
      <h2 id="track-title">办理情况</h2>
      <dl class="facts">
        <div><dt>留言编号</dt><dd>{t.trackingNo}</dd></div>
        <div><dt>类型</dt><dd>{t.kindLabel}</dd></div>
        <div><dt>标题</dt><dd>{t.subject}</dd></div>
        <div><dt>收到日期</dt><dd>{t.receivedOn}</dd></div>
        <div><dt>答复期限</dt><dd>{t.dueOn}{t.isDueProvisional ? '（暂按周一至周五计算，节假日安排公布后可能调整）' : ''}</dd></div>
        <div><dt>状态</dt><dd>{t.statusLabel}</dd></div>
        {t.repliedOn ? <div><dt>答复日期</dt><dd>{t.repliedOn}</dd></div> : null}
      </dl>
      {t.reply ? (
        <>
          <h3>答复内容</h3>
          <Paragraphs text={t.reply} />
        </>
      ) : (
        <p>工作人员正在办理，请在答复期限后再来查询。</p>
      )}
    </section>
  );
}

export function QaList(props: { items: PublicQa[] }) {
  if (props.items.length === 0) return <p>暂无公开的问答。</p>;
  return (
    <ul class="list">
      {props.items.map((q) => (
        <li key={q.id}>
          <span class="tag">{q.kindLabel}</span> <a href={q.url}>{q.title}</a> <span class="muted">答复于 {q.repliedOn ?? ''}</span>
        </li>
      ))}
    </ul>
  );
}

export function StatsTable(props: { stats: MessageStats; caption: string }) {
  const rows = [...props.stats.kinds.filter((k) => k.received > 0), { ...props.stats.total, label: '合计', kind: 'total' }];
  const pct = (a: number, b: number) => {
    const p = percentOf(a, b);
    return p === null ? '—' : `${p}%`;
  };
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={`${props.caption}（可左右滚动）`}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">类型</th>
            <th scope="col">收到</th>
            <th scope="col">已答复</th>
            <th scope="col">按期答复</th>
            <th scope="col">按期答复率</th>
            <th scope="col">平均用时（工作日）</th>
            <th scope="col">公开问答</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.kind}>
              <th scope="row">{r.label}</th>
              <td>{r.received}</td>
              <td>{r.replied}</td>
              <td>{r.repliedOnTime}</td>
              <td>{pct(r.repliedOnTime, r.replied)}</td>
              <td>{r.averageWorkingDays ?? '—'}</td>
              <td>{r.published}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
