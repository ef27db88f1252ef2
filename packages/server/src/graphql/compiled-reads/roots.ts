import type { ReadScope } from '../../common/access';
import type { Permission } from '../../common/viewer';
import type { Selected } from './selection';
import type { Env } from './shapes';
import type { DynamicSql, Run, Slot } from './sql-builder';

/**
 * One root field: a statement returning its value as JSON text in column
 * `v`, a constant, or an answer computed in Node from policy/ data (no
 * database read). `requires`: the permission the field's @Authorized asks;
 * a role without it is the resolvers' to refuse.
 */
export type CompiledRoot =
  | {
      key: string;
      sql: string;
      slots: Slot[];
      dynamics: DynamicSql[];
      /** A null answer is the resolvers' to give (with their error: a missing row). */
      nullIsError?: boolean;
      requires?: Permission;
    }
  | { key: string; constant: string }
  | { key: string; compute: (run: Run) => string; requires?: Permission };

/** Compiles root field `f` (throws NotCompiled for a selection it does not know). */
export type RootCompiler = (env: Env, f: Selected, scoped: boolean) => CompiledRoot;

/** The root field's statement: `sql` and the builder's placeholders. */
export const statement = (
  env: Env,
  f: Selected,
  sql: string,
  extra: { nullIsError?: boolean; requires?: Permission } = {},
): CompiledRoot => ({ key: f.key, sql, slots: env.b.slots, dynamics: env.b.dynamics, ...extra });

/** The scope a resolver's own SQL builder reads, for one request. */
export const readScope = (scoped: boolean, run: Run): ReadScope => ({
  access: { scoped },
  viewer: run.viewer,
});
