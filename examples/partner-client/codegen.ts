import type { Types } from '@graphql-codegen/plugin-helpers';

// Typed operations from the schema. A partner would point `schema` at the
// gateway itself: { 'https://gateway.example/graphql': { headers: { authorization: 'Bearer ...' } } }
// and run this file with @graphql-codegen/cli (docs/partners.md). Here it is
// the committed file, run by the repository's scripts/codegen.mjs (local
// files only), so the types follow the repository.
const config: Types.Config = {
  schema: process.env.CODEGEN_SCHEMA ?? '../../packages/schema/schema.graphql',
  documents: ['src/**/*.ts', '!src/gql/**/*'],
  generates: {
    [process.env.CODEGEN_OUT ?? './src/gql/']: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        strictScalars: true,
        scalars: { DateTimeISO: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
