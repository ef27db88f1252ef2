import { useRef, useState } from 'react';
import { ErrorNotice } from '../../shared/error-notice';
import { formatDate } from '../../shared/format';
import { CopyButton } from '../../shared/ui/copy-button';
import { Modal } from '../../shared/ui/modal';
import { useCreatePortalLink, useRevokePortalLinks } from './use-portal-links';

/** Staff (and partners) make a customer portal link to send by hand, or revoke them all. */
export function PortalLinkDialog({
  accountId,
  accountName,
  onClose,
}: {
  accountId: string;
  accountName: string;
  onClose: () => void;
}) {
  const create = useCreatePortalLink();
  const revoke = useRevokePortalLinks();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  return (
    <Modal
      title="Customer portal link"
      description={`A read-only page of ${accountName} for the customer: balance, credits and when they expire, receipts, statements, licenses and open tickets. Every e-mail the customer gets carries one already.`}
      onClose={onClose}
    >
      <div className="form">
        {link ? (
          <div className="field">
            <label htmlFor="portal-link-url">Link</label>
            <div className="portal-link-row">
              <input
                id="portal-link-url"
                ref={field}
                readOnly
                value={link.url}
                className="mono"
                onFocus={(e) => e.currentTarget.select()}
                data-testid="portal-link-url"
              />
              <CopyButton text={link.url} target={field} label="Copy the portal link" />
            </div>
            <p className="field-hint">
              Works until {formatDate(link.expiresAt)}. Copy it now: only its hash is kept, so it
              cannot be shown again.
            </p>
          </div>
        ) : null}
        {create.error ? <ErrorNotice error={create.error} compact /> : null}
        {revoke.error ? <ErrorNotice error={revoke.error} compact /> : null}
        {confirming ? (
          <div className="notice notice-warning" role="alert">
            <p className="notice-title">Revoke every portal link of this account?</p>
            <p className="notice-detail">
              The links in e-mails already sent stop working too. The next e-mail brings a new one.
            </p>
            <div className="notice-actions">
              <button
                type="button"
                className="button button-small"
                onClick={() => setConfirming(false)}
              >
                Keep them
              </button>
              <button
                type="button"
                className="button button-small button-danger"
                disabled={revoke.loading}
                onClick={() =>
                  void revoke.revokePortalLinks(accountId).then(
                    () => {
                      setConfirming(false);
                      setLink(null);
                    },
                    () => {
                      // shown above from the mutation state
                    },
                  )
                }
              >
                {revoke.loading ? 'Revoking…' : 'Revoke all links'}
              </button>
            </div>
          </div>
        ) : null}
        <div className="form-actions">
          <button
            type="button"
            className="button button-danger"
            onClick={() => setConfirming(true)}
            disabled={confirming}
          >
            Revoke links…
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={create.loading}
            data-autofocus
            onClick={() =>
              void create.createPortalLink(accountId).then(
                (made) => setLink(made),
                () => {
                  // shown above from the mutation state
                },
              )
            }
          >
            {create.loading ? 'Creating…' : link ? 'Create another link' : 'Create link'}
          </button>
        </div>
      </div>
    </Modal>
  );
}
