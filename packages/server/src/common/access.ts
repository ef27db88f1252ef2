import type DataLoader from 'dataloader';
import { notFound } from './errors';
import { type Viewer, isScoped } from './viewer';

// Account scope for PARTNER keys and CUSTOMER portal links. Another account
// must look exactly like one that does not exist, so every miss is
// NOT_FOUND with the id asked.
export class Access {
  constructor(
    readonly viewer: Viewer,
    private readonly inScope: DataLoader<string, boolean>,
  ) {}

  get scoped(): boolean {
    return isScoped(this.viewer.role);
  }

  async canSee(accountId: string): Promise<boolean> {
    return !this.scoped || (await this.inScope.load(accountId));
  }

  /** Throws NOT_FOUND (about `id`, what the caller asked for) when out of scope. */
  async assertCanSee(accountId: string, id: string, what: string): Promise<void> {
    if (!(await this.canSee(accountId))) throw notFound(id, what);
  }

  /** Filters a nullable lookup by scope. */
  async visible<T extends { accountId: string }>(row: T | null): Promise<T | null> {
    return row && (await this.canSee(row.accountId)) ? row : null;
  }
}

/**
 * What a read's SQL needs to apply the scope: whether it applies, and who
 * asks. A request's context is one; the compiled reads build one per request.
 */
export interface ReadScope {
  access: Pick<Access, 'scoped'>;
  viewer: Viewer;
}
