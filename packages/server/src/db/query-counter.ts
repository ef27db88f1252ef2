import type { Logger } from 'typeorm';

// Counts SQL statements so tests can prove DataLoaders keep the count flat as
// pages grow. TypeORM calls logQuery for every statement it sends.
export class QueryCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
