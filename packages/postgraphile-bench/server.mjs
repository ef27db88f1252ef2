// PostGraphile 5 as the bench's yardstick: the Amber preset over the bench
// database (with setup.sql applied), lists and connections both on, served
// by grafserv on a bare node:http server. Started by packages/server/bench/run.ts
// with PORT, DATABASE_URL and DB_POOL_SIZE, under the same Node binary as the
// gateway and the floor.
import { createServer } from 'node:http';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { postgraphile } from 'postgraphile';

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ['public'],
      poolConfig: { max: Number(process.env.DB_POOL_SIZE || 20) },
    }),
  ],
  schema: { defaultBehavior: '+connection +list' },
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  handler(req, res);
});
const handler = serv.createHandler();
// Build the schema before answering health checks, so the first timed
// request does not pay for introspection.
await pgl.getSchema();
server.listen(Number(process.env.PORT || 0), '127.0.0.1');

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    server.close();
    void Promise.resolve(pgl.release()).finally(() => process.exit(0));
  });
}
