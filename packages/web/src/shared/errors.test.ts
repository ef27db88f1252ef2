import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import sdl from '../../../schema/schema.graphql?raw';
import { SERVER_ERROR_CODES } from './errors';

// The schema the server emits (and CI checks is current) is the one source of
// the codes; the dashboard must handle exactly those.
const schema = buildSchema(sdl);
const enumValues = (name: string) =>
  (schema.getType(name) as GraphQLEnumType)
    .getValues()
    .map((v) => v.value as string)
    .sort();

describe('error codes', () => {
  it("handles exactly the schema's ErrorCode values", () => {
    expect([...SERVER_ERROR_CODES].sort()).toEqual(enumValues('ErrorCode'));
  });
});
