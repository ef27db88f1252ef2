import type { Storage } from '@graphiql/toolkit';

// GraphiQL keeps its tabs (responses included) and history in localStorage by
// default. Here they live in sessionStorage, like the key, and under a name
// derived from the key: another key signing in on the same browser tab never
// sees what the previous one read.

function store(): globalThis.Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** FNV-1a: a short, stable name for a key; not a secret, not a security boundary. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}

export function explorerStorage(apiKey: string): Storage {
  const prefix = `credits.explorer.${fingerprint(apiKey)}:`;
  const ownKeys = (s: globalThis.Storage) =>
    Array.from({ length: s.length }, (_, i) => s.key(i)).filter(
      (k): k is string => k?.startsWith(prefix) ?? false,
    );
  return {
    getItem: (key) => store()?.getItem(prefix + key) ?? null,
    setItem: (key, value) => store()?.setItem(prefix + key, value),
    removeItem: (key) => store()?.removeItem(prefix + key),
    clear: () => {
      const s = store();
      if (s) for (const k of ownKeys(s)) s.removeItem(k);
    },
    get length() {
      const s = store();
      return s ? ownKeys(s).length : 0;
    },
  };
}
