import { graphql } from './gql';

// Every operation the integration sends. `pnpm codegen` turns each into a
// typed document: variables and results are checked by the compiler.

export const Me = graphql(`
  query Me {
    me {
      role
      keyName
    }
  }
`);

export const CreateAccount = graphql(`
  mutation CreateAccount($input: CreateAccountInput!) {
    createAccount(input: $input) {
      id
      name
    }
  }
`);

export const IssueLicense = graphql(`
  mutation IssueLicense($input: IssueLicenseInput!) {
    issueLicense(input: $input) {
      id
      creditsGranted
      grantNote
      creditLot {
        expiresAt
      }
    }
  }
`);

export const PurchaseCredits = graphql(`
  mutation PurchaseCredits($input: PurchaseCreditsInput!) {
    purchaseCredits(input: $input) {
      id
      originalCredits
      paymentReference
    }
  }
`);

export const OpenTicket = graphql(`
  mutation OpenTicket($input: OpenTicketInput!) {
    openTicket(input: $input) {
      id
      status
      level
      price {
        min
        max
        included
      }
    }
  }
`);

export const Quote = graphql(`
  query Quote($licenseId: ID!, $category: TicketCategory!) {
    quote(licenseId: $licenseId, category: $category) {
      level
      balance
      sufficient
      price {
        min
        max
        included
      }
    }
  }
`);

export const LedgerPage = graphql(`
  query LedgerPage($accountId: ID!, $first: Int!, $after: String) {
    account(id: $accountId) {
      balance
      ledger(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          at
          kind
          credits
        }
      }
    }
  }
`);

export const AccountName = graphql(`
  query AccountName($id: ID!) {
    account(id: $id) {
      id
      name
    }
  }
`);
