import {
  type GraphQLOutputType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import { type Collect, type Selected, selectedFields, subSelection } from './selection';
import { NotCompiled } from './sql-builder';

// Root fields whose resolver reads no database but returns plain data
// computed from policy/ (the price table, a grant preview, the caller's
// permissions): the answer is that value projected onto the selection, as
// graphql-js completes it with its default resolvers (property by name,
// scalars and enums serialized by their type). A field with a resolver of
// its own is not compiled; a value graphql-js would refuse (null where
// non-null, a value an enum cannot serialize) throws, and the resolvers
// answer that root with their error.

type Complete = (value: unknown) => unknown;

function completer(env: Collect, type: GraphQLOutputType, f: Selected): Complete {
  if (isNonNullType(type)) {
    const inner = completer(env, type.ofType, f);
    return (v) => {
      if (v === null || v === undefined) throw new NotCompiled(`null for ${f.name}`);
      return inner(v);
    };
  }
  const inner = nullableCompleter(env, type, f);
  return (v) => (v === null || v === undefined ? null : inner(v));
}

function nullableCompleter(env: Collect, type: GraphQLOutputType, f: Selected): Complete {
  if (isListType(type)) {
    const item = completer(env, type.ofType, f);
    return (v) => {
      if (!Array.isArray(v)) throw new NotCompiled(`${f.name} is not a list`);
      return v.map(item);
    };
  }
  if (isLeafType(type)) return (v) => type.serialize(v);
  if (!isObjectType(type)) throw new NotCompiled(`abstract ${String(type)}`);
  const fields = selectedFields(subSelection(f), type, env).map((g) => {
    if (g.name === '__typename') return { key: g.key, name: g.name, complete: () => type.name };
    if (g.def.resolve) throw new NotCompiled(`${type.name}.${g.name} has a resolver`);
    return { key: g.key, name: g.name, complete: completer(env, g.def.type, g) };
  });
  return (v) => {
    const source = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const g of fields) {
      const x = g.name === '__typename' ? null : source[g.name];
      if (typeof x === 'function') throw new NotCompiled(`${g.name} is a method`);
      out[g.key] = g.complete(x);
    }
    return out;
  };
}

/** `f`'s answer, as JSON text, for the plain value its resolver returns. */
export function projector(env: Collect, f: Selected): (value: unknown) => string {
  const complete = completer(env, f.def.type, f);
  return (value) => JSON.stringify(complete(value));
}
