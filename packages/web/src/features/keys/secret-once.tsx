import { useRef, useState } from 'react';

/** A new key's secret, shown this once, with a copy button. */
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      // No clipboard (permission, insecure origin): select it for Ctrl+C instead.
      field.current?.select();
      setCopied('failed');
    }
  }

  return (
    <div className="form">
      <div className="notice notice-warning" role="alert">
        <p className="notice-title">Copy the secret now: you will not see it again.</p>
        <p className="notice-detail">
          Only its hash is stored. If it is lost, revoke this key and create a new one.
        </p>
      </div>
      <div className="field">
        <label htmlFor="new-key-secret">Secret</label>
        <div className="secret-row">
          <input
            id="new-key-secret"
            ref={field}
            readOnly
            value={secret}
            className="mono"
            onFocus={(e) => e.currentTarget.select()}
            data-autofocus
          />
          <button type="button" className="button" onClick={() => void copy()}>
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </button>
        </div>
        <p className="field-hint" aria-live="polite">
          {copied === 'yes'
            ? 'Copied to the clipboard.'
            : copied === 'failed'
              ? 'The browser refused the clipboard: the secret is selected, press Ctrl+C.'
              : 'Send it to its owner over a private channel.'}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
