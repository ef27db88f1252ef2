import { recordAudit } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import { badInput, notFound } from '../common/errors';
import { newId, parseId } from '../common/ids';
import { instant, text } from '../common/validate';
import { lockAccount } from '../ledger/account-lock';
import { grantLicenseCredits } from '../ledger/grant';
import { type LicenseTerms, checkLicenseTerms } from '../policy/license-terms';
import { type GrantDecision, grantFor } from '../policy/grants';
import type { Edition, HostingPlan } from '../policy/enums';
import { LicenseEntity } from './license.entity';
import { ledgerTransaction } from '../ledger/ledger-transaction';

export interface IssueLicense {
  accountId: string;
  edition: Edition;
  hostingPlan?: HostingPlan | null;
  domain: string;
  orderDate: Date;
  listPriceCents: number;
  paidPriceCents: number;
}

/** P1-P5 decided by the policy, refused with the field to fix. */
export function decideGrant(
  input: Omit<IssueLicense, 'accountId' | 'domain' | 'orderDate'>,
): GrantDecision {
  const terms: LicenseTerms = {
    edition: input.edition,
    hostingPlan: input.hostingPlan ?? null,
    listPriceCents: input.listPriceCents,
    paidPriceCents: input.paidPriceCents,
  };
  const problem = checkLicenseTerms(terms);
  if (problem) throw badInput(problem.field, problem.message);
  return grantFor(terms);
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** The license and its grant lot in one transaction under the account lock. */
export async function issueLicense(
  ctx: ServiceContext,
  input: IssueLicense,
): Promise<LicenseEntity> {
  const accountId = parseId(input.accountId, 'accountId');
  const domain = text(input.domain, 'domain', { max: 253 }).toLowerCase();
  if (!DOMAIN.test(domain))
    throw badInput('domain', 'domain must be a domain name such as shop.example.com.');
  const orderDate = instant(input.orderDate, 'orderDate');
  const decision = decideGrant(input);
  if (!(await ctx.access.canSee(accountId))) throw notFound(input.accountId, 'Account');

  return ledgerTransaction(ctx.ds, async (tx) => {
    const at = await lockAccount(tx, ctx.clock, accountId);
    if (orderDate.getTime() > at.getTime())
      throw badInput('orderDate', 'orderDate must not be in the future.');
    const license: LicenseEntity = {
      id: newId(),
      accountId,
      edition: input.edition,
      hostingPlan: input.hostingPlan ?? null,
      domain,
      orderDate,
      listPriceCents: input.listPriceCents,
      paidPriceCents: input.paidPriceCents,
      creditsGranted: decision.credits,
      grantNote: decision.note,
      createdAt: at,
    };
    await tx.insert(LicenseEntity, license);
    await grantLicenseCredits(tx, license, at);
    await recordAudit(tx, ctx, 'issueLicense', accountId, license.id, {
      edition: license.edition,
      credits: decision.credits,
    });
    return license;
  });
}
