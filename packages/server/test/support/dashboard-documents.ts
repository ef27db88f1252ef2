import fs from 'node:fs';
import path from 'node:path';
import { type DocumentNode, Kind, type SelectionSetNode, print, visit } from 'graphql';

// The dashboard's operations exactly as Apollo Client sends them: the
// documents graphql-codegen generated into packages/web/src/gql, with the
// __typename Apollo's addTypenameToDocument adds to every selection set but
// the operation's own (a fragment's included), unless one is selected already.

const GENERATED = path.resolve(__dirname, '../../../web/src/gql/graphql.ts');

const TYPENAME = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;

/** @apollo/client's addTypenameToDocument, on graphql-js' visitor. */
export function addTypename(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    SelectionSet: {
      enter(node: SelectionSetNode, _key, parent) {
        if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return;
        if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__')))
          return;
        return { ...node, selections: [...node.selections, TYPENAME] };
      },
    },
  });
}

let documents: Map<string, DocumentNode> | null = null;

/** The generated document of operation `name` (`AccountPage`, ...), as the dashboard's Apollo Client sends it. */
export function dashboardQuery(name: string): string {
  if (!documents) {
    documents = new Map();
    const text = fs.readFileSync(GENERATED, 'utf8');
    for (const m of text.matchAll(/export const (\w+)Document = (\{.*?\}) as unknown as/g))
      documents.set(m[1]!, JSON.parse(m[2]!) as DocumentNode);
  }
  const doc = documents.get(name);
  if (!doc) throw new Error(`no generated document ${name}`);
  return print(addTypename(doc));
}
