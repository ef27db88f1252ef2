import type { TicketStatus } from '../../gql/graphql';
import { statusLabel } from '../../shared/labels';
import { Time } from '../../shared/ui/time';

export function StatusHistory({
  events,
}: {
  events: readonly { status: TicketStatus; at: string; note?: string | null }[];
}) {
  if (events.length === 0) return <p className="muted small">No status changes recorded.</p>;
  return (
    <ol className="timeline timeline-compact" aria-label="Status history">
      {events.map((e, i) => (
        <li
          key={`${e.status}-${e.at}-${i}`}
          className={`timeline-item status-${e.status.toLowerCase()}`}
        >
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <div className="timeline-line">
              <span className="timeline-kind">{statusLabel(e.status)}</span>
              <time className="muted small" dateTime={e.at}>
                <Time iso={e.at} />
              </time>
            </div>
            {e.note ? <div className="small">{e.note}</div> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
