import fc from 'fast-check';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

// Random read documents over the whole read schema, for the differential
// test (read-engine-differential.test.ts): selections at every depth,
// aliases, the same response key twice with mergeable selections, inline and
// named fragments, variables with and without defaults, @include/@skip, and
// arguments drawn from the seeded data (ids, real and bad cursors, instants
// around the lots' expiries).
//
// A document is built as a small tree (Sel) that fast-check shrinks, and
// printed at the end. Field merging (GraphQL's OverlappingFieldsCanBeMerged)
// is kept by construction: a response key names its field (`tickets_1` is
// always `tickets`), and inside a fragment or a repeated field's second
// selection every field with arguments gets an alias of that branch's own
// namespace, so only the deliberate copies share a key. A branch is named by
// its letter and depth, so a branch drawn one level up never shares a
// namespace with one drawn here.

/** An enum value inside a literal (printed bare; its name in variables). */
export class EnumValue {
  constructor(readonly name: string) {}
}

export type Value = null | boolean | number | string | EnumValue | Value[] | { [k: string]: Value };

export interface Arg {
  name: string;
  value: Value;
  /** The argument's declared type, for a variable's definition. */
  type: string;
  /** As a variable: its value sent, or left to the definition's default. */
  asVar: null | 'sent' | 'default';
}

export interface Directive {
  name: 'include' | 'skip';
  value: boolean;
  asVar: boolean;
}

export type Sel =
  | {
      kind: 'field';
      alias: string | null;
      name: string;
      args: Arg[];
      dirs: Directive[];
      sub: Sel[] | null;
    }
  | { kind: 'inline'; on: string | null; dirs: Directive[]; sub: Sel[] }
  | { kind: 'spread'; on: string; dirs: Directive[]; sub: Sel[] };

/** What the seeded data offers the generator. */
export interface Pools {
  accountIds: string[];
  ticketIds: string[];
  licenseIds: string[];
  /** API keys' ids (who opened a ticket, who acted in the audit trail). */
  keyIds: string[];
  /** Real cursors (first pages' and past-the-end ones), of every connection. */
  cursors: string[];
  /** ISO instants: before, at and after ledger entries; the lots' expiries. */
  instants: string[];
}

/** The root fields the compiled reads answer: drawn most often, so most documents compare. */
const COMPILED_ROOTS = new Set([
  'account',
  'accounts',
  'ticket',
  'quote',
  'charges',
  'chargeSummary',
  'tickets',
  'ticketCounts',
  'auditEvents',
  'me',
  'pricing',
  'grantPreview',
  'license',
  'apiKeys',
  'mailDelivery',
  'expirySchedule',
  'reconciliationReports',
  'errorCodes',
  'webhookEventTypes',
  'webhookEndpoints',
]);

/** Root fields the compiled reads are to answer: drawn more often than the rest. */
const HOT_ROOTS = new Set([
  'account',
  'accounts',
  'ticket',
  'charges',
  'chargeSummary',
  'quote',
  'me',
  'license',
]);

const MISSING_ID = '019b0000-0000-7000-8000-000000000000';
const BAD_ID = 'not-an-id';

export interface DocumentCase {
  query: string;
  variables: Record<string, unknown>;
}

/** Generators of read documents over `schema` and the seeded `pools`. */
export function readDocuments(
  schema: GraphQLSchema,
  pools: Pools,
  opts: {
    depth: number;
    /** Plain documents: no directives, fragments, repeats or variables (the shapes compiled today). */
    plain?: boolean;
  },
) {
  const plain = opts.plain ?? false;
  const query = schema.getQueryType()!;
  const idsFor = (field: string, arg: string): string[] => {
    if (arg === 'licenseId' || field === 'license') return pools.licenseIds;
    if (field === 'ticket') return pools.ticketIds;
    if (arg === 'accountId' || field === 'account') return pools.accountIds;
    if (arg === 'keyId' || arg === 'openedBy') return pools.keyIds;
    return [...pools.accountIds, ...pools.ticketIds];
  };

  /** A value of `type` for argument (or input field) `name` of `field`. */
  function valueArb(field: string, name: string, type: GraphQLInputType): fc.Arbitrary<Value> {
    const named = getNamedType(type);
    const nullable = !isNonNullType(type);
    const withNull = (a: fc.Arbitrary<Value>): fc.Arbitrary<Value> =>
      nullable
        ? fc.oneof({ weight: 9, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) })
        : a;
    const inner = getNullableType(type);
    if (isListType(inner)) {
      return withNull(fc.array(valueArb(field, name, inner.ofType), { maxLength: 2 }));
    }
    if (isEnumType(named))
      return withNull(fc.constantFrom(...named.getValues().map((v) => new EnumValue(v.name))));
    if (isInputObjectType(named)) {
      const fields = Object.values(named.getFields());
      return withNull(
        fc
          .tuple(
            ...fields.map((f) =>
              isNonNullType(f.type)
                ? valueArb(field, f.name, f.type).map((v) => [f.name, v] as const)
                : fc.option(
                    valueArb(field, f.name, f.type).map((v) => [f.name, v] as const),
                    {
                      freq: 2,
                    },
                  ),
            ),
          )
          .map((pairs) =>
            Object.fromEntries(pairs.filter((p): p is readonly [string, Value] => p !== null)),
          ),
      );
    }
    if (!isScalarType(named)) throw new Error(`no values for ${String(named)}`);
    switch (named.name) {
      case 'ID':
        return withNull(fc.constantFrom(...idsFor(field, name), MISSING_ID, BAD_ID));
      case 'Int':
        if (name === 'first') return withNull(fc.constantFrom(0, 1, 2, 3, 20, 100, 101, -1));
        if (name === 'withinDays') return withNull(fc.constantFrom(0, 1, 30, 365, 2000, 5000, -1));
        return withNull(fc.constantFrom(0, 1, 5, 100, 10_000));
      case 'Boolean':
        return withNull(fc.boolean());
      case 'DateTimeISO':
        return withNull(fc.constantFrom(...pools.instants));
      case 'String':
        if (name === 'after')
          return withNull(fc.constantFrom(...pools.cursors, 'not-a-cursor', ''));
        if (name === 'actions')
          return withNull(fc.constantFrom('chargeTicket', 'openTicket', 'refundTicket', 'x'));
        if (name === 'targetId') return withNull(fc.constantFrom(...pools.ticketIds, 'x'));
        if (name === 'search')
          return withNull(fc.constantFrom('no-match', 'Shop', 'shop-', '%', '_', '', 'SHOP'));
        return withNull(fc.constantFrom('x', ''));
      default:
        throw new Error(`no values for scalar ${named.name}`);
    }
  }

  function argsArb(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Arg[]> {
    const one = (a: GraphQLArgument): fc.Arbitrary<Arg | null> => {
      const arg = fc.record({
        name: fc.constant(a.name),
        value: valueArb(field.name, a.name, a.type),
        type: fc.constant(String(a.type)),
        asVar: plain
          ? fc.constant(null)
          : fc.constantFrom<Arg['asVar']>(null, null, 'sent', 'default'),
      });
      // Optional arguments (nullable, or with a default) are often left out.
      return isNonNullType(a.type) && a.defaultValue === undefined
        ? arg
        : fc.option(arg, { freq: 2 });
    };
    return fc.tuple(...field.args.map(one)).map((as) => as.filter((a): a is Arg => a !== null));
  }

  const directivesArb: fc.Arbitrary<Directive[]> = plain
    ? fc.constant([])
    : fc.oneof(
        { weight: 6, arbitrary: fc.constant<Directive[]>([]) },
        {
          weight: 1,
          arbitrary: fc.uniqueArray(
            fc.record({
              name: fc.constantFrom<Directive['name']>('include', 'skip'),
              value: fc.boolean(),
              asVar: fc.boolean(),
            }),
            { minLength: 1, maxLength: 2, selector: (d) => d.name },
          ),
        },
      );

  const memo = new Map<string, fc.Arbitrary<Sel[]>>();

  /** A selection set on `type` with `depth` object levels left, in namespace `ns`. */
  function selectionArb(
    type: GraphQLObjectType,
    depth: number,
    ns: string,
    extras = true,
  ): fc.Arbitrary<Sel[]> {
    const key = `${type.name}|${depth}|${ns}|${extras}`;
    const known = memo.get(key);
    if (known) return known;
    const fields = Object.values(type.getFields()).filter(
      (f) => depth > 0 || !isObjectType(getNamedType(f.type)),
    );
    // At the root, the fields the engine compiles come up most often.
    const weight = (f: GraphQLField<unknown, unknown>) =>
      type !== query ? 1 : COMPILED_ROOTS.has(f.name) ? 16 : HOT_ROOTS.has(f.name) ? 4 : 1;
    const fieldArbs: fc.WeightedArbitrary<Sel>[] = [
      ...fields.map((f) => ({ weight: weight(f), arbitrary: fieldArb(type, f, depth, ns) })),
      fc.record({
        kind: fc.constant('field' as const),
        alias: fc.constantFrom<string | null>(null, null, `typename_${ns}`),
        name: fc.constant('__typename'),
        args: fc.constant<Arg[]>([]),
        dirs: directivesArb,
        sub: fc.constant(null),
      }) as fc.Arbitrary<Sel>,
    ].map((a) => ('weight' in a ? a : { weight: 1, arbitrary: a }));
    const own = fc
      .array(fc.oneof(...fieldArbs), {
        minLength: 1,
        maxLength: type === query ? 2 : depth > 1 ? 3 : 4,
      })
      .map(firstOfEachKey);
    const arb =
      !extras || plain
        ? own
        : own.chain((own) =>
            fc
              .tuple(
                fc.option(extraArb(type, own, depth, `${ns}a${depth}`), { freq: 4 }),
                fc.option(extraArb(type, own, depth, `${ns}b${depth}`), { freq: 10 }),
              )
              .map((extras) => [...own, ...extras.filter((e): e is Sel => e !== null)]),
          );
    memo.set(key, arb);
    return arb;
  }

  function fieldArb(
    parent: GraphQLObjectType,
    f: GraphQLField<unknown, unknown>,
    depth: number,
    ns: string,
  ): fc.Arbitrary<Sel> {
    const target = getNamedType(f.type);
    const hasArgs = f.args.length > 0;
    // In a branch's own namespace, a field with arguments always gets the branch's alias.
    const aliases =
      ns !== '' && hasArgs
        ? [`${f.name}_${ns}1`, `${f.name}_${ns}2`]
        : [null, null, `${f.name}_${ns}1`, `${f.name}_${ns}2`];
    return fc.record({
      kind: fc.constant('field' as const),
      alias: fc.constantFrom(...aliases),
      name: fc.constant(f.name),
      args: argsArb(f),
      dirs: directivesArb,
      sub: isObjectType(target)
        ? fc.constant(null).chain(() => selectionArb(target, depth - 1, ns))
        : fc.constant(null),
    });
  }

  /**
   * An inline fragment, a named fragment, or a second copy of one of `own`'s
   * fields (same key, name and arguments; another selection and directives),
   * itself maybe inside a fragment: each merges with the rest of the set.
   * `branch` names the namespace of what it draws afresh.
   */
  function extraArb(
    type: GraphQLObjectType,
    own: Sel[],
    depth: number,
    branch: string,
  ): fc.Arbitrary<Sel> {
    const fragment: fc.Arbitrary<Sel> = fc
      .tuple(
        fc.constantFrom('inline' as const, 'spread' as const),
        fc.boolean(),
        directivesArb,
        selectionArb(type, depth, branch, false),
      )
      .map(([kind, typed, dirs, sub]): Sel =>
        kind === 'inline'
          ? { kind, on: typed ? type.name : null, dirs, sub }
          : { kind, on: type.name, dirs, sub },
      );
    const fields = own.filter((s): s is FieldSel => s.kind === 'field');
    if (fields.length === 0) return fragment;
    const copy: fc.Arbitrary<Sel> = fc.nat(fields.length - 1).chain((k) => {
      const orig = fields[k]!;
      const target =
        orig.name === '__typename' ? null : getNamedType(type.getFields()[orig.name]!.type);
      const sub: fc.Arbitrary<Sel[] | null> =
        target && isObjectType(target)
          ? selectionArb(target, depth - 1, `${branch}r`)
          : fc.constant(null);
      return fc
        .tuple(sub, directivesArb, fc.constantFrom('same', 'inline', 'spread'))
        .map(([sub, dirs, where]): Sel => {
          const c: Sel = { ...orig, dirs, sub };
          if (where === 'same') return c;
          return where === 'inline'
            ? { kind: 'inline', on: null, dirs: [], sub: [c] }
            : { kind: 'spread', on: type.name, dirs: [], sub: [c] };
        });
    });
    return fc.oneof(fragment, copy);
  }

  /** A whole document: 1-3 root fields and what hangs below them, at most `depth` object levels. */
  const documentArb: fc.Arbitrary<DocumentCase> = selectionArb(query, opts.depth, '').map((sels) =>
    printDocument(sels),
  );

  return { documentArb, selectionArb };
}

type FieldSel = Extract<Sel, { kind: 'field' }>;

/** Keeps the first field of each response key (a repeat is made on purpose, in extraArb). */
function firstOfEachKey(sels: Sel[]): Sel[] {
  const seen = new Set<string>();
  return sels.filter((s) => {
    if (s.kind !== 'field') return true;
    const key = s.alias ?? s.name;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const literal = (v: Value): string => {
  if (v === null) return 'null';
  if (v instanceof EnumValue) return v.name;
  if (Array.isArray(v)) return `[${v.map(literal).join(', ')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${literal(x)}`)
      .join(', ')}}`;
  return JSON.stringify(v);
};

const json = (v: Value): unknown => {
  if (v instanceof EnumValue) return v.name;
  if (Array.isArray(v)) return v.map(json);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, json(x)]));
  return v;
};

/** The document's text and variables; fragments named F1, F2 ... in the order they appear. */
export function printDocument(root: Sel[]): DocumentCase {
  const defs: string[] = [];
  const variables: Record<string, unknown> = {};
  const fragments: string[] = [];
  // A repeated field shares its Arg objects: one variable serves both copies.
  const named = new Map<Arg, string>();
  const variable = (type: string, value: Value, sent: boolean, arg?: Arg): string => {
    const known = arg && named.get(arg);
    if (known) return known;
    const name = `v${defs.length + 1}`;
    if (arg) named.set(arg, `$${name}`);
    // A default is a literal: null cannot be one of a non-null type.
    if (sent || (value === null && type.endsWith('!'))) {
      defs.push(`$${name}: ${type}`);
      variables[name] = json(value);
    } else {
      defs.push(`$${name}: ${type} = ${literal(value)}`);
    }
    return `$${name}`;
  };
  const dirs = (ds: Directive[]) =>
    ds
      .map(
        (d) =>
          ` @${d.name}(if: ${d.asVar ? variable('Boolean!', d.value, true) : String(d.value)})`,
      )
      .join('');
  const set = (sels: Sel[], indent: string): string =>
    `{\n${sels.map((s) => `${indent}  ${sel(s, `${indent}  `)}`).join('\n')}\n${indent}}`;
  const sel = (s: Sel, indent: string): string => {
    if (s.kind === 'field') {
      const args = s.args.length
        ? `(${s.args
            .map(
              (a) =>
                `${a.name}: ${a.asVar ? variable(a.type, a.value, a.asVar === 'sent', a) : literal(a.value)}`,
            )
            .join(', ')})`
        : '';
      const head = `${s.alias ? `${s.alias}: ` : ''}${s.name}${args}${dirs(s.dirs)}`;
      return s.sub ? `${head} ${set(s.sub, indent)}` : head;
    }
    if (s.kind === 'inline')
      return `...${s.on ? ` on ${s.on}` : ''}${dirs(s.dirs)} ${set(s.sub, indent)}`;
    const name = `F${fragments.length + 1}`;
    fragments.push('');
    const at = fragments.length - 1;
    fragments[at] = `fragment ${name} on ${s.on} ${set(s.sub, '')}`;
    return `...${name}${dirs(s.dirs)}`;
  };
  const body = set(root, '');
  const head = defs.length ? `query Q(${defs.join(', ')}) ` : 'query Q ';
  return { query: [head + body, ...fragments].join('\n'), variables };
}
