import type { User } from '../accounts/accounts.repo.ts';
import { formatDateTime } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { Csrf, ErrorSummary, TextArea, TextField } from '../platform/views/admin-layout.tsx';
import { Paragraphs } from './interaction.views.tsx';
import { clockLabel, isMessageKind, KIND_LABELS, LIMITS, REFERENCE_LABELS, STATUS_LABELS, type MessageStatus } from './messages.model.ts';
import type { Message, MessageEvent } from './messages.repo.ts';

export type DetailState = { error?: string; fieldErrors?: FieldError[]; values?: Record<string, string>; form?: string };

const EVENT_LABELS: Record<string, string> = { received: '收到', duplicate_flagged: '疑似重复', assigned: '分配', replied: '答复', note: '备注', published: '公开', unpublished: '撤下公开', closed: '办结', due_moved: '期限调整' };

/** One message for the staff: the facts, the sender (never public), the text, the actions and the history. */
export function MessageDetail(props: { cid: number; m: Message; events: MessageEvent[]; handlers: User[]; duplicate: Message | null; standing: string | null; csrf: string; state: DetailState }) {
  const { cid, m, state } = props;
  const base = `/admin/c/${cid}/messages/${m.id}`;
  const kindLabel = isMessageKind(m.kind) ? KIND_LABELS[m.kind] : m.kind;
  const valuesFor = (form: string) => (state.form === form ? (state.values ?? {}) : {});
  const errorsFor = (form: string) => (state.form === form ? state.fieldErrors : undefined);
  const assignee = props.handlers.find((u) => u.id === m.assigneeId);
  const pub = valuesFor('publish');
  return (
    <>
      <p>
        <a href={`/admin/c/${cid}/messages`}>返回留言列表</a>
      </p>
      <dl class="facts">
        <div><dt>类型</dt><dd>{kindLabel}</dd></div>
        <div><dt>状态</dt><dd>{STATUS_LABELS[m.status as MessageStatus] ?? m.status}{props.standing ? `（${props.standing}）` : ''}</dd></div>
        <div><dt>收到日期</dt><dd>{m.receivedOn}</dd></div>
        <div><dt>答复期限</dt><dd>{m.dueOn}（{clockLabel({ days: m.clockDays, isWorkingDays: m.isClockWorkingDays })}）{m.isDueProvisional ? '，暂定：该年度节假日安排尚未录入' : ''}</dd></div>
        <div><dt>承办人</dt><dd>{assignee?.displayName ?? '未分配'}</dd></div>
        {m.reference ? <div><dt>{isMessageKind(m.kind) ? REFERENCE_LABELS[m.kind].replace('（选填）', '') : '相关事项'}</dt><dd class="break">{m.reference}</dd></div> : null}
        {props.duplicate ? (
          <div>
            <dt>疑似重复</dt>
            <dd>
              同一联系人 30 日内的相似留言 <a href={`/admin/c/${cid}/messages/${props.duplicate.id}`}>{props.duplicate.trackingNo}</a>（{props.duplicate.subject}），请合并办理或分别答复
            </dd>
          </div>
        ) : null}
      </dl>
      <h2>留言人（仅工作人员可见，不得公开）</h2>
      <dl class="facts">
        <div><dt>姓名或单位</dt><dd>{m.name || '未填写'}</dd></div>
        <div><dt>联系电话</dt><dd>{m.phone || '未填写'}</dd></div>
        <div><dt>电子邮箱</dt><dd>{m.email || '未填写'}</dd></div>
      </dl>
      <h2>{m.subject}</h2>
      <Paragraphs text={m.body} />

      <h2>答复</h2>
      {m.repliedOn ? (
        <>
          <p>
            答复于 {m.repliedOn}，用时 {m.workingDaysTaken ?? 0} 个工作日，{m.isOnTime ? '按期答复' : '超过答复期限'}。
          </p>
          <Paragraphs text={m.reply} />
        </>
      ) : m.status === 'open' ? (
        <form method="post" action={`${base}/reply`} class="narrow">
          <ErrorSummary errors={errorsFor('reply')} />
          <Csrf token={props.csrf} />
          <TextArea name="reply" label="答复内容" value={valuesFor('reply').reply} errors={errorsFor('reply')} isRequired rows={8} hint="留言人凭查询码可看到答复。答复日期为今天，用时和是否按期按工作日历计算。" />
          <button type="submit">答复</button>
        </form>
      ) : (
        <p>未答复即办结。</p>
      )}

      {m.status !== 'closed' ? (
        <form method="post" action={`${base}/assign`} class="narrow">
          <h3>承办人</h3>
          <Csrf token={props.csrf} />
          <label for="f-assigneeId">分配给</label>
          <select id="f-assigneeId" name="assigneeId">
            <option value="">（不分配）</option>
            {props.handlers.map((u) => (
              <option key={u.id} value={String(u.id)} selected={u.id === m.assigneeId}>
                {u.displayName}
              </option>
            ))}
          </select>{' '}
          <button type="submit">保存</button>
        </form>
      ) : null}

      {m.repliedOn ? (
        <section aria-labelledby="pub-title">
          <h2 id="pub-title">公开问答{m.isPublic ? '（已公开）' : ''}</h2>
          {m.isPublic ? (
            <form method="post" action={`${base}/unpublish`} class="inline">
              <Csrf token={props.csrf} />
              已于 {m.publishedAt ? formatDateTime(m.publishedAt) : ''} 公开。 <button type="submit">撤下公开</button>
            </form>
          ) : null}
          <form method="post" action={`${base}/publish`} class="narrow">
            <ErrorSummary errors={errorsFor('publish')} />
            <Csrf token={props.csrf} />
            <p class="hint">公开前请改写问题和答复，删除姓名、单位、电话、邮箱、身份证号、住址等个人信息；系统也会检查留言人的姓名和联系方式。</p>
            <TextField name="publicSubject" label="公开标题" value={pub.publicSubject ?? (m.publicSubject || m.subject)} errors={errorsFor('publish')} isRequired maxLength={LIMITS.publicSubject} />
            <TextArea name="publicQuestion" label="公开的问题" value={pub.publicQuestion ?? (m.publicQuestion || m.body)} errors={errorsFor('publish')} isRequired rows={6} />
            <TextArea name="publicReply" label="公开的答复" value={pub.publicReply ?? (m.publicReply || m.reply)} errors={errorsFor('publish')} isRequired rows={6} />
            <div class={errorsFor('publish')?.some((e) => e.field === 'isConfirmed') ? 'field has-error' : 'field'}>
              <input type="checkbox" id="f-isConfirmed" name="isConfirmed" value="on" />
              <label for="f-isConfirmed">我已核对，公开内容不含留言人的个人信息</label>
            </div>
            <button type="submit">{m.isPublic ? '更新公开内容' : '在网站公开'}</button>
          </form>
        </section>
      ) : null}

      <h2>内部备注（不公开）</h2>
      {m.internalNote ? <Paragraphs text={m.internalNote} /> : <p>暂无备注。</p>}
      <form method="post" action={`${base}/note`} class="narrow">
        <ErrorSummary errors={errorsFor('note')} />
        <Csrf token={props.csrf} />
        <TextArea name="note" label="添加备注" value={valuesFor('note').note} errors={errorsFor('note')} rows={3} />
        <button type="submit">添加备注</button>
      </form>

      {m.status !== 'closed' ? (
        <form method="post" action={`${base}/close`} class="narrow">
          <h2>办结</h2>
          <ErrorSummary errors={errorsFor('close')} />
          <Csrf token={props.csrf} />
          <TextArea name="reason" label={m.status === 'open' ? '办结说明（未答复即办结时必填）' : '办结说明（选填）'} value={valuesFor('close').reason} errors={errorsFor('close')} rows={2} />
          <button type="submit">办结</button>
        </form>
      ) : null}

      <h2>办理记录</h2>
      <ol>
        {props.events.map((e) => (
          <li key={e.id}>
            {formatDateTime(e.createdAt)} {e.actorName} {EVENT_LABELS[e.action] ?? e.action}
            {e.note ? `：${e.note}` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
