// The API key lives in sessionStorage: it survives a reload of this tab and is
// gone when the tab closes or the user signs out. Never in localStorage.
const STORAGE_KEY = 'credits.apiKey';

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export const apiKeyStore = {
  get(): string | null {
    return storage()?.getItem(STORAGE_KEY) ?? null;
  },
  set(key: string): void {
    storage()?.setItem(STORAGE_KEY, key);
  },
  clear(): void {
    storage()?.removeItem(STORAGE_KEY);
  },
};
