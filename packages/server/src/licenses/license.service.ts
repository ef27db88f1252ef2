import type { ServiceContext } from '../common/context';
import { badInput, notFound } from '../common/errors';
import { parseId } from '../common/ids';
import { instant, text } from '../common/validate';
import { grantLicense } from '../ledger/grant';
import { type LicenseTerms, checkLicenseTerms } from '../policy/license-terms';
import { type GrantDecision, grantFor } from '../policy/grants';
import type { Edition, HostingPlan } from '../policy/enums';
import type { LicenseEntity } from './license.entity';

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

/** P1-P5: checks the terms, decides the grant, and has the ledger record both. */
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
  return grantLicense(ctx, {
    accountId,
    edition: input.edition,
    hostingPlan: input.hostingPlan ?? null,
    domain,
    orderDate,
    listPriceCents: input.listPriceCents,
    paidPriceCents: input.paidPriceCents,
    creditsGranted: decision.credits,
    grantNote: decision.note,
  });
}
