import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { type BuildSchemaOptions, buildSchema, buildSchemaSync } from 'type-graphql';
import { AccountResolver } from '../accounts/account.resolver';
import { AuditResolver } from '../audit/audit.resolver';
import { ApiKeyResolver } from '../keys/key.resolver';
import {
  AllocationResolver,
  ChargeResolver,
  CreditLotResolver,
  LedgerEntryResolver,
  LedgerResolver,
  RefundResolver,
} from '../ledger/ledger.resolver';
import { LicenseResolver } from '../licenses/license.resolver';
import { StatementDeliveryResolver, StatementResolver } from '../outbox/statement.resolver';
import { ScheduleResolver } from '../ledger/schedule.resolver';
import { FinanceResolver } from '../ledger/finance.resolver';
import { MailDeliveryResolver } from '../mail/mail-delivery.resolver';
import { AccountNoticesResolver, LowBalanceResolver } from '../notices/notice.resolver';
import { PortalLinkResolver } from '../portal/portal-link.resolver';
import { PricingResolver } from '../pricing/pricing.resolver';
import { QuoteResolver, TicketResolver } from '../tickets/ticket.resolver';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from '../webhooks/webhook.resolver';
import { authChecker } from './auth-checker';
import { ErrorCodesResolver } from './error-codes.resolver';
import { freshReadsAfterWrite } from './fresh-reads';
import './enums';

export const resolvers = [
  AccountResolver,
  LicenseResolver,
  TicketResolver,
  QuoteResolver,
  LedgerResolver,
  CreditLotResolver,
  AllocationResolver,
  ChargeResolver,
  RefundResolver,
  LedgerEntryResolver,
  StatementResolver,
  StatementDeliveryResolver,
  WebhookEndpointResolver,
  WebhookDeliveryResolver,
  ApiKeyResolver,
  PricingResolver,
  ErrorCodesResolver,
  ScheduleResolver,
  FinanceResolver,
  MailDeliveryResolver,
  AccountNoticesResolver,
  LowBalanceResolver,
  AuditResolver,
  PortalLinkResolver,
] as const;

// Object types are declared with `simpleResolvers: true`: their plain fields
// need no middleware (authorization sits on the root fields), and skipping
// type-graphql's per-field middleware chain is measurable on large pages.
const options: BuildSchemaOptions = {
  resolvers,
  authChecker,
  globalMiddlewares: [freshReadsAfterWrite],
  // Inputs are checked by the services, which know the contract's field names.
  validate: false,
};

export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema(options);
}

export function buildGatewaySchemaSync(): GraphQLSchema {
  return buildSchemaSync(options);
}
