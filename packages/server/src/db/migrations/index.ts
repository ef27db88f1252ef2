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
import { SupportDesk1796800000000 } from './1796800000000-support-desk';

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
  SupportDesk1796800000000,
];
