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
      WEBHOOK_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
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

  it('compiles reads with prepared statements unless told otherwise', () => {
    expect(loadConfig({})).toMatchObject({ compiledReads: true, dbPreparedStatements: true });
    expect(loadConfig({ COMPILED_READS: 'off', DB_PREPARED_STATEMENTS: 'off' })).toMatchObject({
      compiledReads: false,
      dbPreparedStatements: false,
    });
    // A direct URL of its own means a pooler in front: no named statements unless asked.
    const pooled = {
      DATABASE_URL: 'postgres://u@bouncer:6432/db',
      DATABASE_DIRECT_URL: 'postgres://u@db:5432/db',
      WEBHOOK_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
    };
    expect(loadConfig(pooled)).toMatchObject({ dbPreparedStatements: false });
    expect(loadConfig({ ...pooled, DB_PREPARED_STATEMENTS: 'on' })).toMatchObject({
      dbPreparedStatements: true,
    });
  });

  it('requires WEBHOOK_SECRET_KEY with an external database, reads it and the overlap', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@db:5432/credits' })).toThrow(
      /WEBHOOK_SECRET_KEY: required with DATABASE_URL/,
    );
    const key = Buffer.alloc(32, 2).toString('base64');
    expect(
      loadConfig({
        DATABASE_URL: 'postgres://u@db:5432/credits',
        WEBHOOK_SECRET_KEY: key,
        WEBHOOK_SECRET_OVERLAP_HOURS: '2',
      }),
    ).toMatchObject({ webhookSecretKey: key, webhookSecretOverlapMs: 7_200_000 });
    expect(loadConfig({})).toMatchObject({
      webhookSecretKey: undefined,
      webhookSecretOverlapMs: 86_400_000,
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
    ['COMPILED_READS', 'yes', /COMPILED_READS/],
    ['DB_PREPARED_STATEMENTS', 'true', /DB_PREPARED_STATEMENTS/],
    ['WEBHOOK_SECRET_KEY', 'c2hvcnQ=', /WEBHOOK_SECRET_KEY: must be 32 bytes in base64/],
    ['WEBHOOK_SECRET_OVERLAP_HOURS', '-1', /WEBHOOK_SECRET_OVERLAP_HOURS/],
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
      CUSTOMER: { points: 300, seconds: 60 },
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
      CUSTOMER: { points: 300, seconds: 60 },
    });
    expect(c.rateLimitStore).toBe('memory');
    expect(c.metricsToken).toBe('a-long-enough-metrics-token');
    expect(() => loadConfig({ RATE_LIMIT_PARTNER: '600 per minute' })).toThrow(
      /RATE_LIMIT_PARTNER/,
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });
});

describe('config: outbound', () => {
  it('defaults to a local mailbox, the in-process worker and no local webhooks', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ smtpUrl: undefined, webhookAllowLocal: false, runWorker: true });
    expect(c.mailDir).toMatch(/\.data[/\\]mail$/);
  });

  it('reads SMTP_URL, MAIL_FROM, MAIL_DIR, WEBHOOK_ALLOW_LOCAL, RUN_WORKER, WORKER_CONCURRENCY', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtp://user:pass@mail.example.com:587',
        MAIL_FROM: 'Support <support@example.com>',
        MAIL_DIR: '/var/mail/credits',
        WEBHOOK_ALLOW_LOCAL: 'true',
        RUN_WORKER: 'false',
        WORKER_CONCURRENCY: '12',
      }),
    ).toMatchObject({
      smtpUrl: 'smtp://user:pass@mail.example.com:587',
      mailFrom: 'Support <support@example.com>',
      mailDir: '/var/mail/credits',
      webhookAllowLocal: true,
      runWorker: false,
      workerConcurrency: 12,
    });
  });

  it.each([
    ['SMTP_URL', 'http://mail.example.com', /SMTP_URL: must be an smtp/],
    ['WEBHOOK_ALLOW_LOCAL', 'yes', /WEBHOOK_ALLOW_LOCAL/],
    ['WORKER_CONCURRENCY', '0', /WORKER_CONCURRENCY/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('config: customer portal links', () => {
  it("defaults PUBLIC_URL to the gateway's own URL and PORTAL_LINK_DAYS to 30", () => {
    expect(loadConfig({}).portal).toEqual({ publicUrl: 'http://localhost:4000', linkDays: 30 });
    expect(loadConfig({ HOST: '127.0.0.1', PORT: '8080' }).portal.publicUrl).toBe(
      'http://127.0.0.1:8080',
    );
  });

  it('reads PUBLIC_URL (without its trailing slash) and PORTAL_LINK_DAYS', () => {
    expect(
      loadConfig({ PUBLIC_URL: 'https://credits.example.com/', PORTAL_LINK_DAYS: '7' }).portal,
    ).toEqual({ publicUrl: 'https://credits.example.com', linkDays: 7 });
  });

  it.each([
    ['PUBLIC_URL', 'credits.example.com', /PUBLIC_URL: must be an http/],
    ['PUBLIC_URL', 'javascript:alert(1)', /PUBLIC_URL: must be an http/],
    ['PUBLIC_URL', 'https://credits.example.com/?a=1', /PUBLIC_URL: a base URL/],
    ['PORTAL_LINK_DAYS', '0', /PORTAL_LINK_DAYS/],
    ['PORTAL_LINK_DAYS', '2.5', /PORTAL_LINK_DAYS/],
  ])('refuses %s=%s', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
