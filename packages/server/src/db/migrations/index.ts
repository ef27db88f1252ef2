import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795742903798 } from './1795742903798-initial-schema';
import { LedgerGuards1795743000000 } from './1795743000000-ledger-guards';
import { RateLimits1795743100000 } from './1795743100000-rate-limits';
import { Outbound1795744000000 } from './1795744000000-outbound';
import { ApiKeyLastUsed1796116016540 } from './1796116016540-api-key-last-used';
import { CitusReadyKeys1796117634449 } from './1796117634449-citus-ready-keys';
import { TicketStatusFromLedger1796200000000 } from './1796200000000-ticket-status-from-ledger';
import { ScheduledWork1796300000000 } from './1796300000000-scheduled-work';
import { LowBalance1796300100000 } from './1796300100000-low-balance';
import { OneReadRule1796500000000 } from './1796500000000-one-read-rule';
import { OutboundIsolation1796700000000 } from './1796700000000-outbound-isolation';
import { SupportDesk1796800000000 } from './1796800000000-support-desk';
import { PaymentReferenceNamespaces1796900000000 } from './1796900000000-payment-reference-namespaces';
import { LotMoney1796900100000 } from './1796900100000-lot-money';
import { Receipts1796900200000 } from './1796900200000-receipts';
import { WebhookAttemptDetail1797200000000 } from './1797200000000-webhook-attempt-detail';
import { ChargeRollup1797000000000 } from './1797000000000-charge-rollup';
import { WebhookSecretRotation1797100000000 } from './1797100000000-webhook-secret-rotation';
import { PortalLinks1797300000000 } from './1797300000000-portal-links';
import { TicketStatusRule1797400000000 } from './1797400000000-ticket-status-rule';
import { WebhookDueIndex1797500000000 } from './1797500000000-webhook-due-index';
import { OutboxClaims1797600000000 } from './1797600000000-outbox-claims';
import { ChargesByTime1797700000000 } from './1797700000000-charges-by-time';
import { ChargeRollupMonthly1797800000000 } from './1797800000000-charge-rollup-monthly';
import { EnqueueNewRows1797900000000 } from './1797900000000-enqueue-new-rows';
import { JobNotifications1798000000000 } from './1798000000000-job-notifications';
import { ChargesByTimeCovering1798100000000 } from './1798100000000-charges-by-time-covering';

// Applied in this order on start; never edit one that has landed.
export const migrations: (new () => MigrationInterface)[] = [
  InitialSchema1795742903798,
  LedgerGuards1795743000000,
  RateLimits1795743100000,
  Outbound1795744000000,
  ApiKeyLastUsed1796116016540,
  CitusReadyKeys1796117634449,
  TicketStatusFromLedger1796200000000,
  ScheduledWork1796300000000,
  LowBalance1796300100000,
  OneReadRule1796500000000,
  OutboundIsolation1796700000000,
  SupportDesk1796800000000,
  PaymentReferenceNamespaces1796900000000,
  LotMoney1796900100000,
  Receipts1796900200000,
  ChargeRollup1797000000000,
  WebhookSecretRotation1797100000000,
  WebhookAttemptDetail1797200000000,
  PortalLinks1797300000000,
  TicketStatusRule1797400000000,
  WebhookDueIndex1797500000000,
  OutboxClaims1797600000000,
  ChargesByTime1797700000000,
  ChargeRollupMonthly1797800000000,
  EnqueueNewRows1797900000000,
  JobNotifications1798000000000,
  ChargesByTimeCovering1798100000000,
];
