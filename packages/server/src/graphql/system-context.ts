import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { type Clock, DbClock } from '../common/clock';
import { Role } from '../policy/enums';
import { Access } from '../common/access';
import { primaryOnly } from '../db/read-replica';
import type { RequestContext } from './context';
import { createLoaders } from './loaders';

/** A context for work the gateway does on its own behalf (demo data, jobs). */
export function systemContext(
  ds: DataSource,
  log: Logger,
  name: string,
  clock: Clock = new DbClock(ds),
): RequestContext {
  const viewer = { role: Role.ADMIN, keyId: null, name };
  const loaders = createLoaders(ds, viewer);
  return {
    viewer,
    requestId: `system-${randomUUID()}`,
    ds,
    reads: primaryOnly(ds),
    loaders,
    access: new Access(viewer, loaders.inScope),
    log,
    clock,
    now: clock.now(),
  };
}
