import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { exampleTabs } from './examples';

const schema = buildSchema(
  readFileSync(path.resolve(__dirname, '../../../../schema/schema.graphql'), 'utf8'),
);

describe('explorer examples', () => {
  const tabs = exampleTabs({ accountId: 'a', licenseId: 'l', ticketId: 't' }, 'charge-1');

  it.each(tabs.map((t) => [t.query.match(/(query|mutation) (\w+)/)?.[2] ?? '?', t]))(
    '%s is valid against the committed schema',
    (_name, tab) => {
      expect(validate(schema, parse(tab.query)).map((e) => e.message)).toEqual([]);
    },
  );

  it('fill their variables with the ids given, and the charge with an idempotency key', () => {
    expect(JSON.parse(tabs[1]!.variables)).toEqual({ id: 'a' });
    expect(JSON.parse(tabs[2]!.variables)).toEqual({ licenseId: 'l', category: 'SETUP' });
    expect(JSON.parse(tabs[3]!.variables)).toEqual({
      input: { ticketId: 't', credits: 30, idempotencyKey: 'charge-1' },
    });
  });
});
