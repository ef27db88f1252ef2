import { InitialSchema1795742903798 } from './1795742903798-initial-schema';
import { LedgerGuards1795743000000 } from './1795743000000-ledger-guards';
import { Outbound1795744000000 } from './1795744000000-outbound';

// Applied in this order on start; never edit one that has landed.
export const migrations: Function[] = [
  InitialSchema1795742903798,
  LedgerGuards1795743000000,
  Outbound1795744000000,
];
