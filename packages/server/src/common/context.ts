import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Access } from './access';
import type { Clock } from './clock';
import type { Viewer } from './viewer';

/**
 * What a service needs of the request it serves: who calls, their scope, the
 * database and the clock. The schema layer's RequestContext extends it with
 * the per-request loaders; services never see those.
 */
export interface ServiceContext {
  viewer: Viewer;
  requestId: string;
  ds: DataSource;
  access: Access;
  log: Logger;
  clock: Clock;
  /** The request's instant on that clock: every read-time expiry check uses it; moved on after each mutation. */
  now: Date;
}
