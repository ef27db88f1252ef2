import type { ServiceContext } from '../common/context';
import type { Loaders } from './loaders';

/** A GraphQL request's context: the service context plus its DataLoaders. */
export interface RequestContext extends ServiceContext {
  loaders: Loaders;
}
