// The server's layers (STYLE.md): imports point down, never back up.
//   http -> graphql -> domain folders -> policy / common
// Resolvers and GraphQL types (*.resolver.ts, *.type.ts) sit in their domain
// folder but belong to the schema layer, so they may use graphql/.
const SRC = '^packages/server/src/';
const DOMAIN = `${SRC}(accounts|audit|jobs|keys|ledger|licenses|mail|notices|outbox|portal|pricing|tickets|webhooks)/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'policy-is-pure',
      comment: 'policy/ is the vendor rules as data and pure functions: no database, no GraphQL.',
      severity: 'error',
      from: { path: `${SRC}policy/` },
      to: { path: SRC, pathNot: `${SRC}policy/` },
    },
    {
      name: 'common-is-the-kernel',
      comment: 'common/ may use only itself and policy/.',
      severity: 'error',
      from: { path: `${SRC}common/` },
      to: { path: SRC, pathNot: `${SRC}(common|policy)/` },
    },
    {
      name: 'services-below-the-schema',
      comment: 'Domain services never import the schema layer (graphql/) or HTTP.',
      severity: 'error',
      from: { path: DOMAIN, pathNot: '\\.(resolver|type)\\.ts$' },
      to: { path: `${SRC}(graphql|http)/` },
    },
    {
      name: 'schema-below-http',
      severity: 'error',
      from: { path: `${SRC}(graphql/|[a-z-]+/[a-z.-]+\\.(resolver|type)\\.ts$)` },
      to: { path: `${SRC}http/` },
    },
    {
      name: 'no-circular-via-main',
      comment: 'main.ts and worker.ts start things; nothing imports them.',
      severity: 'error',
      from: {},
      to: { path: `${SRC}(main|worker)\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
  },
};
