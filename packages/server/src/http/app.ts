import fs from 'node:fs';
import { DEFAULT_SECRET_OVERLAP_MS, SecretBox, parseSecretKey } from '../webhooks/secret-box';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import helmet from 'helmet';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLError, GraphQLSchema, ValidationContext } from 'graphql';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { type Config, loadConfig, ownUrl } from '../config';
import { type RequestContext, requestContext } from '../graphql/context';
import { ErrorCode, GatewayError, unauthenticated } from '../common/errors';
import type { Viewer } from '../common/viewer';
import { databaseAnswers } from '../db/health';
import { usePreparedStatements } from '../db/prepared';
import { RETRY_AFTER_SECONDS } from '../db/transient-errors';
import { formatErrorWith } from '../graphql/format-error';
import { type Clock, DbClock } from '../common/clock';
import { DEFAULT_SCHEDULES } from '../jobs/schedule';
import { type Reads, primaryOnly } from '../db/read-replica';
import { compiledReadsExecutor } from '../graphql/compiled-reads/executor';
import { compiledReadsAnswerer } from '../graphql/compiled-reads/http-path';
import { compiledReadsPlugin } from '../graphql/compiled-reads/plugin';
import { queryCostPlugin } from '../graphql/query-cost';
import { currentRequestId, requestScope } from './request-scope';
import { asUnavailable, sendGatewayError, sendJson, unavailablePlugin } from './unavailable';
import { viewerOfRequest } from './authenticate';
import { exportsRouter } from './export-charges';
import { graphqlEndpoint } from './graphql-endpoint';
import { createMetrics } from './metrics';
import { createRateLimiter } from './rate-limit';

/**
 * Abuse limits: generous for the dashboard and partners' codegen, tight for
 * floods. `cost` is priced by graphql/query-cost.ts from the coerced
 * arguments (variables and defaults too), about one unit per field resolved.
 */
export const LIMITS = { depth: 10, aliases: 15, cost: 20_000, directives: 20, tokens: 5_000 };

// graphql-armor throws out of validate() by default, which Apollo answers with
// a 500; reporting through the validation context gives the client a 400
// GRAPHQL_VALIDATION_FAILED, and the operation never runs.
const reportAsValidationError = {
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)],
};

/**
 * Security headers on every answer (dashboard, explorer, API): a CSP the
 * dashboard and the bundled GraphiQL run under (scripts and workers from the
 * gateway only, no eval), no framing, no MIME sniffing, no referrer sent
 * elsewhere. Styles stay 'unsafe-inline': GraphiQL and its Monaco editor set
 * style elements at run time (a style cannot run code).
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
  // The dashboard loads nothing cross-origin; COEP would only get in the way of downloads.
  crossOriginEmbedderPolicy: false,
});

/** /readyz answers 503 when the database has not answered within this. */
const READY_TIMEOUT_MS = 1_000;

export interface Gateway {
  server: http.Server;
  listen: (port: number, host: string) => Promise<string>;
  close: () => Promise<void>;
}

function graphqlError(
  res: http.ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
) {
  sendJson(res, status, { errors: [{ message, extensions: { code, ...extra } }] });
}

export async function createGateway(opts: {
  ds: DataSource;
  /** Where analysts' reads go (DATABASE_READ_URL); the primary when absent. */
  reads?: Reads;
  schema: GraphQLSchema;
  config: Pick<Config, 'adminKey' | 'bodyLimit' | 'webDist'> &
    Partial<
      Pick<
        Config,
        | 'metricsToken'
        | 'rateLimits'
        | 'rateLimitStore'
        | 'compiledReads'
        | 'dbPreparedStatements'
        | 'webhookAllowLocal'
        | 'webhookEndpointsPerKey'
        | 'webhookSecretKey'
        | 'webhookSecretOverlapMs'
        | 'smtpUrl'
        | 'mailDir'
        | 'schedules'
        | 'requestTimeoutMs'
        | 'exports'
        | 'portal'
      >
    >;
  log: Logger;
  /** Where instants come from; the database's clock unless a test sets one. */
  clock?: Clock;
}): Promise<Gateway> {
  const { ds, schema, config, log } = opts;
  const reads = opts.reads ?? primaryOnly(ds);
  const app = express();
  app.disable('x-powered-by');
  // POST /graphql goes to `endpoint` (node:http), the rest to Express: set below.
  let dispatch: http.RequestListener = (_req, res) => res.writeHead(503).end();
  // A request (headers and body) must arrive within the bound, whoever sends
  // it: Node answers 408 and closes, before any key is looked at. Node checks
  // the bound on an interval; a tenth of it keeps the overshoot small.
  const defaults = loadConfig({});
  const requestTimeout = config.requestTimeoutMs ?? defaults.requestTimeoutMs;
  const server = http.createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(requestTimeout, 60_000),
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(requestTimeout / 10)),
    },
    (req, res) => dispatch(req, res),
  );

  const formatError = formatErrorWith(log);
  const metrics = createMetrics({ ds, token: config.metricsToken });
  const limiter = createRateLimiter({
    ds,
    limits: config.rateLimits ?? defaults.rateLimits,
    store: config.rateLimitStore ?? defaults.rateLimitStore,
  });
  const validationRules = [
    maxDepthRule({ n: LIMITS.depth, ...reportAsValidationError }),
    maxAliasesRule({ n: LIMITS.aliases, ...reportAsValidationError }),
    maxDirectivesRule({ n: LIMITS.directives, ...reportAsValidationError }),
  ];
  usePreparedStatements(ds, config.dbPreparedStatements !== false);
  const compiledReads =
    config.compiledReads === false
      ? null
      : compiledReadsExecutor({
          ds,
          log,
          preparedStatements: config.dbPreparedStatements !== false,
          schedules: config.schedules ?? DEFAULT_SCHEDULES,
          reads,
        });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: true, // anonymous callers never get past the context: see below
    allowBatchedHttpRequests: false,
    // graphql-js counts tokens while parsing, for POST and GET alike.
    parseOptions: { maxTokens: LIMITS.tokens },
    stopOnTerminationSignals: false, // main.ts owns shutdown: drain, then close the pool and Postgres
    includeStacktraceInErrorResponses: false,
    validationRules,
    formatError: (formatted, error) => formatError(formatted, error, currentRequestId()),
    // Cache-control wraps every field resolver to compute hints we never send.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads Sandbox from the internet; browsers go to
      // the dashboard's bundled explorer instead (below).
      ApolloServerPluginLandingPageDisabled(),
      unavailablePlugin,
      metrics.plugin,
      queryCostPlugin(LIMITS.cost),
      ...(compiledReads ? [compiledReadsPlugin(compiledReads)] : []),
    ],
  });
  await apollo.start();
  const dbClock = opts.clock ? null : new DbClock(ds);
  await dbClock?.start();
  const clock: Clock = opts.clock ?? dbClock!;
  // Every authenticated route spends from the key's request budget, once per
  // request: the compiled-reads path and Apollo may both ask for the viewer.
  // /graphql also takes a customer portal link (CUSTOMER, one account, read
  // only), its expiry checked on the request's clock; the exports do not.
  const authenticator = (portal: boolean) => {
    const viewers = new WeakMap<http.IncomingMessage, Promise<Viewer | null>>();
    return (req: http.IncomingMessage): Promise<Viewer | null> => {
      let viewer = viewers.get(req);
      if (!viewer) {
        viewer = viewerOfRequest(
          ds,
          req,
          config.adminKey,
          portal ? { now: () => clock.now() } : undefined,
        ).then(async (v) => {
          if (v) await limiter.consume(v);
          return v;
        });
        viewers.set(req, viewer);
      }
      return viewer;
    };
  };
  const authenticate = authenticator(false);
  const authenticateGraphql = authenticator(true);
  const schedules = config.schedules ?? DEFAULT_SCHEDULES;
  const outbound = {
    webhookAllowLocal: config.webhookAllowLocal ?? false,
    webhookEndpointsPerKey: config.webhookEndpointsPerKey ?? 10,
    webhookSecrets: config.webhookSecretKey
      ? new SecretBox(parseSecretKey(config.webhookSecretKey))
      : undefined,
    webhookSecretOverlapMs: config.webhookSecretOverlapMs ?? DEFAULT_SECRET_OVERLAP_MS,
    mailDir: config.smtpUrl ? null : (config.mailDir ?? null),
  };

  app.use(securityHeaders);
  app.use(requestScope);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (await databaseAnswers(ds, READY_TIMEOUT_MS)) {
      res.json({ status: 'ready' });
    } else {
      log.warn('readiness check failed: the database did not answer');
      res
        .status(503)
        .set('retry-after', String(RETRY_AFTER_SECONDS))
        .json({ status: 'database unreachable' });
    }
  });

  // A browser opening the endpoint (it prefers HTML) lands in the dashboard's
  // API explorer, query string and all; API clients' GETs go on to Apollo.
  app.get('/graphql', (req, res, next) => {
    if (
      req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !==
      'text/html'
    )
      return next();
    const at = req.originalUrl.indexOf('?');
    res.redirect(302, `/explorer${at >= 0 ? req.originalUrl.slice(at) : ''}`);
  });
  app.use(metrics.router);
  app.use(
    exportsRouter({
      ds,
      reads,
      log,
      authenticate,
      limits: config.exports ?? defaults.exports,
    }),
  );

  // Links point at PUBLIC_URL; without it (tests), at this gateway's own URL once it listens.
  const portal = {
    publicUrl: config.portal?.publicUrl ?? '',
    linkDays: config.portal?.linkDays ?? defaults.portal.linkDays,
  };
  const contextDeps = { ds, reads, log, clock, outbound, schedules, portal };
  // Requests whose compiled read failed on the short path: the resolvers answer them whole.
  const compiledFailed = new WeakSet<http.IncomingMessage>();
  const contextFor = async (req: http.IncomingMessage): Promise<RequestContext> => {
    const viewer = await authenticateGraphql(req);
    if (!viewer) {
      if (/^Portal\s/i.test(req.headers.authorization ?? ''))
        throw unauthenticated(
          'This portal link has expired, was revoked or is not valid: ask for a new one.',
        );
      throw unauthenticated();
    }
    return {
      ...requestContext(contextDeps, viewer, currentRequestId() ?? 'unknown'),
      compiledReadsFailed: compiledFailed.has(req),
    };
  };
  // POST /graphql (JSON) on node:http, with the compiled reads' short path past Apollo.
  const endpoint = graphqlEndpoint({
    apollo,
    context: contextFor,
    bodyLimit: config.bodyLimit,
    shortPath: compiledReads
      ? compiledReadsAnswerer({
          executor: compiledReads,
          schema,
          validationRules,
          maxTokens: LIMITS.tokens,
          maxCost: LIMITS.cost,
          // The key's lookup and its request budget, as on every other route.
          viewerFor: authenticateGraphql,
          now: () => clock.now(),
          requestId: () => currentRequestId() ?? 'unknown',
          onAnswered: metrics.answered,
          onFailed: (req) => compiledFailed.add(req),
        })
      : undefined,
  });
  // The rest of /graphql (GET, other content types, compressed bodies) through Express.
  app.use(
    '/graphql',
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, { context: ({ req }) => contextFor(req) }),
  );

  const index = path.join(config.webDist, 'index.html');
  if (fs.existsSync(index)) {
    // Source maps are for the developers' own builds, never served.
    app.use((req, res, next) => (req.path.endsWith('.map') ? res.status(404).end() : next()));
    app.use(express.static(config.webDist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql|healthz|readyz|export\/|metrics).*/, (_req, res) => res.sendFile(index));
  } else {
    app.get(['/', '/explorer'], (_req, res) => {
      res
        .type('text')
        .send(
          'Support-credit gateway. GraphQL at POST /graphql. (Dashboard not built: run `pnpm build`.)',
        );
    });
  }

  /** The HTTP answer to an error outside a resolver: a refused body, the database away, a bug. */
  function answerError(res: http.ServerResponse, err: Error & { type?: string; status?: number }) {
    if (err.type === 'entity.too.large') {
      return graphqlError(
        res,
        413,
        ErrorCode.BAD_USER_INPUT,
        `The request body is larger than ${config.bodyLimit}.`,
        { field: 'body' },
      );
    }
    if (err.type === 'entity.parse.failed')
      return graphqlError(res, 400, ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
    // body-parser's other refusals (charset, encoding, aborted): the client's doing.
    if (err.status && err.status >= 400 && err.status < 500)
      return graphqlError(res, err.status, ErrorCode.BAD_REQUEST, err.message);
    const unavailable = asUnavailable(err);
    if (unavailable instanceof GatewayError) return sendGatewayError(res, unavailable);
    log.error({ err, requestId: currentRequestId() }, 'unhandled HTTP error');
    return graphqlError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error.', {
      requestId: currentRequestId(),
    });
  }
  app.use((err: Error, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    answerError(res, err);
  });
  dispatch = (req, res) => {
    if (!endpoint.takes(req)) {
      void app(req, res);
      return;
    }
    securityHeaders(req, res, () =>
      requestScope(req, res, () => {
        endpoint.handle(req, res).catch((err: Error) => {
          if (res.headersSent) res.destroy(err);
          else answerError(res, err);
        });
      }),
    );
  };

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const addr = server.address();
          const actualPort = typeof addr === 'object' && addr ? addr.port : port;
          const url = ownUrl(host, actualPort);
          if (!config.portal) portal.publicUrl = url;
          resolve(url);
        });
      }),
    // Stops accepting, lets in-flight requests finish (the drain plugin), then returns.
    close: async () => {
      await apollo.stop();
      dbClock?.stop();
      metrics.close();
    },
  };
}
