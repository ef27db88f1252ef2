import type { Types } from '@graphql-codegen/plugin-helpers';

// Typed documents for the dashboard, generated from the schema the server emits.
// CODEGEN_OUT lets `codegen:check` regenerate into a temp dir and diff.
const out = process.env.CODEGEN_OUT ?? './src/gql/';
const schema = process.env.CODEGEN_SCHEMA ?? '../schema/schema.graphql';

const config: Types.Config = {
  schema,
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*', '!src/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: {
        // Apollo Client has its own useFragment hook; keep the names apart.
        fragmentMasking: { unmaskFunctionName: 'getFragmentData' },
      },
      config: {
        strictScalars: true,
        scalars: { DateTimeISO: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        nonOptionalTypename: false,
        skipTypeNameForRoot: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
  hooks: {},
};

export default config;
