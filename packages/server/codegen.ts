import type { Types } from '@graphql-codegen/plugin-helpers';

// Typed documents for the server's tests, generated from the emitted schema:
// every `graphql(`...`)` under test/ gets its result and variables types.
// CODEGEN_OUT lets `codegen:check` regenerate into a temp dir and diff.
const out = process.env.CODEGEN_OUT ?? './test/gql/';
const schema = process.env.CODEGEN_SCHEMA ?? '../schema/schema.graphql';

const config: Types.Config = {
  schema,
  documents: ['test/**/*.ts', '!test/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    [out]: {
      preset: 'client',
      presetConfig: {
        // Tests read whole results; fragments only share selections.
        fragmentMasking: false,
      },
      config: {
        // The document as written is what goes over the wire.
        documentMode: 'string',
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
};

export default config;
