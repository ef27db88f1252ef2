import type { Types } from '@graphql-codegen/plugin-helpers';

// TypeScript types of every schema type, for packages that talk to the
// gateway without the dashboard's typed documents (scripts, partners' SDKs).
const config: Types.Config = {
  schema: 'schema.graphql',
  generates: {
    'src/types.ts': {
      plugins: ['typescript'],
      config: {
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', ID: 'string' },
        strictScalars: true,
        avoidOptionals: { field: true, inputValue: false },
      },
    },
  },
};

export default config;
