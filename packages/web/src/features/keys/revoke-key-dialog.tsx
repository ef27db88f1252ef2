import { ErrorNotice } from '../../shared/error-notice';
import { Modal } from '../../shared/ui/modal';
import { useRevokeApiKey } from './use-key-mutations';

export function RevokeKeyDialog({
  apiKey,
  onClose,
}: {
  apiKey: { id: string; name: string; prefix: string };
  onClose: () => void;
}) {
  const { revokeApiKey, loading, error } = useRevokeApiKey();
  return (
    <Modal title={`Revoke “${apiKey.name}”?`} onClose={onClose}>
      <div className="form">
        <p>
          Requests with <code className="mono">{apiKey.prefix}…</code> stop working at once, on
          every server; a dashboard signed in with it is signed out on its next request. This cannot
          be undone.
        </p>
        {error ? <ErrorNotice error={error} compact /> : null}
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className="button button-danger"
            disabled={loading}
            onClick={() =>
              void revokeApiKey(apiKey.id, apiKey.name).then(onClose, () => {
                // shown above from the mutation state
              })
            }
          >
            {loading ? 'Revoking…' : 'Revoke key'}
          </button>
        </div>
      </div>
    </Modal>
  );
}
