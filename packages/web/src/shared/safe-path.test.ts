import { describe, expect, it } from 'vitest';
import { safeAppPath } from './safe-path';

describe('safeAppPath', () => {
  it('keeps paths inside the dashboard', () => {
    expect(safeAppPath('/tickets/t-1', '/x')).toBe('/tickets/t-1');
    expect(safeAppPath('/charges?from=2025-01-01&category=BUG_REPORT%2CSETUP', '/x')).toBe(
      '/charges?from=2025-01-01&category=BUG_REPORT%2CSETUP',
    );
    expect(safeAppPath('/', '/x')).toBe('/');
  });

  it('falls back for anything that could leave the app', () => {
    for (const bad of [
      null,
      undefined,
      '',
      'tickets',
      'https://evil.com',
      '//evil.com',
      '/\\evil.com',
      '\\/evil.com',
      '/a\\b',
      '/\t/evil.com',
      '/\n/evil.com',
    ]) {
      expect(safeAppPath(bad, '/accounts')).toBe('/accounts');
    }
  });
});
