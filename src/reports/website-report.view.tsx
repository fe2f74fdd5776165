/** The 网站年度报表 table (the admin page and the printable document share it) and the form of entered rows. */
import type { FieldError } from '../platform/errors.ts';
import { Csrf, ErrorSummary, SelectField, TextField } from '../platform/views/admin-layout.tsx';
import { REPORT_SECTIONS, SOURCE_LABELS, type EnteredValues, type FieldDef } from './website-report.model.ts';
import type { WebsiteReport } from './website-report.service.ts';

/** The form's rows section by section: 项目, 数值 (with unit), 来源, 说明. */
export function ReportTable(props: { report: WebsiteReport }) {
  const r = props.report;
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label="政府网站工作年度报表（可左右滚动）">
      <table>
        <caption>
          政府网站工作年度报表（{r.year}年度）——{r.center.siteName}
        </caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">数值</th>
            <th scope="col">来源</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        {r.sections.map((s) => (
          <tbody key={s.title}>
            <tr>
              <th scope="colgroup" colSpan={4}>
                {s.title}
              </th>
            </tr>
            {s.values.map((v) => (
              <tr key={v.field.key}>
                <th scope="row">
                  {'　'.repeat(v.field.depth ?? 0)}
                  {v.field.label}
                  {v.field.unit ? `（单位：${v.field.unit}）` : ''}
                </th>
                <td>{v.display}</td>
                <td>{SOURCE_LABELS[v.source]}</td>
                <td>{v.field.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

/** The figures the platform records that the form has no row for, and the one it cannot count (search). */
export function ExtrasTable(props: { report: WebsiteReport }) {
  const x = props.report.extras;
  const rows: [string, string, string][] = [
    ['站内搜索次数', '未统计', '平台不记录搜索日志，无法统计搜索次数。'],
    ['后台登录失败次数', String(x.security.loginFailures), '本中心账号在年内输错密码的次数（审计日志）。'],
    ['账号锁定次数', String(x.security.lockouts), '连续输错密码导致账号被临时锁定的次数（审计日志）。'],
    ['动态口令验证失败次数', String(x.security.totpFailures), '第二步动态口令（TOTP）验证失败的次数（审计日志）。'],
    ...(x.security.unattributedLoginFailures !== null ? [['以不存在的用户名登录失败次数', String(x.security.unattributedLoginFailures), '无法归属到任何中心，全平台合计，只在根中心的报表中列出。'] as [string, string, string]] : []),
    ['网站找错留言数量', String(x.errorReports), '“我为网站找错”收到的留言，未计入上表的留言办理。'],
  ];
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label="参考数据（可左右滚动）">
      <table>
        <caption>附：平台记录的参考数据（不属于报表栏目）</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            <th scope="col">数值</th>
            <th scope="col">说明</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, value, note]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
              <td>{note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The entered rows, section by section; what was typed stays when the form comes back with errors. */
export function EntryForm(props: { action: string; year: number; csrfToken: string; entered: EnteredValues; typed?: Record<string, string>; errors?: FieldError[] }) {
  const valueOf = (f: FieldDef): string => {
    if (props.typed) return props.typed[f.key] ?? '';
    const v = props.entered[f.key];
    if (v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    return String(v);
  };
  return (
    <form method="post" action={props.action} class="stacked">
      <ErrorSummary errors={props.errors} />
      <Csrf token={props.csrfToken} />
      <input type="hidden" name="year" value={String(props.year)} />
      {REPORT_SECTIONS.map((s) => {
        const fields = s.fields.filter((f) => f.source === 'entered');
        if (fields.length === 0) return null;
        return (
          <fieldset key={s.title}>
            <legend>{s.title}</legend>
            {fields.map((f) => {
              const label = `${f.label}${f.unit ? `（单位：${f.unit}）` : ''}`;
              if (f.kind === 'bool') return <SelectField key={f.key} name={f.key} label={label} value={valueOf(f)} errors={props.errors} options={[{ value: '', label: '未填报' }, { value: 'yes', label: '是' }, { value: 'no', label: '否' }]} />;
              if (f.kind === 'choice') return <SelectField key={f.key} name={f.key} label={label} value={valueOf(f)} errors={props.errors} options={[{ value: '', label: '未填报' }, ...(f.choices ?? []).map((c) => ({ value: c, label: c }))]} />;
              return <TextField key={f.key} name={f.key} label={label} value={valueOf(f)} errors={props.errors} maxLength={f.kind === 'count' ? 16 : 200} {...(f.note ? { hint: f.note } : {})} />;
            })}
          </fieldset>
        );
      })}
      <button type="submit" class="primary">
        保存填报内容
      </button>
    </form>
  );
}
