import { describe, expect, it } from 'vitest';
import { wantsPrettyLogs } from './logging';

describe('log format', () => {
  it('is pretty only on a terminal outside production', () => {
    expect(wantsPrettyLogs(true, undefined)).toBe(true);
    expect(wantsPrettyLogs(true, 'development')).toBe(true);
    expect(wantsPrettyLogs(true, 'production')).toBe(false);
    expect(wantsPrettyLogs(false, undefined)).toBe(false);
    expect(wantsPrettyLogs(undefined, 'development')).toBe(false);
  });
});
