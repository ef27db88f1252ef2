import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the schema. A partner would point `schema` at the
// gateway itself: { 'https://gateway.example/graphql': { headers: { authorization: 'Bearer ...' } } }.
// Here it is the committed file, so the types follow the repository.
const config: CodegenConfig = {
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
