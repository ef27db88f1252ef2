import type { Storage } from '@graphiql/toolkit';

// GraphiQL keeps its tabs and history in localStorage by default; here they
// live in sessionStorage, like the key, and go when the tab closes.
const PREFIX = 'credits.explorer:';

function store(): globalThis.Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const ownKeys = (s: globalThis.Storage) =>
  Array.from({ length: s.length }, (_, i) => s.key(i)).filter(
    (k): k is string => k?.startsWith(PREFIX) ?? false,
  );

export const explorerStorage: Storage = {
  getItem: (key) => store()?.getItem(PREFIX + key) ?? null,
  setItem: (key, value) => store()?.setItem(PREFIX + key, value),
  removeItem: (key) => store()?.removeItem(PREFIX + key),
  clear: () => {
    const s = store();
    if (s) for (const k of ownKeys(s)) s.removeItem(k);
  },
  get length() {
    const s = store();
    return s ? ownKeys(s).length : 0;
  },
};
