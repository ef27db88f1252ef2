import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type SelectionSetNode,
  getNamedType,
  isObjectType,
  Kind,
} from 'graphql';
import { NotCompiled } from './sql-builder';

/** A selected field with what the compiler needs to turn it into SQL. */
export interface Selected {
  /** The response key (alias or name). */
  key: string;
  name: string;
  node: FieldNode;
  def: GraphQLField<unknown, unknown>;
  /** The field's object type, for fields with a selection set. */
  type: GraphQLObjectType | null;
}

/**
 * The fields selected on `type`, in response order, through fragments whose
 * condition is `type` itself. Anything the compiler would have to merge or
 * decide at run time (directives, a key selected twice, abstract types) is
 * left to graphql-js by throwing NotCompiled.
 */
export function selectedFields(
  set: SelectionSetNode,
  type: GraphQLObjectType,
  fragments: Record<string, FragmentDefinitionNode>,
  out: Selected[] = [],
  seen = new Set<string>(),
): Selected[] {
  for (const sel of set.selections) {
    if (sel.directives?.length) throw new NotCompiled('directive');
    if (sel.kind === Kind.FIELD) {
      const key = sel.alias?.value ?? sel.name.value;
      if (seen.has(key)) throw new NotCompiled(`${key} selected twice`);
      seen.add(key);
      const name = sel.name.value;
      if (name === '__typename') {
        out.push({ key, name, node: sel, def: null as never, type: null });
        continue;
      }
      const def = type.getFields()[name];
      if (!def) throw new NotCompiled(`no field ${name}`);
      const named = getNamedType(def.type);
      out.push({ key, name, node: sel, def, type: isObjectType(named) ? named : null });
      continue;
    }
    const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? fragments[sel.name.value] : sel;
    if (!fragment) throw new NotCompiled('unknown fragment');
    if (fragment.directives?.length) throw new NotCompiled('directive');
    const on = fragment.typeCondition?.name.value;
    if (on !== undefined && on !== type.name) throw new NotCompiled(`fragment on ${on}`);
    selectedFields(fragment.selectionSet, type, fragments, out, seen);
  }
  return out;
}

/** The field's own selection set, or NotCompiled for a leaf asked as an object. */
export function subSelection(f: Selected): SelectionSetNode {
  if (!f.node.selectionSet || !f.type) throw new NotCompiled(`${f.name} has no selection`);
  return f.node.selectionSet;
}
