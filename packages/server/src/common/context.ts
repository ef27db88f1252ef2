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
  /** Analysts' reads (charges, chargeSummary, exports): the read replica when it is fresh, else ds. */
  reads: Reads;
  /** Outbound settings the API needs: the SSRF rule for webhook URLs, the local mailbox. */
  outbound?: {
    webhookAllowLocal: boolean;
    mailDir: string | null;
    /** How many webhook endpoints one key may register (WEBHOOK_ENDPOINTS_PER_KEY). */
    webhookEndpointsPerKey?: number;
    /** Seals and opens webhook secrets as stored (WEBHOOK_SECRET_KEY); unset: endpoints cannot be created. */
    webhookSecrets?: { seal: (secret: string) => string; open: (stored: string) => string };
    /** How long a rotated-out secret still signs beside the new one (WEBHOOK_SECRET_OVERLAP_HOURS). */
    webhookSecretOverlapMs?: number;
  };
  /** The scheduled jobs' cron patterns (EXPIRY_SCHEDULE, RECONCILIATION_SCHEDULE), for "next run". */
  schedules?: { expiry: string; reconciliation: string; noticeDays: number[] };
  /** Customer portal links (createPortalLink): their base URL and life. */
  portal?: PortalSettings;
  /** The request's instant on that clock: every read-time expiry check uses it; moved on after each mutation. */
  now: Date;
}

/** Where customer portal links point (PUBLIC_URL, no trailing slash) and how long they work (PORTAL_LINK_DAYS). */
export interface PortalSettings {
  publicUrl: string;
  linkDays: number;
}

/**
 * Where analysts' reads go (charges, chargeSummary, exports): a read replica
 * (DATABASE_READ_URL) while it is up and at most `maxLagMs` behind, else the
 * primary (db/read-replica.ts). Anything that decides or shows a balance never
 * comes here: it reads the primary through ctx.ds and the loaders.
 */
export interface Reads {
  /** The data source for an analyst's read starting now. */
  current: () => DataSource;
  /**
   * Runs `read` on current(); when the replica turns out to be unreachable
   * mid-read, marks it down and runs `read` again on the primary. For reads
   * only: a read may run twice.
   */
  run: <T>(read: (ds: DataSource) => Promise<T>) => Promise<T>;
}
