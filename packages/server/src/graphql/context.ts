import { Access } from '../common/access';
import type { Clock } from '../common/clock';
import type { ServiceContext } from '../common/context';
import type { Viewer } from '../common/viewer';
import { type Loaders, createLoaders } from './loaders';

/** A GraphQL request's context: the service context plus its DataLoaders. */
export interface RequestContext extends ServiceContext {
  loaders: Loaders;
  /**
   * A compiled read of this request already failed on the short path: the
   * resolvers answer it all, without trying the compiled SQL again.
   */
  compiledReadsFailed?: boolean;
}

/** What every request's context shares: the gateway's data sources, log, clock and settings. */
export type ContextDeps = Pick<
  ServiceContext,
  'ds' | 'reads' | 'log' | 'outbound' | 'schedules' | 'portal'
> & { clock: Clock };

/**
 * The context of one request by `viewer`, at `now` (the clock's now by
 * default). The HTTP gateway builds every request's context here, and so
 * does the read-engine differential test, so both paths it compares see the
 * same loaders, scope and instant.
 */
export function requestContext(
  deps: ContextDeps,
  viewer: Viewer,
  requestId: string,
  now: Date = deps.clock.now(),
): RequestContext {
  const loaders = createLoaders(deps.ds, viewer);
  return {
    viewer,
    requestId,
    ds: deps.ds,
    reads: deps.reads,
    loaders,
    access: new Access(viewer, loaders.inScope),
    log: deps.log.child({ requestId }),
    clock: deps.clock,
    now,
    outbound: deps.outbound,
    schedules: deps.schedules,
    portal: deps.portal,
  };
}
