import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contractBreaks,
  contractPath,
  originalContractPath,
  printGatewaySchema,
} from './emit-schema';

describe('the partner contract in the repository (docs/api-contract.graphql)', () => {
  it('is what the schema is checked against, and the schema breaks none of it', () => {
    const contract = fs.readFileSync(contractPath, 'utf8');
    expect(contract).toMatch(/type Query/);
    expect(contractBreaks(printGatewaySchema(), contract)).toEqual([]);
  });

  it.skipIf(!fs.existsSync(originalContractPath))(
    'equals the original handed over beside the checkout (../shared), byte for byte',
    () => {
      expect(fs.readFileSync(contractPath, 'utf8')).toBe(
        fs.readFileSync(originalContractPath, 'utf8'),
      );
    },
  );
});
