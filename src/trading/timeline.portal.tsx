import { formatDateTime } from '../platform/dates.ts';
import type { TimelineEntry } from './notices.query.ts';
import { instantOf, noticeHref, Time, TypeBadge } from './trading-parts.portal.tsx';

/** A notice of the project's timeline with the amendments that change it, oldest first. */
export type TimelineNode = { entry: TimelineEntry; amendments: { entry: TimelineEntry; changes: string[] }[] };

/**
 * Groups a project's published notices (oldest first) into the timeline: every notice in order, and under
 * each the chain of amendments that change it (an amendment of an amendment joins the same chain), with
 * the deadline and opening moves each one made.
 */
export function buildTimeline(entries: TimelineEntry[]): TimelineNode[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rootOf = (e: TimelineEntry): TimelineEntry | null => {
    let cur = e;
    for (let i = 0; i < 50 && cur.type === 'amendment_notice'; i++) {
      const target = cur.amendsNoticeId ? byId.get(cur.amendsNoticeId) : undefined;
      if (!target) return null;
      cur = target;
    }
    return cur.type === 'amendment_notice' ? null : cur;
  };
  const nodes: TimelineNode[] = [];
  const nodeOf = new Map<number, TimelineNode>();
  for (const e of entries) {
    const root = e.type === 'amendment_notice' ? rootOf(e) : null;
    const parent = root ? nodeOf.get(root.id) : undefined;
    if (parent) {
      parent.amendments.push({ entry: e, changes: [] });
      continue;
    }
    const node: TimelineNode = { entry: e, amendments: [] };
    nodes.push(node);
    nodeOf.set(e.id, node);
  }
  for (const node of nodes) {
    let deadline = instantOf(node.entry.facts?.bidDeadline);
    let opening = instantOf(node.entry.facts?.openingAt);
    for (const a of node.amendments) {
      const newDeadline = instantOf(a.entry.facts?.newBidDeadline);
      const newOpening = instantOf(a.entry.facts?.newOpeningAt);
      if (newDeadline && newDeadline.getTime() !== deadline?.getTime()) {
        a.changes.push(deadline ? `投标截止时间由 ${formatDateTime(deadline)} 改为 ${formatDateTime(newDeadline)}` : `投标截止时间改为 ${formatDateTime(newDeadline)}`);
        deadline = newDeadline;
      }
      if (newOpening && newOpening.getTime() !== opening?.getTime()) {
        a.changes.push(opening ? `开标时间由 ${formatDateTime(opening)} 改为 ${formatDateTime(newOpening)}` : `开标时间改为 ${formatDateTime(newOpening)}`);
        opening = newOpening;
      }
    }
  }
  return nodes;
}

/** The project's timeline as an ordered list; the current notice is marked instead of linked. */
export function ProjectTimeline(props: { nodes: TimelineNode[]; basePath: string; currentNoticeId?: number; headingId: string }) {
  if (props.nodes.length === 0) return <p class="muted">暂无已发布的公告。</p>;
  const link = (e: TimelineEntry) =>
    e.id === props.currentNoticeId ? (
      <span aria-current="page">
        {e.title}
        <span class="muted">（本公告）</span>
      </span>
    ) : (
      <a href={noticeHref(props.basePath, e.id)}>{e.title}</a>
    );
  return (
    <ol class="timeline" aria-labelledby={props.headingId}>
      {props.nodes.map((n) => (
        <li key={n.entry.id} class="timeline-item">
          <p class="timeline-head">
            <Time at={n.entry.publishedAt} /> <TypeBadge type={n.entry.type} /> {link(n.entry)}
          </p>
          {n.amendments.length > 0 ? (
            <ol class="amendment-chain" aria-label={`对“${n.entry.title}”的变更`}>
              {n.amendments.map((a) => (
                <li key={a.entry.id}>
                  <p class="timeline-head">
                    <Time at={a.entry.publishedAt} /> <TypeBadge type={a.entry.type} /> {link(a.entry)}
                  </p>
                  {a.entry.facts?.changeSummary ? <p class="change-summary">变更内容：{a.entry.facts.changeSummary}</p> : null}
                  {a.changes.map((c, i) => (
                    <p key={i} class="change-move">
                      {c}
                    </p>
                  ))}
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
