import { recordAudit } from '../audit/audit';
import type { ServiceContext } from '../common/context';
import { notFound } from '../common/errors';
import { newId, parseId } from '../common/ids';
import { text } from '../common/validate';
import { liveBalance } from '../ledger/balance';
import { lotsOf } from '../ledger/ledger-writes';
import { LicenseEntity } from '../licenses/license.entity';
import { type TicketCategory, TicketStatus } from '../policy/enums';
import { priceFor } from '../policy/prices';
import { TicketEntity } from './ticket.entity';
import type { QuoteType } from './ticket.type';

async function visibleLicense(ctx: ServiceContext, licenseId: string): Promise<LicenseEntity> {
  const license = await ctx.access.visible(
    await ctx.ds.manager.findOneBy(LicenseEntity, { id: parseId(licenseId, 'licenseId') }),
  );
  if (!license) throw notFound(licenseId, 'License');
  return license;
}

/** P8: the category and the license's edition and plan fix level and price. */
export async function quote(
  ctx: ServiceContext,
  licenseId: string,
  category: TicketCategory,
): Promise<QuoteType> {
  const license = await visibleLicense(ctx, licenseId);
  const { level, price } = priceFor(license.edition, license.hostingPlan, category);
  const balance = liveBalance(await lotsOf(ctx.ds.manager, license.accountId), ctx.now);
  return {
    licenseId: license.id,
    category,
    level,
    price,
    balance,
    sufficient: balance >= price.max,
  };
}

/** The price range is fixed at opening; later policy changes do not reprice it. */
export async function openTicket(
  ctx: ServiceContext,
  input: { licenseId: string; category: TicketCategory; subject: string },
): Promise<TicketEntity> {
  const subject = text(input.subject, 'subject', { max: 500 });
  const license = await visibleLicense(ctx, input.licenseId);
  const { level, price } = priceFor(license.edition, license.hostingPlan, input.category);
  return ctx.ds.transaction(async (tx) => {
    // The database's clock, as for charges and refunds, so a ticket's history
    // never shows it charged before it was opened.
    const at = await ctx.clock.lockedNow(tx);
    const ticket: TicketEntity = {
      id: newId(),
      accountId: license.accountId,
      licenseId: license.id,
      category: input.category,
      level,
      subject,
      status: TicketStatus.OPEN,
      priceMin: price.min,
      priceMax: price.max,
      openedAt: at,
      openedByKeyId: ctx.viewer.keyId,
      openedByName: ctx.viewer.name,
    };
    await tx.insert(TicketEntity, ticket);
    await recordAudit(tx, ctx, 'openTicket', license.accountId, ticket.id, {
      category: input.category,
    });
    return ticket;
  });
}
