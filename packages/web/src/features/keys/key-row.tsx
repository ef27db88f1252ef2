import { type FragmentType, getFragmentData, graphql } from '../../gql';
import type { KeyRowFragment as KeyRowFragmentData } from '../../gql/graphql';
import { roleLabel } from '../../shared/labels';
import { Badge } from '../../shared/ui/badge';
import { Time } from '../../shared/ui/time';

export const KeyRowFragment = graphql(`
  fragment KeyRow on ApiKey {
    id
    name
    role
    prefix
    createdAt
    revokedAt
    lastUsedAt
    accounts {
      id
      name
    }
  }
`);

export type KeyRowData = KeyRowFragmentData;

export function KeyRow({
  apiKey,
  onRevoke,
  onEditScope,
}: {
  apiKey: FragmentType<typeof KeyRowFragment>;
  onRevoke: (key: KeyRowData) => void;
  onEditScope: (key: KeyRowData) => void;
}) {
  const k = getFragmentData(KeyRowFragment, apiKey);
  const active = !k.revokedAt;
  return (
    <tr className={active ? undefined : 'muted'}>
      <th scope="row">
        <span className="strong">{k.name}</span>
        <div className="muted small mono">{k.prefix}…</div>
      </th>
      <td>{roleLabel(k.role)}</td>
      <td>
        {k.role !== 'PARTNER' ? (
          <span className="muted">Every account</span>
        ) : k.accounts.length ? (
          k.accounts.map((a) => a.name).join(', ')
        ) : (
          <span className="muted">Only accounts it creates</span>
        )}
      </td>
      <td className="nowrap">
        <Time iso={k.createdAt} />
      </td>
      <td className="nowrap">
        {k.lastUsedAt ? <Time iso={k.lastUsedAt} /> : <span className="muted">Never</span>}
      </td>
      <td className="nowrap">
        {active ? (
          <Badge tone="success">Active</Badge>
        ) : (
          <>
            <Badge tone="danger">Revoked</Badge>{' '}
            <span className="small">
              <Time iso={k.revokedAt!} />
            </span>
          </>
        )}
      </td>
      <td className="nowrap">
        {active && k.role === 'PARTNER' ? (
          <button
            type="button"
            className="button button-small"
            aria-label={`Edit accounts of ${k.name}`}
            onClick={() => onEditScope(k)}
          >
            Edit accounts
          </button>
        ) : null}{' '}
        {active ? (
          <button
            type="button"
            className="button button-small button-danger-outline"
            aria-label={`Revoke ${k.name}`}
            onClick={() => onRevoke(k)}
          >
            Revoke
          </button>
        ) : null}
      </td>
    </tr>
  );
}
