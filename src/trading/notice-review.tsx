import { formatDateTime } from '../platform/dates.ts';
import type { Finding } from './checks/check.types.ts';
import { FindingList } from './notice-form.tsx';
import { NOTICE_FIELD_LABELS } from './notice.schema.ts';
import { CandidatesTables } from './notice-facts.portal.tsx';
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
export function NoticeReviewFacts(props: { facts: NoticeFacts; findings: Finding[]; category: string }) {
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
      <CandidatesTables facts={f} category={props.category} />
      <FindingList findings={props.findings} />
    </section>
  );
}
