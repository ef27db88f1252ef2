import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { parse as parseContentType } from 'content-type';
import getRawBody from 'raw-body';

// POST /graphql with a JSON body is the gateway's hot path: it is served on
// node:http, before Express (whose router, body parser and charset decoding
// cost a tenth of a charge's CPU), as Apollo's own standalone server does.
// Everything else (GET /graphql, other content types, compressed bodies, the
// dashboard and the plain routes) still goes through Express.

/** A refusal raised while reading the body, in body-parser's terms (the app's error answer maps them). */
class BodyError extends Error {
  constructor(
    message: string,
    readonly type: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** True for a JSON body this path reads itself: UTF-8, not compressed. */
function isPlainJson(req: IncomingMessage): boolean {
  const header = req.headers['content-type'];
  if (!header || req.headers['content-encoding']) return false;
  try {
    const { type, parameters } = parseContentType(header);
    return (
      type === 'application/json' &&
      (parameters.charset === undefined || parameters.charset.toLowerCase() === 'utf-8')
    );
  } catch {
    return false;
  }
}

export interface GraphqlEndpoint {
  /** Whether `handle` takes this request (else it is Express's). */
  takes: (req: IncomingMessage) => boolean;
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

export function graphqlEndpoint<C extends BaseContext>(opts: {
  apollo: ApolloServer<C>;
  context: (req: IncomingMessage) => Promise<C>;
  /** Like `100kb` or `1mb`. */
  bodyLimit: string;
  /** Answers the request without Apollo when it can (the compiled reads); false: Apollo's. */
  shortPath?: (req: IncomingMessage, body: unknown, res: ServerResponse) => Promise<boolean>;
}): GraphqlEndpoint {
  const { apollo } = opts;

  async function readJson(req: IncomingMessage): Promise<unknown> {
    // raw-body refuses past the limit (413, `entity.too.large`) or a short body (400).
    const raw = await getRawBody(req, {
      limit: opts.bodyLimit,
      length: req.headers['content-length'],
    });
    try {
      return JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      throw new BodyError('The request body is not valid JSON.', 'entity.parse.failed', 400);
    }
  }

  return {
    takes: (req) =>
      req.method === 'POST' &&
      (req.url === '/graphql' || req.url?.startsWith('/graphql?') === true) &&
      isPlainJson(req),

    async handle(req, res) {
      const body = await readJson(req);
      if (opts.shortPath && (await opts.shortPath(req, body, res))) return;

      // What @as-integrations/express5 hands Apollo, without Express.
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const at = req.url!.indexOf('?');
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers,
          search: at >= 0 ? req.url!.slice(at) : '',
          body,
        },
        context: () => opts.context(req),
      });
      for (const [key, value] of answer.headers) res.setHeader(key, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') {
        res.end(answer.body.string);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    },
  };
}
