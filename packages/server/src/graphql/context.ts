import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Actor } from '../audit/audit';
import type { Access } from '../common/access';
import type { Loaders } from './loaders';
import type { Viewer } from '../common/viewer';

export interface RequestContext extends Actor {
  viewer: Viewer;
  requestId: string;
  ds: DataSource;
  loaders: Loaders;
  access: Access;
  log: Logger;
  /** The database's clock (see DbClock). */
  clock: { now(): Date };
  /** The request's instant on that clock: every read-time expiry check uses it; moved on after each mutation. */
  now: Date;
  /** Outbound settings the API needs: the SSRF rule for webhook URLs, the local mailbox. */
  outbound?: { webhookAllowLocal: boolean; mailDir: string | null };
}
