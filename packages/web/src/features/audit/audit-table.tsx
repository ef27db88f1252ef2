import { Link } from 'react-router';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import { roleLabel } from '../../shared/labels';
import { Badge } from '../../shared/ui/badge';
import { Time } from '../../shared/ui/time';

export const AuditRowFragment = graphql(`
  fragment AuditRow on AuditEvent {
    id
    at
    action
    accountId
    targetId
    keyId
    keyName
    role
    requestId
    details
    account {
      id
      name
    }
  }
`);

/** "chargeTicket" -> "Charge ticket" */
export function actionLabel(action: string): string {
  const words = action.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return (words.charAt(0).toUpperCase() + words.slice(1)).replace(/\bapi\b/, 'API');
}

function targetLink(
  action: string,
  targetId: string | null | undefined,
  details: Record<string, unknown>,
) {
  const ticketId =
    typeof details.ticketId === 'string'
      ? details.ticketId
      : action === 'openTicket'
        ? targetId
        : null;
  // Underlined: beside the action's name, colour alone would not mark it a link.
  if (ticketId)
    return (
      <Link className="text-link" to={`/tickets/${encodeURIComponent(ticketId)}`}>
        Ticket
      </Link>
    );
  return null;
}

function parse(details: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(details);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The audit trail as a table; `keyHref` turns a key name into a filter link. */
export function AuditTable({
  events,
  showAccount = true,
  keyHref,
}: {
  events: readonly FragmentType<typeof AuditRowFragment>[];
  showAccount?: boolean;
  keyHref?: (keyId: string) => string;
}) {
  const rows = events.map((e) => getFragmentData(AuditRowFragment, e));
  return (
    <div className="table-wrap">
      <table className="table table-stack" aria-label="Audit events">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Action</th>
            <th scope="col">Key</th>
            {showAccount ? <th scope="col">Account</th> : null}
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const details = parse(e.details);
            const entries = Object.entries(details);
            return (
              <tr key={e.id} data-action={e.action}>
                <td data-label="When" className="nowrap">
                  <Time iso={e.at} />
                </td>
                <td data-label="Action">
                  <span className="strong">{actionLabel(e.action)}</span>{' '}
                  {targetLink(e.action, e.targetId, details)}
                </td>
                <td data-label="Key">
                  {e.keyId && keyHref ? (
                    <Link to={keyHref(e.keyId)} title="Show only this key's actions">
                      {e.keyName}
                    </Link>
                  ) : (
                    <span>{e.keyName}</span>
                  )}{' '}
                  <Badge tone="neutral">{roleLabel(e.role)}</Badge>
                </td>
                {showAccount ? (
                  <td data-label="Account">
                    {e.account ? (
                      <Link to={`/accounts/${encodeURIComponent(e.account.id)}`}>
                        {e.account.name}
                      </Link>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                ) : null}
                <td data-label="Details">
                  {entries.length ? (
                    <dl className="details-list">
                      {entries.map(([k, v]) => (
                        <div key={k}>
                          <dt>{k}</dt>
                          <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                  <div className="muted small" title="Request id, as in the gateway's logs">
                    req {e.requestId}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
