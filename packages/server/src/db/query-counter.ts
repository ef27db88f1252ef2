import type { Logger } from 'typeorm';
import { CLOCK_SYNC_SQL } from '../common/clock';

// Counts SQL statements so tests can prove DataLoaders keep the count flat as
// pages grow. TypeORM calls logQuery for every statement it sends. The
// clock's sync runs on a timer, not for a request: a test running past a
// minute would otherwise count it against whichever request it lands in.
export class QueryCounter implements Logger {
  count = 0;
  logQuery(query: string): void {
    if (query !== CLOCK_SYNC_SQL) this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
