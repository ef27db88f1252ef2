import {
  type DocumentNode,
  OperationTypeNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
} from 'graphql';
import { searchPattern } from '../../accounts/account.service';
import { parseId } from '../../common/ids';
import { text } from '../../common/validate';
import type { TicketCategory } from '../../policy/enums';
import { CATEGORY_TABLE } from '../../policy/prices';
import { type CompiledRoot, type RootCompiler, statement } from './roots';
import { HISTORY_ROOTS } from './roots-history';
import { PLAIN_ROOTS } from './roots-plain';
import { STAFF_ROOTS } from './roots-staff';
import { type Selected, selectedFields, subSelection } from './selection';
import {
  type Env,
  accountJson,
  argOf,
  balanceNow,
  before,
  connectionJson,
  licenseJson,
  objectJson,
  pageSlots,
  planKeySql,
  scopeSql,
  ticketJson,
} from './shapes';
import { NotCompiled, type Run, SqlBuilder } from './sql-builder';

export type { CompiledRoot } from './roots';

/**
 * An operation's root fields in response order, each with its statement, or
 * null where the field is not compiled (the resolvers answer that one).
 */
export interface CompiledOperation {
  roots: Selected[];
  compiled: (CompiledRoot | null)[];
}

/** The account and ticket reads (the account page, the list, the ticket page, the quote). */
const ACCOUNT_ROOTS: Record<string, RootCompiler> = {
  account(env, f, scoped) {
    const b = env.b;
    // findAccount: the row if it exists and is in the caller's scope, else null.
    const a = b.alias('a');
    const id = b.param((run) => parseId(argOf(f, 'id')(run) as string, 'id'), 'uuid');
    const sql = `SELECT ${accountJson(env, f, a)}::text AS v FROM accounts ${a}
                  WHERE ${a}.id = ${id} AND ${scopeSql(b, `${a}.id`, scoped)}`;
    return statement(env, f, sql);
  },
  ticket(env, f, scoped) {
    const b = env.b;
    // The ticket if it exists and its account is in the caller's scope, else null.
    const t = b.alias('t');
    const id = b.param((run) => parseId(argOf(f, 'id')(run) as string, 'id'), 'uuid');
    const sql = `SELECT ${ticketJson(env, f, t)}::text AS v FROM tickets ${t}
                  WHERE ${t}.id = ${id} AND ${scopeSql(b, `${t}.account_id`, scoped)}`;
    return statement(env, f, sql);
  },
  quote(env, f, scoped) {
    const b = env.b;
    // tickets/ticket.service's quote: policy/prices' level and range for the
    // license's plan (the category's row passed in from CATEGORY_TABLE), its
    // account's live balance. No visible license: the resolver's NOT_FOUND.
    const li = b.alias('q');
    const row = (run: Run) => CATEGORY_TABLE[argOf(f, 'category')(run) as TicketCategory];
    const id = b.param((run) => parseId(argOf(f, 'licenseId')(run) as string, 'licenseId'), 'uuid');
    const x = b.alias('x');
    const obj = objectJson(
      env,
      subSelection(f),
      f.type!,
      x,
      {
        category: () => b.param(argOf(f, 'category'), 'text'),
        level: () => b.param((run) => row(run).level, 'text'),
        balance: (y) => `${y}.balance`,
        sufficient: (y) => `(${y}.balance >= ${y}.max)`,
      },
      (g) => {
        if (g.name === 'price')
          return objectJson(env, subSelection(g), g.type!, x, {
            min: (y) => `${y}.min`,
            max: (y) => `${y}.max`,
            included: (y) => `(${y}.min = 0 AND ${y}.max = 0)`,
          });
        if (g.name === 'license') return licenseJson(env, g, li);
        return null;
      },
    );
    const prices = b.param((run) => JSON.stringify(row(run).prices), 'jsonb');
    const sql = `SELECT ${obj}::text AS v FROM licenses ${li}
                  CROSS JOIN LATERAL (SELECT (${prices} -> ${planKeySql(li)} ->> 'min')::int AS min,
                                             (${prices} -> ${planKeySql(li)} ->> 'max')::int AS max,
                                             ${balanceNow(b, `${li}.account_id`)} AS balance) ${x}
                  WHERE ${li}.id = ${id} AND ${scopeSql(b, `${li}.account_id`, scoped)}`;
    return statement(env, f, sql, { nullIsError: true });
  },
  accounts(env, f, scoped) {
    const b = env.b;
    // listAccounts: newest first, the caller's scope, name or e-mail search.
    const { first, after } = pageSlots(env, f, 20);
    const search = b.param((run) => {
      const s = argOf(f, 'search')(run) as string | null;
      return s?.trim() ? searchPattern(text(s, 'search', { max: 200 })) : null;
    }, 'text');
    const where = (x: string) =>
      `(${scopeSql(b, `${x}.id`, scoped)}) AND (${search} IS NULL OR ${x}.name ILIKE ${search} OR ${x}.email ILIKE ${search})`;
    const a = b.alias('a');
    const ca = b.alias('ca');
    const page = connectionJson(
      env,
      f,
      {
        rows: `SELECT ${a}.*, row_number() OVER (ORDER BY ${a}.id DESC) AS n FROM accounts ${a}
                WHERE ${where(a)} AND ${before(a, after)} ORDER BY ${a}.id DESC LIMIT ${first} + 1`,
        first,
        after,
        total: `(SELECT count(*)::int FROM accounts ${ca} WHERE ${where(ca)})`,
      },
      (g, p) => accountJson(env, g, p),
    );
    return statement(env, f, `SELECT ${page}::text AS v`);
  },
  license(env, f, scoped) {
    const b = env.b;
    // The license if it exists and its account is in the caller's scope, else null.
    const li = b.alias('li');
    const id = b.param((run) => parseId(argOf(f, 'id')(run) as string, 'id'), 'uuid');
    const sql = `SELECT ${licenseJson(env, f, li)}::text AS v FROM licenses ${li}
                  WHERE ${li}.id = ${id} AND ${scopeSql(b, `${li}.account_id`, scoped)}`;
    return statement(env, f, sql);
  },
};

const ROOTS: Record<string, RootCompiler> = {
  ...ACCOUNT_ROOTS,
  ...HISTORY_ROOTS,
  ...STAFF_ROOTS,
  ...PLAIN_ROOTS,
};

function compileRoot(env: Env, f: Selected, scoped: boolean): CompiledRoot {
  if (f.name === '__typename') return { key: f.key, constant: 'Query' };
  const compile = Object.hasOwn(ROOTS, f.name) ? ROOTS[f.name] : undefined;
  if (!compile) throw new NotCompiled(`Query.${f.name}`);
  return compile(env, f, scoped);
}

/**
 * Compiles each root field of a query operation that is one of the read
 * shapes into one SQL statement, built from the selection set: only the
 * selected columns, the nested JSON built by Postgres. The text depends on
 * the document, the scope and the values of @include/@skip conditions
 * (`vars` is read for those alone). Null for anything but a query.
 */
export function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  scoped: boolean,
  vars: Record<string, unknown>,
): CompiledOperation | null {
  const query = schema.getQueryType();
  if (operation.operation !== OperationTypeNode.QUERY || !query) return null;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  let roots: Selected[];
  try {
    roots = selectedFields(operation.selectionSet, query, { fragments, vars });
  } catch (err) {
    if (err instanceof NotCompiled) return null;
    throw err;
  }
  const compiled = roots.map((f) => {
    try {
      return compileRoot({ b: new SqlBuilder(), fragments, vars }, f, scoped);
    } catch (err) {
      if (err instanceof NotCompiled) return null;
      throw err;
    }
  });
  return { roots, compiled };
}
