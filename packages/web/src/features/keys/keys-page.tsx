import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useCan } from '../../app/auth/auth-context';
import { ErrorNotice } from '../../shared/error-notice';
import { PageHeader } from '../../shared/ui/page-header';
import { EmptyState, SkeletonRows } from '../../shared/ui/states';
import { CreateKeyDialog } from './create-key-dialog';
import { EditScopeDialog } from './edit-scope-dialog';
import { KeyRow, type KeyRowData } from './key-row';
import { RevokeKeyDialog } from './revoke-key-dialog';

const KeysPageQuery = graphql(`
  query KeysPage {
    apiKeys {
      id
      ...KeyRow
    }
  }
`);

type Dialog =
  | { kind: 'create' }
  | { kind: 'revoke'; key: KeyRowData }
  | { kind: 'scope'; key: KeyRowData }
  | null;

/** Admins onboard partners and staff here: create, scope, revoke. */
export function KeysPage() {
  const allowed = useCan('MANAGE_API_KEYS');
  const { data, error, refetch } = useQuery(KeysPageQuery, {
    skip: !allowed,
    fetchPolicy: 'cache-and-network',
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  if (!allowed) {
    return (
      <div className="page">
        <PageHeader title="API keys" />
        <EmptyState title="Only admins manage API keys">
          Ask an admin for a key or a change to yours.
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="page">
      <PageHeader
        title="API keys"
        subtitle="Who may call the gateway, with which role and, for partners, on which accounts."
        actions={
          <button
            type="button"
            className="button button-primary"
            onClick={() => setDialog({ kind: 'create' })}
          >
            Create key
          </button>
        }
      />
      <div className="card">
        {error && !data ? (
          <div className="card-body">
            <ErrorNotice error={error} onRetry={() => void refetch()} />
          </div>
        ) : !data ? (
          <SkeletonRows rows={4} label="Loading API keys" />
        ) : data.apiKeys.length === 0 ? (
          <EmptyState title="No API keys yet">
            Only the bootstrap admin key works so far.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table" aria-label="API keys">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Role</th>
                  <th scope="col">Accounts</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.apiKeys.map((k) => (
                  <KeyRow
                    key={k.id}
                    apiKey={k}
                    onRevoke={(key) => setDialog({ kind: 'revoke', key })}
                    onEditScope={(key) => setDialog({ kind: 'scope', key })}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {dialog?.kind === 'create' ? <CreateKeyDialog onClose={close} /> : null}
      {dialog?.kind === 'revoke' ? <RevokeKeyDialog apiKey={dialog.key} onClose={close} /> : null}
      {dialog?.kind === 'scope' ? <EditScopeDialog apiKey={dialog.key} onClose={close} /> : null}
    </div>
  );
}
