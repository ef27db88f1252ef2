import { describe, expect, it } from 'vitest';
import { mailDate, mailMoney, portalHtml, portalText, shortRef } from './readable';

describe('what customer e-mails show', () => {
  it('dates as "1 Jan 2027", on the UTC calendar', () => {
    expect(mailDate(new Date('2027-01-01T00:00:00.000Z'))).toBe('1 Jan 2027');
    expect(mailDate(new Date('2025-02-28T23:59:59.999Z'))).toBe('28 Feb 2025');
  });

  it('a short reference instead of a UUID', () => {
    expect(shortRef('T', '01a24479-ebd6-71ed-bd90-8b239fdb920e')).toBe('T-9FDB920E');
  });

  it('money exactly, in the currency’s own minor unit', () => {
    expect(mailMoney(4_999, 'EUR')).toBe('€49.99');
    expect(mailMoney(5, 'USD')).toBe('US$0.05');
    expect(mailMoney(500, 'JPY')).toBe('JP¥500');
    expect(mailMoney(2_147_483_647, 'GBP')).toBe('£21,474,836.47');
  });

  it('the portal link, in both parts, with the day it stops working', () => {
    const link = {
      url: 'https://credits.example.com/portal/cgp_a-b_c?x=1&y="2"',
      expiresAt: new Date('2027-01-31T12:00:00.000Z'),
    };
    expect(portalText(link)).toContain(`\n${link.url}\n`);
    expect(portalText(link)).toContain('works until 31 Jan 2027');
    expect(portalHtml(link)).toContain(
      'href="https://credits.example.com/portal/cgp_a-b_c?x=1&#38;y=&#34;2&#34;"',
    );
    expect(portalHtml(link)).toContain('works until 31 Jan 2027');
  });
});
