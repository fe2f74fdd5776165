import { formatDateTime } from '../platform/dates.ts';
import type { FieldError } from '../platform/errors.ts';
import { AdminLayout, Csrf, ErrorSummary, TextArea, TextField, type AdminShell } from '../platform/views/admin-layout.tsx';
import { diffArrangement, MAKE_UP_MARK, type ArrangementDiff, type ArrangementForm } from './arrangement.schema.ts';
import type { CalendarChange, CalendarYear } from './calendar.repo.ts';
import type { CalendarDayEntry } from './calendar.tables.ts';
import { weekdayName } from './working-days.ts';

export type CalendarPageProps = {
  cid: number;
  shell: AdminShell;
  flash: string | undefined;
  /** The current Beijing year: the page warns when next year's arrangement is still missing. */
  thisYear: number;
  years: CalendarYear[];
  /** The year shown and edited, with its current state (null: not entered yet). */
  year: number;
  current: CalendarYear | null;
  days: CalendarDayEntry[];
  /** The version the form is based on (0 for a year not entered yet). */
  expectedVersion: number;
  values: ArrangementForm;
  errors: FieldError[] | undefined;
  /** A year typed into the year selector that is not one: kept and explained next to the selector. */
  yearQuery: { input: string; error: string } | undefined;
  preview: CalendarDayEntry[] | undefined;
  history: CalendarChange[];
};

/** 工作日历: the known years, one year's days, the form to enter or replace it, and the change history. */
export function CalendarPage(p: CalendarPageProps) {
  const base = `/admin/c/${p.cid}/calendar`;
  const nextYear = p.years.some((y) => y.year === p.thisYear + 1) ? null : p.thisYear + 1;
  // Line errors all belong to the textarea; next to it, show them together, not only the first.
  const yearError = p.yearQuery?.error ?? p.errors?.find((e) => e.field === 'year')?.message;
  const dayErrors = p.errors?.filter((e) => e.field === 'days') ?? [];
  const fieldErrors = [...(p.errors ?? []).filter((e) => e.field !== 'days'), ...(dayErrors.length > 0 ? [{ field: 'days', message: dayErrors.map((e) => e.message).join('；') }] : [])];
  return (
    <AdminLayout title="工作日历" shell={p.shell} flash={p.flash}>
      <p>
        工作日历全国统一，用于计算依申请公开的答复期限、互动留言的办理期限和交易公告的法定期间。国务院办公厅每年（通常在 10 月至 12 月）公布下一年的节假日安排后，请在此录入。
        尚未录入的年份按周一至周五推算，涉及该年的期限均标为“暂定”。
      </p>
      {nextYear !== null ? (
        <p class="notice-box">
          {nextYear} 年的节假日安排尚未录入：跨入 {nextYear} 年的期限暂按周一至周五推算。<a href={`${base}?year=${nextYear}`}>录入 {nextYear} 年的安排</a>
        </p>
      ) : null}

      <h2>已录入的年份</h2>
      <YearsTable base={base} years={p.years} />

      <form method="get" action={base} class="filters">
        <label for="f-year">查看或录入年份</label>
        {yearError ? (
          <p class="field-error" id="e-year">
            {yearError}
          </p>
        ) : null}
        <input id="f-year" name="year" value={p.yearQuery?.input ?? String(p.year)} inputMode="numeric" maxLength={4} aria-invalid={yearError ? 'true' : undefined} aria-describedby={yearError ? 'e-year' : undefined} />
        <button type="submit">查看</button>
      </form>

      <h2>{p.year} 年的安排</h2>
      {p.current ? (
        <>
          <p>
            依据：{p.current.source}；第 {p.current.version} 版，{formatDateTime(p.current.updatedAt)} 更新。
          </p>
          <DaysTable caption={`${p.year} 年的放假日和调休上班日`} days={p.days} />
        </>
      ) : (
        <p>尚未录入。{p.year} 年暂按周一至周五上班、周六周日休息推算。</p>
      )}

      {p.preview ? <Preview days={p.preview} diff={diffArrangement(p.days, p.preview)} year={p.year} /> : null}

      <form method="post" action={base} class="narrow">
        <h2>{p.current ? `替换 ${p.year} 年的安排` : `录入 ${p.year} 年的安排`}</h2>
        <ErrorSummary errors={p.errors} />
        <Csrf token={p.shell.csrfToken ?? ''} />
        <input type="hidden" name="year" value={String(p.year)} />
        <input type="hidden" name="expectedVersion" value={String(p.expectedVersion)} />
        <TextField name="source" label="依据（通知名称或文号）" value={p.values.source} errors={fieldErrors} hint="如：国办发明电〔2026〕X号" isRequired maxLength={200} />
        <FormatHelp />
        <TextArea name="days" label="节假日安排" value={p.values.days} errors={fieldErrors} hint="每行一段，格式见上方说明。" isRequired rows={14} />
        <p>保存后替换 {p.year} 年的全部安排（不是追加），办理中的申请和留言的答复期限随之重新计算，并在各件的办理记录中写明调整原因。</p>
        <div class="actions">
          <button type="submit" name="intent" value="preview">
            预览
          </button>
          <button type="submit" name="intent" value="save">
            保存
          </button>
        </div>
      </form>

      <h2>修改记录</h2>
      <HistoryTable history={p.history} />
    </AdminLayout>
  );
}

function FormatHelp() {
  return (
    <div class="hint" id="days-format">
      <p>填写方法（日期一律写成 YYYY-MM-DD，每行一段）：</p>
      <ul>
        <li>
          放假：<code>开始日期 至 结束日期 节日名称</code>，如 <code>2027-02-06 至 2027-02-13 春节</code>。期间的周六、周日也记作放假。只有一天时写 <code>2027-01-01 元旦</code>。
        </li>
        <li>
          调休上班：名称以“{MAKE_UP_MARK}”结尾，如 <code>2027-02-14 春节{MAKE_UP_MARK}</code>。调休上班日只能是周六或周日。
        </li>
        <li>只填本年的日子：跨年的日子（如上一年 12 月 31 日）填在它所在年份的安排中。空行和以 # 开头的行不计。</li>
      </ul>
    </div>
  );
}

function YearsTable(props: { base: string; years: CalendarYear[] }) {
  if (props.years.length === 0) return <p>尚未录入任何年份。</p>;
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label="已录入的年份（可左右滚动）">
      <table>
        <thead>
          <tr>
            <th scope="col">年份</th>
            <th scope="col">依据</th>
            <th scope="col">版本</th>
            <th scope="col">最后修改</th>
          </tr>
        </thead>
        <tbody>
          {[...props.years].reverse().map((y) => (
            <tr key={y.year}>
              <td>
                <a href={`${props.base}?year=${y.year}`}>{y.year} 年</a>
              </td>
              <td>{y.source}</td>
              <td>第 {y.version} 版</td>
              <td>{formatDateTime(y.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DaysTable(props: { caption: string; days: CalendarDayEntry[] }) {
  const off = props.days.filter((d) => !d.isWorkingDay).length;
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={`${props.caption}（可左右滚动）`}>
      <table>
        <caption>
          {props.caption}：放假 {off} 天（含周末），调休上班 {props.days.length - off} 天
        </caption>
        <thead>
          <tr>
            <th scope="col">日期</th>
            <th scope="col">星期</th>
            <th scope="col">类型</th>
            <th scope="col">名称</th>
          </tr>
        </thead>
        <tbody>
          {props.days.map((d) => (
            <tr key={d.day}>
              <td>{d.day}</td>
              <td>{weekdayName(d.day)}</td>
              <td>{d.isWorkingDay ? '调休上班' : '放假'}</td>
              <td>{d.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Preview(props: { year: number; days: CalendarDayEntry[]; diff: ArrangementDiff }) {
  const { added, removed, changed } = props.diff;
  return (
    <section aria-labelledby="preview-title" class="notice-box">
      <h2 id="preview-title">预览（尚未保存）</h2>
      <p role="status">
        与现有安排相比：新增 {added.length} 天，删除 {removed.length} 天，修改 {changed.length} 天。确认无误后请点击下方“保存”。
      </p>
      {removed.length > 0 ? <p>将删除：{removed.map((d) => `${d.day} ${d.name}`).join('、')}</p> : null}
      {changed.length > 0 ? <p>将修改：{changed.map((c) => `${c.after.day} ${c.before.name} → ${c.after.name}`).join('、')}</p> : null}
      <DaysTable caption={`预览：${props.year} 年的放假日和调休上班日`} days={props.days} />
    </section>
  );
}

function HistoryTable(props: { history: CalendarChange[] }) {
  if (props.history.length === 0) return <p>暂无修改记录（初始数据来自 chinese-days）。</p>;
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label="修改记录（可左右滚动）">
      <table>
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">年份</th>
            <th scope="col">版本</th>
            <th scope="col">依据</th>
            <th scope="col">变化</th>
            <th scope="col">期限调整</th>
          </tr>
        </thead>
        <tbody>
          {props.history.map((c) => {
            const d = diffArrangement(c.before, c.after);
            return (
              <tr key={c.id}>
                <td>{formatDateTime(c.changedAt)}</td>
                <td>{c.year} 年</td>
                <td>第 {c.version} 版</td>
                <td>{c.source}</td>
                <td>
                  新增 {d.added.length} 天，删除 {d.removed.length} 天，修改 {d.changed.length} 天
                </td>
                <td>{c.casesMoved} 件</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="hint">操作人见审计日志（操作“calendar.change_year”）。</p>
    </div>
  );
}
