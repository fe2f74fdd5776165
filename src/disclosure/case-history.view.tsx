import type { WorkingCalendar } from '../calendar/working-days.ts';
import { workingDaysLeft, type computeClock } from './clock.ts';
import { CHANNEL_LABELS, OUTCOME_GROUP_LABELS, outcomeDef, type Channel } from './disclosure.model.ts';
import type { DisclosureEvent } from './disclosure.repo.ts';

/** The read-only parts of the case page: the clock with its trace, the details of a step, the labels. */

export function ClockPanel(props: { clock: ReturnType<typeof computeClock>; cal: WorkingCalendar; today: string }) {
  const c = props.clock;
  const left = c.dueOn ? workingDaysLeft(props.cal, props.today, c.dueOn) : null;
  return (
    <div class="block clock">
      <p>
        {c.state === 'stopped' ? '已办结。' : c.state === 'awaiting_clarification' ? '待申请人补正：答复期限自收到补正之日起重新计算。' : c.state === 'paused' ? `计时暂停（${c.pauses.some((x) => x.to === null && x.reason === 'fee') ? '待缴费' : '征求意见中'}），已计 ${c.countedDays} 个工作日。` : null}
        {c.dueOn && c.state !== 'stopped' ? (
          <>
            答复期限 <strong>{c.dueOn}</strong>
            {c.isProvisional ? '（含尚未公布节假日安排的年份，为预估）' : ''}：{left === null ? '' : left < 0 ? <strong class="overdue">已超期 {-left} 个工作日</strong> : `剩余 ${left} 个工作日`}。
          </>
        ) : null}
      </p>
      <p class="muted">
        自 {c.startOn ?? '—'}{c.isRestarted ? '（收到补正之日）' : '（收到申请之日）'}起算 {c.baseDays} 个工作日{c.extensionDays ? `，经批准延长 ${c.extensionDays} 个工作日` : ''}
        {c.fixedDueOn ? `；已依条例第三十五条确定答复期限 ${c.fixedDueOn}` : ''}。{c.clarificationByOn ? `告知补正最迟 ${c.clarificationByOn}。` : ''}
      </p>
      {c.skipped.length > 0 ? (
        <details>
          <summary>不计入期限的日期（{c.skipped.length} 天）</summary>
          <ul class="compact">
            {c.skipped.map((d) => (
              <li key={d.date}>
                {d.date} {d.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

export function EventDetail(props: { e: DisclosureEvent }) {
  const d = props.e.data;
  // jsonb keeps keys shortest first ("to" before "from"): show them in the labels' order instead.
  const parts = Object.entries(d)
    .filter(([k]) => !['requestedBy', 'replyId', 'assigneeId'].includes(k))
    .sort(([a], [b]) => fieldOrder(a) - fieldOrder(b))
    .map(([k, v]) => `${FIELD_LABELS[k] ?? k}：${k === 'outcome' ? outcomeLabel(String(v)) : k === 'channel' ? (CHANNEL_LABELS[v as Channel] ?? String(v)) : typeof v === 'boolean' ? (v ? '是' : '否') : String(v)}`);
  return parts.length > 0 ? <p class="muted">{parts.join('；')}</p> : null;
}

const FIELD_LABELS: Record<string, string> = {
  channel: '渠道',
  items: '补正事项',
  periodDays: '补正期限（工作日）',
  correctBy: '补正截止',
  corrected: '补正内容',
  party: '征求意见对象',
  consultationKind: '类型',
  replyDueOn: '意见期限',
  response: '意见',
  note: '说明',
  from: '原期限',
  to: '新期限',
  days: '天数',
  reason: '理由',
  approverName: '审批人',
  notice: '告知内容',
  tariff: '计收方式',
  pages: '页数',
  amountFen: '金额（分）',
  amount: '金额',
  basis: '计算依据',
  payBy: '缴费期限',
  dueOn: '期限',
  outcome: '处理结果',
  method: '送达方式',
  isOnTime: '按期',
  text: '备注',
  by: '经办人',
  comment: '意见',
};

const FIELD_ORDER = Object.keys(FIELD_LABELS);

function fieldOrder(key: string): number {
  const i = FIELD_ORDER.indexOf(key);
  return i < 0 ? FIELD_ORDER.length : i;
}

export function outcomeLabel(id: string): string {
  const o = outcomeDef(id);
  if (!o) return id;
  return o.group === 'disclosed' || o.group === 'partial' ? o.label : `${OUTCOME_GROUP_LABELS[o.group]} ${o.label}`;
}

export function Paragraphs(props: { text: string }) {
  return (
    <div class="reply-text">
      {props.text.split('\n').map((line, i) => (line ? <p key={i}>{line}</p> : null))}
    </div>
  );
}
