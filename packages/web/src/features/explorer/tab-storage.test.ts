import { afterEach, describe, expect, it } from 'vitest';
import { explorerStorage } from './tab-storage';

afterEach(() => window.sessionStorage.clear());

describe('explorer tab storage', () => {
  it('keeps each key’s tabs apart, in sessionStorage', () => {
    const admin = explorerStorage('cgk_admin-secret');
    const partner = explorerStorage('cgk_partner-secret');
    admin.setItem('tabs', '{"admin":true}');
    expect(admin.getItem('tabs')).toBe('{"admin":true}');
    expect(partner.getItem('tabs')).toBeNull();
    expect(window.localStorage.length).toBe(0);
    partner.setItem('tabs', '{}');
    partner.clear();
    expect(partner.length).toBe(0);
    expect(admin.length).toBe(1);
  });
});
