import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula, toCsv } from './csv';
import { CSV_HEADER, chargeToCsvRow } from './use-csv-export';

describe('CSV', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(42)).toBe('42');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
  });

  it('joins rows with CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('neutralises spreadsheet formulas in free text', () => {
    expect(neutralizeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(neutralizeFormula('+1')).toBe("'+1");
    expect(neutralizeFormula('normal')).toBe('normal');
  });

  it('writes one charge per row with the refund columns', () => {
    const row = chargeToCsvRow({
      id: 'c1',
      createdAt: '2025-01-02T03:04:05.000Z',
      credits: 25,
      included: false,
      refunded: true,
      balanceAfter: 175,
      account: { id: 'a1', name: 'Acme, Inc.' },
      ticket: {
        id: 't1',
        subject: 'Checkout "broken"',
        category: 'BUG_REPORT',
        level: 'LEVEL_1',
        license: { id: 'l1', domain: 'shop.example.com', edition: 'OWNED', hostingPlan: null },
      },
      refund: {
        id: 'r1',
        createdAt: '2025-01-03T00:00:00.000Z',
        credits: 25,
        reason: 'vendor bug',
      },
    });
    expect(row).toHaveLength(CSV_HEADER.length);
    expect(toCsv(CSV_HEADER, [row]).split('\r\n')[1]).toBe(
      'c1,2025-01-02T03:04:05.000Z,a1,"Acme, Inc.",t1,"Checkout ""broken""",BUG_REPORT,LEVEL_1,shop.example.com,OWNED,,25,false,175,true,2025-01-03T00:00:00.000Z,25,vendor bug',
    );
  });
});
