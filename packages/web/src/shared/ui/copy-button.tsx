import { useState, type RefObject } from 'react';

/**
 * Copies `text` to the clipboard (the API keys page's pattern). Without a
 * clipboard (permission, insecure origin) it selects `target`'s text for
 * Ctrl+C instead and says so.
 */
export function CopyButton(props: {
  text: string;
  target: RefObject<HTMLElement | null>;
  label?: string;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text);
      setCopied('yes');
    } catch {
      const el = props.target.current;
      if (el instanceof HTMLInputElement) el.select();
      else if (el) window.getSelection()?.selectAllChildren(el);
      setCopied('failed');
    }
  }
  return (
    <>
      <button
        type="button"
        className="button button-small"
        aria-label={props.label}
        onClick={() => void copy()}
      >
        {copied === 'yes' ? 'Copied' : 'Copy'}
      </button>
      <span className="field-hint" aria-live="polite">
        {copied === 'yes'
          ? 'Copied to the clipboard.'
          : copied === 'failed'
            ? 'The browser refused the clipboard: the secret is selected, press Ctrl+C.'
            : ''}
      </span>
    </>
  );
}
