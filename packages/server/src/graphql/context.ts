import type { ServiceContext } from '../common/context';
import type { Loaders } from './loaders';

/** A GraphQL request's context: the service context plus its DataLoaders. */
export interface RequestContext extends ServiceContext {
  loaders: Loaders;
  /**
   * A compiled read of this request already failed on the short path: the
   * resolvers answer it all, without trying the compiled SQL again.
   */
  compiledReadsFailed?: boolean;
}
