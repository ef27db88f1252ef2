import {
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  getNamedType,
  isObjectType,
  visit,
} from 'graphql';
import { NotCompiled } from './sql-builder';

/** What collecting fields needs besides the selection: the document's fragments, the request's variables. */
export interface Collect {
  fragments: Record<string, FragmentDefinitionNode>;
  /** The operation's coerced variables (defaults applied): @include/@skip read them. */
  vars: Record<string, unknown>;
}

/** A selected field (every node selecting its response key, merged) with what the compiler needs. */
export interface Selected {
  /** The response key (alias or name). */
  key: string;
  name: string;
  /** The first node selecting the key: its arguments are every node's (validation holds them equal). */
  node: FieldNode;
  /** Every node selecting the key, in document order: their sub-selections merge. */
  nodes: FieldNode[];
  def: GraphQLField<unknown, unknown>;
  /** The field's object type, for fields with a selection set. */
  type: GraphQLObjectType | null;
}

function conditionOf(d: DirectiveNode, vars: Record<string, unknown>): boolean {
  const arg = d.arguments?.find((a) => a.name.value === 'if');
  const v: ValueNode | undefined = arg?.value;
  if (v?.kind === Kind.BOOLEAN) return v.value;
  if (v?.kind === Kind.VARIABLE) {
    const x = vars[v.name.value];
    if (typeof x === 'boolean') return x;
  }
  throw new NotCompiled(`@${d.name.value} without a boolean`);
}

/** graphql-js's shouldIncludeNode: @skip(if: true) or @include(if: false) drops the selection. */
function included(directives: readonly DirectiveNode[] | undefined, vars: Record<string, unknown>) {
  for (const d of directives ?? []) {
    if (d.name.value === 'skip') {
      if (conditionOf(d, vars)) return false;
    } else if (d.name.value === 'include') {
      if (!conditionOf(d, vars)) return false;
    } else throw new NotCompiled(`@${d.name.value}`);
  }
  return true;
}

/**
 * The fields selected on `type`, in response order, as graphql-js's
 * collectFields finds them: through fragments whose condition is `type`,
 * @include/@skip decided by the request's variables, every node selecting
 * one response key merged into one entry. Abstract fragment conditions are
 * left to graphql-js by throwing NotCompiled.
 */
export function selectedFields(
  set: SelectionSetNode,
  type: GraphQLObjectType,
  c: Collect,
  out = new Map<string, Selected>(),
  visited = new Set<string>(),
): Selected[] {
  for (const sel of set.selections) {
    if (!included(sel.directives, c.vars)) continue;
    if (sel.kind === Kind.FIELD) {
      const key = sel.alias?.value ?? sel.name.value;
      const seen = out.get(key);
      if (seen) {
        seen.nodes.push(sel);
        continue;
      }
      const name = sel.name.value;
      if (name === '__typename') {
        out.set(key, { key, name, node: sel, nodes: [sel], def: null as never, type: null });
        continue;
      }
      const def = type.getFields()[name];
      if (!def) throw new NotCompiled(`no field ${name}`);
      const named = getNamedType(def.type);
      out.set(key, {
        key,
        name,
        node: sel,
        nodes: [sel],
        def,
        type: isObjectType(named) ? named : null,
      });
      continue;
    }
    if (sel.kind === Kind.FRAGMENT_SPREAD) {
      // A named fragment is collected once per selection set, as graphql-js does.
      if (visited.has(sel.name.value)) continue;
      visited.add(sel.name.value);
    }
    const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? c.fragments[sel.name.value] : sel;
    if (!fragment) throw new NotCompiled('unknown fragment');
    const on = fragment.typeCondition?.name.value;
    if (on !== undefined && on !== type.name) throw new NotCompiled(`fragment on ${on}`);
    selectedFields(fragment.selectionSet, type, c, out, visited);
  }
  return [...out.values()];
}

/** The field's sub-selection, every node's merged; NotCompiled for a leaf asked as an object. */
export function subSelection(f: Selected): SelectionSetNode {
  if (!f.type || f.nodes.some((n) => !n.selectionSet))
    throw new NotCompiled(`${f.name} has no selection`);
  if (f.nodes.length === 1) return f.node.selectionSet!;
  return {
    kind: Kind.SELECTION_SET,
    selections: f.nodes.flatMap((n) => n.selectionSet!.selections),
  };
}

const directiveVariables = new WeakMap<DocumentNode, string[]>();

/**
 * The variables @include/@skip read anywhere in the document: the compiled
 * SQL depends on their values, so they are part of a plan's key.
 */
export function conditionVariables(document: DocumentNode): string[] {
  let names = directiveVariables.get(document);
  if (!names) {
    const found = new Set<string>();
    visit(document, {
      Directive(d) {
        if (d.name.value !== 'include' && d.name.value !== 'skip') return;
        for (const a of d.arguments ?? [])
          if (a.value.kind === Kind.VARIABLE) found.add(a.value.name.value);
      },
    });
    names = [...found].sort();
    directiveVariables.set(document, names);
  }
  return names;
}

/** The operation with only the root fields named by `keys` (for the resolvers to answer those alone). */
export function withRootsOnly(
  operation: OperationDefinitionNode,
  roots: Selected[],
): OperationDefinitionNode {
  return {
    ...operation,
    selectionSet: { kind: Kind.SELECTION_SET, selections: roots.flatMap((r) => r.nodes) },
  };
}
