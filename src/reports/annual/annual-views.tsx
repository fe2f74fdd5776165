/** Pieces of the annual-report admin pages: the checks, the status, the table-三 entry grid. */
import type { FieldError } from '../../platform/errors.ts';
import { gridFieldName } from './annual-entry.schema.ts';
import { REQUEST_COLUMN_IDS, REQUEST_COLUMN_LABELS, REQUEST_ROWS, STATUS_LABELS, type CheckResult, type ReportFormat, type ReportStatus, type RequestGrid } from './annual.model.ts';

/** Failed checks first, in a box: each says 未通过 in words (not colour alone) and gives the numbers. */
export function ChecksList(props: { checks: readonly CheckResult[] }) {
  const failed = props.checks.filter((c) => !c.ok && c.level === 'error');
  const warnings = props.checks.filter((c) => !c.ok && c.level === 'warning');
  const others = props.checks.filter((c) => c.ok);
  return (
    <div>
      {failed.length > 0 ? (
        <div class="error-summary" role="alert" aria-labelledby="checks-failed-title">
          <h3 id="checks-failed-title">有 {failed.length} 项核对未通过（发布前须更正数据，或填写理由后提交）</h3>
          <ul>
            {failed.map((c) => (
              <li key={c.id} class="field-error" data-check={c.id}>
                【未通过】{c.message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="flash" role="status">
          各项勾稽关系核对均已通过。
        </p>
      )}
      <ul>
        {warnings.map((c) => (
          <li key={c.id} data-check={c.id}>
            <strong>【提示】</strong>
            {c.message}
          </li>
        ))}
        {others.map((c) => (
          <li key={c.id} data-check={c.id}>
            {c.isSkipped ? '【未核对】' : '【通过】'}
            {c.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function statusText(status: ReportStatus, source: string): string {
  return source === 'generated' ? STATUS_LABELS[status] : '往年报告（已录入）';
}

/** The table-三 grid as inputs, one labelled number field per cell, values kept after an error. */
export function GridInputs(props: { format: ReportFormat; grid: RequestGrid | null; values?: Record<string, string>; errors?: FieldError[] }) {
  const bad = new Set((props.errors ?? []).map((e) => e.field));
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label="表三 填报（可左右滚动）">
      <table>
        <caption>三、收到和处理政府信息公开申请情况（按已公布的报告逐格填写，空格按 0 计）</caption>
        <thead>
          <tr>
            <th scope="col">项目</th>
            {REQUEST_COLUMN_IDS.map((c) => (
              <th key={c} scope="col">
                {REQUEST_COLUMN_LABELS[c]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {REQUEST_ROWS[props.format].map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.label}</th>
              {REQUEST_COLUMN_IDS.map((c) => {
                const name = gridFieldName(r.id, c);
                const value = props.values?.[name] ?? String(props.grid?.[r.id]?.[c] ?? '');
                return (
                  <td key={c}>
                    <input id={`f-${name}`} name={name} value={value} inputmode="numeric" size={4} aria-label={`${r.label} ${REQUEST_COLUMN_LABELS[c]}`} aria-invalid={bad.has(name) ? 'true' : undefined} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
