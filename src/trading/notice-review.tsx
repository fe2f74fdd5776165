import { formatDateTime } from '../platform/dates.ts';
import type { Finding } from './checks/check.types.ts';
import { FindingList } from './notice-form.tsx';
import { NOTICE_FIELD_LABELS } from './notice.schema.ts';
import { yuan, type NoticeFacts } from './trading.model.ts';

const INSTANTS = new Set(['bidDeadline', 'openingAt', 'newBidDeadline', 'newOpeningAt']);
const SKIP = new Set(['type', 'candidates', 'winners', 'contact']);

function show(key: string, value: unknown): string {
  if (INSTANTS.has(key) && typeof value === 'string') return formatDateTime(new Date(value));
  if (key.endsWith('Fen') && typeof value === 'number') return `${yuan(value)} 元`;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.join('、');
  return String(value);
}

/** What a reviewer of a trading notice sees besides its text: every structured fact and the automatic findings. */
export function NoticeReviewFacts(props: { facts: NoticeFacts; findings: Finding[] }) {
  const f = props.facts;
  const rows = Object.entries(f).filter(([k, v]) => !SKIP.has(k) && v !== undefined && v !== null && v !== '');
  return (
    <section aria-labelledby="notice-facts-title">
      <h2 id="notice-facts-title">公告要素</h2>
      <dl class="facts">
        {rows.map(([k, v]) => (
          <>
            <dt>{NOTICE_FIELD_LABELS[k] ?? k}</dt>
            <dd>{show(k, v)}</dd>
          </>
        ))}
        {f.contact ? (
          <>
            <dt>联系方式</dt>
            <dd>
              {f.contact.name} {f.contact.phone}
            </dd>
          </>
        ) : null}
      </dl>
      {(f.candidates ?? []).length > 0 ? (
        <table>
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
            {(f.candidates ?? []).map((c) => (
              <tr key={`${c.lotNo}-${c.rank}`}>
                <td>{c.lotNo}</td>
                <td>{c.rank}</td>
                <td>{c.name}</td>
                <td>{yuan(c.priceFen)}</td>
                <td>{c.projectManager ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {(f.winners ?? []).length > 0 ? (
        <table>
          <caption>中标（成交）人</caption>
          <thead>
            <tr>
              <th scope="col">标段</th>
              <th scope="col">名称</th>
              <th scope="col">中标（成交）金额（元）</th>
            </tr>
          </thead>
          <tbody>
            {(f.winners ?? []).map((w) => (
              <tr key={`${w.lotNo}-${w.name}`}>
                <td>{w.lotNo}</td>
                <td>{w.name}</td>
                <td>{yuan(w.priceFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <FindingList findings={props.findings} />
    </section>
  );
}
