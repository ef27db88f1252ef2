import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('defaults to port 4000 on all interfaces, embedded Postgres, info logs', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      databaseUrl: undefined,
      logLevel: 'info',
      bodyLimit: '100kb',
    });
    expect(c.embeddedPgDir).toMatch(/\.data[/\\]postgres$/);
  });

  it('reads every variable it documents', () => {
    const c = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u@db:5432/credits',
      GATEWAY_ADMIN_KEY: 'a-long-enough-admin-key',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '5',
      BODY_LIMIT: '1mb',
      WEB_DIST: '/srv/web',
      NODE_ENV: 'production',
    });
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'postgres://u@db:5432/credits',
      adminKey: 'a-long-enough-admin-key',
      logLevel: 'warn',
      dbPoolSize: 5,
      bodyLimit: '1mb',
      webDist: '/srv/web',
      nodeEnv: 'production',
    });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({
      databaseUrl: undefined,
      port: 4000,
    });
  });

  it.each([
    ['PORT', 'eighty', /PORT/],
    ['PORT', '70000', /PORT/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: must be a postgres:\/\/ URL/],
    ['GATEWAY_ADMIN_KEY', 'short', /GATEWAY_ADMIN_KEY: must be at least 16 characters/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['BODY_LIMIT', 'lots', /BODY_LIMIT: like 100kb or 1mb/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reads rate limits per role and the metrics token', () => {
    const d = loadConfig({});
    expect(d.rateLimits).toEqual({
      ADMIN: null,
      SPECIALIST: { points: 12000, seconds: 60 },
      PARTNER: { points: 1200, seconds: 60 },
      ANALYST: { points: 1200, seconds: 60 },
    });
    expect(d.rateLimitStore).toBe('postgres');
    expect(d.metricsToken).toBeUndefined();
    const c = loadConfig({
      RATE_LIMIT_PARTNER: '600/min',
      RATE_LIMIT_ANALYST: '20/s',
      RATE_LIMIT_SPECIALIST: 'off',
      RATE_LIMIT_ADMIN: '36000/h',
      RATE_LIMIT_STORE: 'memory',
      METRICS_TOKEN: 'a-long-enough-metrics-token',
    });
    expect(c.rateLimits).toEqual({
      ADMIN: { points: 36000, seconds: 3600 },
      SPECIALIST: null,
      PARTNER: { points: 600, seconds: 60 },
      ANALYST: { points: 20, seconds: 1 },
    });
    expect(c.rateLimitStore).toBe('memory');
    expect(c.metricsToken).toBe('a-long-enough-metrics-token');
    expect(() => loadConfig({ RATE_LIMIT_PARTNER: '600 per minute' })).toThrow(
      /RATE_LIMIT_PARTNER/,
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});
