import type { FieldNode, GraphQLField } from 'graphql';
import { balanceAtSql, liveAtSql } from '../../db/read-rules';

// What one compiled statement is made of: SQL text with numbered
// placeholders, and for each placeholder how to get its value from the
// request. The text depends only on the query document (and whether the
// caller is partner-scoped), never on argument values, so one text serves
// every request of that document and can be a prepared statement.

/** The request a compiled statement runs for. */
export interface Run {
  /** The read-time expiry instant (ctx.now). */
  now: Date;
  /** The PARTNER key whose accounts are visible; null for every other role. */
  scopeKeyId: string | null;
  /** A field's coerced arguments, defaults applied (memoised per request). */
  args: (field: FieldNode, def: GraphQLField<unknown, unknown>) => Record<string, unknown>;
}

/** A placeholder's value for a request; throws to send the request down the regular path. */
export type Slot = (run: Run) => unknown;

/** Why a document or request is left to the regular resolvers (never shown to clients). */
export class NotCompiled extends Error {}

export class SqlBuilder {
  readonly slots: Slot[] = [];
  private aliases = 0;
  private readonly named = new Map<string, string>();

  /** A placeholder for `slot`, cast to `type`. */
  param(slot: Slot, type: string): string {
    this.slots.push(slot);
    return `$${this.slots.length}::${type}`;
  }

  /** One placeholder shared by every use of `name` in the statement (the instant, the scope key). */
  shared(name: string, slot: Slot, type: string): string {
    let p = this.named.get(name);
    if (!p) {
      p = this.param(slot, type);
      this.named.set(name, p);
    }
    return p;
  }

  /** A fresh table alias, so nested subqueries never shadow each other. */
  alias(prefix: string): string {
    this.aliases += 1;
    return `${prefix}${this.aliases}`;
  }

  now(): string {
    return this.shared('now', (run) => run.now, 'timestamptz');
  }
}

/** timestamptz as graphql-scalars' DateTimeISO prints a Date: milliseconds (truncated, as pg's Date is), UTC. */
export const iso = (col: string) =>
  `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The gateway's opaque cursor, base64url("k:" + key) unpadded (see common/pagination); NULL stays NULL. */
export const cursor = (keyText: string) =>
  `translate(rtrim(encode(convert_to('k:' || (${keyText}), 'UTF8'), 'base64'), '='), '+/', '-_')`;

/** The read rules (a lot live at an instant, balance as of an instant): db/read-rules.ts, their one home. */
export const liveAt = liveAtSql;
export const balanceAt = balanceAtSql;

/** A JSON object from (response key, SQL expression) pairs, in selection order. */
export const jsonObject = (pairs: [string, string][]) =>
  `json_build_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`;
