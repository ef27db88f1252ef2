import type { FieldNode, GraphQLField } from 'graphql';
import type { ServiceContext } from '../../common/context';
import type { Viewer } from '../../common/viewer';
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
  /** The gateway's schedules (cron patterns), as the request context has them. */
  schedules?: ServiceContext['schedules'];
  /** Who asks (role, key, name): what `me` answers and a root field's permission is checked against. */
  viewer: Viewer;
  /** A field's coerced arguments, defaults applied (memoised per request). */
  args: (field: FieldNode, def: GraphQLField<unknown, unknown>) => Record<string, unknown>;
}

/** A placeholder's value for a request; throws to send the request down the regular path. */
export type Slot = (run: Run) => unknown;

/**
 * A piece of SQL built per request from argument values by the resolvers'
 * own builder (a filter's WHERE, the charge rollup's source): its text with
 * placeholders $1..$n and their values. The executor renumbers them after
 * the statement's own and splices the text in where `SqlBuilder.dynamic`
 * left its mark, so the rule stays written once, in the resolvers' module.
 */
export type DynamicSql = (run: Run) => { sql: string; params: unknown[] };

/** Why a document or request is left to the regular resolvers (never shown to clients). */
export class NotCompiled extends Error {}

export class SqlBuilder {
  readonly slots: Slot[] = [];
  readonly dynamics: DynamicSql[] = [];
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

  /**
   * A mark where `build`'s SQL goes for each request (see DynamicSql). The
   * statement's text then depends on which filter fields are set, not only
   * on the document; the prepared statements' LRU bounds the variants.
   */
  dynamic(build: DynamicSql): string {
    this.dynamics.push(build);
    return dynamicMark(this.dynamics.length - 1);
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

export const dynamicMark = (i: number) => `/*@dyn${i}@*/`;

/**
 * A statement's text and values for one request: the static slots' values,
 * then each dynamic piece's own, renumbered to follow them (a piece the
 * text does not use sends none: Postgres refuses unused values).
 */
export function resolveStatement(
  sql: string,
  slots: Slot[],
  dynamics: DynamicSql[],
  run: Run,
): { sql: string; values: unknown[] } {
  const values = slots.map((slot) => slot(run));
  let text = sql;
  dynamics.forEach((build, i) => {
    // Built (and so checked) even when the selection left it out: its
    // checks are the resolvers', whose builder runs whatever is selected.
    const piece = build(run);
    if (!text.includes(dynamicMark(i))) return;
    const offset = values.length;
    values.push(...piece.params);
    const renumbered = piece.sql.replace(/\$(\d+)/g, (_, d: string) => `$${Number(d) + offset}`);
    text = text.split(dynamicMark(i)).join(renumbered);
  });
  return { sql: text, values };
}

/** timestamptz as graphql-scalars' DateTimeISO prints a Date: milliseconds (truncated, as pg's Date is), UTC. */
export const iso = (col: string) =>
  `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The gateway's opaque cursor, base64url("k:" + key) unpadded (see
 * common/pagination); NULL stays NULL. encode() wraps its base64 every 76
 * characters, which a charge's (instant, id) key passes: the newlines go.
 */
export const cursor = (keyText: string) =>
  `translate(rtrim(encode(convert_to('k:' || (${keyText}), 'UTF8'), 'base64'), '='), E'+/\\n', '-_')`;

/** The read rules (a lot live at an instant, balance as of an instant): db/read-rules.ts, their one home. */
export const liveAt = liveAtSql;
export const balanceAt = balanceAtSql;

/** A JSON object from (response key, SQL expression) pairs, in selection order. */
export const jsonObject = (pairs: [string, string][]) =>
  `json_build_object(${pairs.map(([k, v]) => `'${k}', ${v}`).join(', ')})`;
