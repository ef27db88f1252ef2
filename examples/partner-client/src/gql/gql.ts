/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      role\n      keyName\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateAccountDocument,
    "\n  mutation IssueLicense($input: IssueLicenseInput!) {\n    issueLicense(input: $input) {\n      id\n      creditsGranted\n      grantNote\n      creditLot {\n        expiresAt\n      }\n    }\n  }\n": typeof types.IssueLicenseDocument,
    "\n  mutation PurchaseCredits($input: PurchaseCreditsInput!) {\n    purchaseCredits(input: $input) {\n      id\n      originalCredits\n      paymentReference\n    }\n  }\n": typeof types.PurchaseCreditsDocument,
    "\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      status\n      level\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n": typeof types.OpenTicketDocument,
    "\n  query Quote($licenseId: ID!, $category: TicketCategory!) {\n    quote(licenseId: $licenseId, category: $category) {\n      level\n      balance\n      sufficient\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n": typeof types.QuoteDocument,
    "\n  query LedgerPage($accountId: ID!, $first: Int!, $after: String) {\n    account(id: $accountId) {\n      balance\n      ledger(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          at\n          kind\n          credits\n        }\n      }\n    }\n  }\n": typeof types.LedgerPageDocument,
    "\n  query AccountName($id: ID!) {\n    account(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.AccountNameDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      role\n      keyName\n    }\n  }\n": types.MeDocument,
    "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateAccountDocument,
    "\n  mutation IssueLicense($input: IssueLicenseInput!) {\n    issueLicense(input: $input) {\n      id\n      creditsGranted\n      grantNote\n      creditLot {\n        expiresAt\n      }\n    }\n  }\n": types.IssueLicenseDocument,
    "\n  mutation PurchaseCredits($input: PurchaseCreditsInput!) {\n    purchaseCredits(input: $input) {\n      id\n      originalCredits\n      paymentReference\n    }\n  }\n": types.PurchaseCreditsDocument,
    "\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      status\n      level\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n": types.OpenTicketDocument,
    "\n  query Quote($licenseId: ID!, $category: TicketCategory!) {\n    quote(licenseId: $licenseId, category: $category) {\n      level\n      balance\n      sufficient\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n": types.QuoteDocument,
    "\n  query LedgerPage($accountId: ID!, $first: Int!, $after: String) {\n    account(id: $accountId) {\n      balance\n      ledger(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          at\n          kind\n          credits\n        }\n      }\n    }\n  }\n": types.LedgerPageDocument,
    "\n  query AccountName($id: ID!) {\n    account(id: $id) {\n      id\n      name\n    }\n  }\n": types.AccountNameDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      role\n      keyName\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      role\n      keyName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueLicense($input: IssueLicenseInput!) {\n    issueLicense(input: $input) {\n      id\n      creditsGranted\n      grantNote\n      creditLot {\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IssueLicense($input: IssueLicenseInput!) {\n    issueLicense(input: $input) {\n      id\n      creditsGranted\n      grantNote\n      creditLot {\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseCredits($input: PurchaseCreditsInput!) {\n    purchaseCredits(input: $input) {\n      id\n      originalCredits\n      paymentReference\n    }\n  }\n"): (typeof documents)["\n  mutation PurchaseCredits($input: PurchaseCreditsInput!) {\n    purchaseCredits(input: $input) {\n      id\n      originalCredits\n      paymentReference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      status\n      level\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      status\n      level\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quote($licenseId: ID!, $category: TicketCategory!) {\n    quote(licenseId: $licenseId, category: $category) {\n      level\n      balance\n      sufficient\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n"): (typeof documents)["\n  query Quote($licenseId: ID!, $category: TicketCategory!) {\n    quote(licenseId: $licenseId, category: $category) {\n      level\n      balance\n      sufficient\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerPage($accountId: ID!, $first: Int!, $after: String) {\n    account(id: $accountId) {\n      balance\n      ledger(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          at\n          kind\n          credits\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LedgerPage($accountId: ID!, $first: Int!, $after: String) {\n    account(id: $accountId) {\n      balance\n      ledger(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          at\n          kind\n          credits\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountName($id: ID!) {\n    account(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AccountName($id: ID!) {\n    account(id: $id) {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;