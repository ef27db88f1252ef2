/* eslint-disable */
import * as types from './graphql';



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
    "\n  query AccessTicketStatus($id: ID!) {\n    ticket(id: $id) {\n      status\n    }\n  }\n": typeof types.AccessTicketStatusDocument,
    "\n  mutation AccessRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.AccessRevokeDocument,
    "\n  query AccessMeRole {\n    me {\n      role\n    }\n  }\n": typeof types.AccessMeRoleDocument,
    "\n  query AccessAccountId($id: ID!) {\n    account(id: $id) {\n      id\n    }\n  }\n": typeof types.AccessAccountIdDocument,
    "\n  query AccessAccounts {\n    accounts(first: 100) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n": typeof types.AccessAccountsDocument,
    "\n  mutation AccessExpire {\n    expireCredits\n  }\n": typeof types.AccessExpireDocument,
    "\n  mutation AccessCreateAccount($i: CreateAccountInput!) {\n    createAccount(input: $i) {\n      id\n    }\n  }\n": typeof types.AccessCreateAccountDocument,
    "\n          query AccessAccount($id: ID!) {\n            account(id: $id) {\n              id\n              name\n            }\n          }\n        ": typeof types.AccessAccountDocument,
    "\n          query AccessAccountsPage {\n            accounts(first: 5) {\n              totalCount\n              nodes {\n                id\n              }\n            }\n          }\n        ": typeof types.AccessAccountsPageDocument,
    "\n          query AccessLicense($id: ID!) {\n            license(id: $id) {\n              id\n              edition\n            }\n          }\n        ": typeof types.AccessLicenseDocument,
    "\n          query AccessTicket($id: ID!) {\n            ticket(id: $id) {\n              id\n              subject\n              status\n            }\n          }\n        ": typeof types.AccessTicketDocument,
    "\n          query AccessQuote($l: ID!) {\n            quote(licenseId: $l, category: ROOT_CAUSE_ANALYSIS) {\n              balance\n              price {\n                min\n                max\n              }\n            }\n          }\n        ": typeof types.AccessQuoteDocument,
    "\n          query AccessCharges {\n            charges(first: 5) {\n              totalCount\n              nodes {\n                id\n              }\n            }\n          }\n        ": typeof types.AccessChargesDocument,
    "\n          query AccessTickets {\n            tickets(first: 5) {\n              totalCount\n              nodes {\n                id\n              }\n            }\n          }\n        ": typeof types.AccessTicketsDocument,
    "\n          query AccessTicketCounts {\n            ticketCounts {\n              open\n              total\n            }\n          }\n        ": typeof types.AccessTicketCountsDocument,
    "\n          query AccessAuditEvents {\n            auditEvents(first: 5) {\n              totalCount\n              nodes {\n                id\n                action\n              }\n            }\n          }\n        ": typeof types.AccessAuditEventsDocument,
    "\n          query AccessChargeSummary {\n            chargeSummary(groupBy: CATEGORY) {\n              key\n              charges\n              credits\n            }\n          }\n        ": typeof types.AccessChargeSummaryDocument,
    "\n          query AccessMe {\n            me {\n              role\n              keyName\n              accountIds\n              permissions\n            }\n          }\n        ": typeof types.AccessMeDocument,
    "\n          query AccessPricing {\n            pricing {\n              grantValidityMonths\n              grants {\n                edition\n                credits\n              }\n            }\n          }\n        ": typeof types.AccessPricingDocument,
    "\n          query AccessErrorCodes {\n            errorCodes\n          }\n        ": typeof types.AccessErrorCodesDocument,
    "\n          query AccessGrantPreview {\n            grantPreview(input: { edition: OWNED, listPriceCents: 10000, paidPriceCents: 10000 }) {\n              credits\n              note\n            }\n          }\n        ": typeof types.AccessGrantPreviewDocument,
    "\n          query AccessApiKeys {\n            apiKeys {\n              id\n              role\n            }\n          }\n        ": typeof types.AccessApiKeysDocument,
    "\n          mutation AccessIssueLicense($i: IssueLicenseInput!) {\n            issueLicense(input: $i) {\n              id\n              creditsGranted\n            }\n          }\n        ": typeof types.AccessIssueLicenseDocument,
    "\n          mutation AccessPurchase($i: PurchaseCreditsInput!) {\n            purchaseCredits(input: $i) {\n              id\n              originalCredits\n            }\n          }\n        ": typeof types.AccessPurchaseDocument,
    "\n          mutation AccessOpenTicket($i: OpenTicketInput!) {\n            openTicket(input: $i) {\n              id\n              status\n            }\n          }\n        ": typeof types.AccessOpenTicketDocument,
    "\n          mutation AccessRefund($i: RefundTicketInput!) {\n            refundTicket(input: $i) {\n              id\n              credits\n            }\n          }\n        ": typeof types.AccessRefundDocument,
    "\n          mutation AccessCreateKey($i: CreateApiKeyInput!) {\n            createApiKey(input: $i) {\n              apiKey {\n                id\n                role\n              }\n              secret\n            }\n          }\n        ": typeof types.AccessCreateKeyDocument,
    "\n          mutation AccessUpdateScope($i: UpdateApiKeyScopeInput!) {\n            updateApiKeyScope(input: $i) {\n              id\n              accountIds\n            }\n          }\n        ": typeof types.AccessUpdateScopeDocument,
    "\n              query AccessScopeAfter {\n                me {\n                  accountIds\n                }\n              }\n            ": typeof types.AccessScopeAfterDocument,
    "\n      query AccessChargesOf($a: ID!) {\n        charges(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    ": typeof types.AccessChargesOfDocument,
    "\n          query AccessAccountOfB($id: ID!) {\n            account(id: $id) {\n              id\n              name\n              balance\n            }\n          }\n        ": typeof types.AccessAccountOfBDocument,
    "\n          query AccessLicenseOfB($id: ID!) {\n            license(id: $id) {\n              id\n              domain\n            }\n          }\n        ": typeof types.AccessLicenseOfBDocument,
    "\n          query AccessTicketOfB($id: ID!) {\n            ticket(id: $id) {\n              id\n              subject\n            }\n          }\n        ": typeof types.AccessTicketOfBDocument,
    "\n      query AccessChargeNodesOf($a: ID!) {\n        charges(filter: { accountId: $a }) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n    ": typeof types.AccessChargeNodesOfDocument,
    "\n      query AccessSummaryOf($a: ID!) {\n        chargeSummary(filter: { accountId: $a }, groupBy: ACCOUNT) {\n          key\n          charges\n          credits\n        }\n      }\n    ": typeof types.AccessSummaryOfDocument,
    "\n              query AccessQuoteOf($l: ID!) {\n                quote(licenseId: $l, category: SETUP) {\n                  balance\n                }\n              }\n            ": typeof types.AccessQuoteOfDocument,
    "\n              mutation AccessIssueInto($i: IssueLicenseInput!) {\n                issueLicense(input: $i) {\n                  id\n                }\n              }\n            ": typeof types.AccessIssueIntoDocument,
    "\n              mutation AccessPurchaseInto($i: PurchaseCreditsInput!) {\n                purchaseCredits(input: $i) {\n                  id\n                }\n              }\n            ": typeof types.AccessPurchaseIntoDocument,
    "\n              mutation AccessOpenInto($i: OpenTicketInput!) {\n                openTicket(input: $i) {\n                  id\n                }\n              }\n            ": typeof types.AccessOpenIntoDocument,
    "\n        query AccessOwnLicenses($id: ID!) {\n          account(id: $id) {\n            id\n            licenses {\n              id\n            }\n          }\n        }\n      ": typeof types.AccessOwnLicensesDocument,
    "\n        mutation AccessRefundOwn($i: RefundTicketInput!) {\n          refundTicket(input: $i) {\n            id\n          }\n        }\n      ": typeof types.AccessRefundOwnDocument,
    "\n      query AccessAccountName($id: ID!) {\n        account(id: $id) {\n          name\n        }\n      }\n    ": typeof types.AccessAccountNameDocument,
    "\n        query AccessSearch($s: String) {\n          accounts(first: 100, search: $s) {\n            totalCount\n            nodes {\n              id\n            }\n          }\n        }\n      ": typeof types.AccessSearchDocument,
    "\n        query AccessScopedCharges {\n          charges(first: 100) {\n            nodes {\n              account {\n                id\n              }\n            }\n          }\n          chargeSummary(groupBy: ACCOUNT) {\n            key\n          }\n        }\n      ": typeof types.AccessScopedChargesDocument,
    "\n      query AccessMeScope {\n        me {\n          role\n          accountIds\n        }\n      }\n    ": typeof types.AccessMeScopeDocument,
    "\n          query AccessPricingMonths {\n            pricing {\n              grantValidityMonths\n            }\n          }\n        ": typeof types.AccessPricingMonthsDocument,
    "\n  query KeysRows {\n    apiKeys {\n      id\n      role\n      lastUsedAt\n      accountIds\n      accounts {\n        id\n        name\n      }\n    }\n  }\n": typeof types.KeysRowsDocument,
    "\n  mutation KeysUpdateScope($i: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $i) {\n      id\n      accountIds\n      accounts {\n        id\n      }\n    }\n  }\n": typeof types.KeysUpdateScopeDocument,
    "\n  query KeysMeRole {\n    me {\n      role\n    }\n  }\n": typeof types.KeysMeRoleDocument,
    "\n  query KeysMeScope {\n    me {\n      accountIds\n    }\n  }\n": typeof types.KeysMeScopeDocument,
    "\n  mutation KeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": typeof types.KeysRevokeDocument,
    "\n        query KeysGone($id: ID!) {\n          account(id: $id) {\n            id\n          }\n        }\n      ": typeof types.KeysGoneDocument,
    "\n  mutation BadPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      id\n    }\n  }\n": typeof types.BadPurchaseDocument,
    "\n  mutation BadIssue($i: IssueLicenseInput!) {\n    issueLicense(input: $i) {\n      id\n    }\n  }\n": typeof types.BadIssueDocument,
    "\n  mutation BadOpen($i: OpenTicketInput!) {\n    openTicket(input: $i) {\n      id\n    }\n  }\n": typeof types.BadOpenDocument,
    "\n  mutation BadCreateAccount($i: CreateAccountInput!) {\n    createAccount(input: $i) {\n      id\n    }\n  }\n": typeof types.BadCreateAccountDocument,
    "\n  mutation BadRefund($i: RefundTicketInput!) {\n    refundTicket(input: $i) {\n      id\n    }\n  }\n": typeof types.BadRefundDocument,
    "\n  mutation BadCreateKey($i: CreateApiKeyInput!) {\n    createApiKey(input: $i) {\n      secret\n    }\n  }\n": typeof types.BadCreateKeyDocument,
    "\n  mutation BadUpdateScope($i: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $i) {\n      id\n    }\n  }\n": typeof types.BadUpdateScopeDocument,
    "\n      query BadGrantPreview($i: GrantPreviewInput!) {\n        grantPreview(input: $i) {\n          credits\n        }\n      }\n    ": typeof types.BadGrantPreviewDocument,
    "\n      query BadAccountId($id: ID!) {\n        account(id: $id) {\n          id\n        }\n      }\n    ": typeof types.BadAccountIdDocument,
    "\n      query BadLicenseId($id: ID!) {\n        license(id: $id) {\n          id\n        }\n      }\n    ": typeof types.BadLicenseIdDocument,
    "\n      query BadTicketId($id: ID!) {\n        ticket(id: $id) {\n          id\n        }\n      }\n    ": typeof types.BadTicketIdDocument,
    "\n      query BadQuoteLicenseId($l: ID!) {\n        quote(licenseId: $l, category: SETUP) {\n          balance\n        }\n      }\n    ": typeof types.BadQuoteLicenseIdDocument,
    "\n      query BadTicketsAccountId($a: ID) {\n        tickets(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    ": typeof types.BadTicketsAccountIdDocument,
    "\n      query BadTicketsOpenedBy($a: ID) {\n        tickets(filter: { openedBy: $a }) {\n          totalCount\n        }\n      }\n    ": typeof types.BadTicketsOpenedByDocument,
    "\n      query BadTicketCountsAccountId($a: ID) {\n        ticketCounts(filter: { accountId: $a }) {\n          open\n        }\n      }\n    ": typeof types.BadTicketCountsAccountIdDocument,
    "\n      query BadTicketCountsOpenedBy($a: ID) {\n        ticketCounts(filter: { openedBy: $a }) {\n          open\n        }\n      }\n    ": typeof types.BadTicketCountsOpenedByDocument,
    "\n      query BadAuditAccountId($a: ID) {\n        auditEvents(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    ": typeof types.BadAuditAccountIdDocument,
    "\n      query BadAuditKeyId($a: ID) {\n        auditEvents(filter: { keyId: $a }) {\n          totalCount\n        }\n      }\n    ": typeof types.BadAuditKeyIdDocument,
    "\n      query BadChargesAccountId($a: ID) {\n        charges(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    ": typeof types.BadChargesAccountIdDocument,
    "\n      query BadSummaryAccountId($a: ID) {\n        chargeSummary(filter: { accountId: $a }, groupBy: DAY) {\n          key\n        }\n      }\n    ": typeof types.BadSummaryAccountIdDocument,
    "\n      mutation BadRevokeId($id: ID!) {\n        revokeApiKey(id: $id) {\n          id\n        }\n      }\n    ": typeof types.BadRevokeIdDocument,
    "\n          query BadGrouping($g: ChargeGrouping!) {\n            chargeSummary(groupBy: $g) {\n              key\n            }\n          }\n        ": typeof types.BadGroupingDocument,
    "\n          query BadTicketStatus($id: ID!, $s: TicketStatus) {\n            account(id: $id) {\n              tickets(status: $s) {\n                totalCount\n              }\n            }\n          }\n        ": typeof types.BadTicketStatusDocument,
    "\n        query BadaccountsFirst($n: Int) {\n          accounts(first: $n) {\n            totalCount\n          }\n        }\n      ": typeof types.BadaccountsFirstDocument,
    "\n        query BadchargesFirst($n: Int) {\n          charges(first: $n) {\n            totalCount\n          }\n        }\n      ": typeof types.BadchargesFirstDocument,
    "\n        query BadAccountticketsFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            tickets(first: $n) {\n              totalCount\n            }\n          }\n        }\n      ": typeof types.BadAccountticketsFirstDocument,
    "\n        query BadAccountchargesFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            charges(first: $n) {\n              totalCount\n            }\n          }\n        }\n      ": typeof types.BadAccountchargesFirstDocument,
    "\n        query BadAccountledgerFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            ledger(first: $n) {\n              totalCount\n            }\n          }\n        }\n      ": typeof types.BadAccountledgerFirstDocument,
    "\n        query BadAccountstatementsFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            statements(first: $n) {\n              totalCount\n            }\n          }\n        }\n      ": typeof types.BadAccountstatementsFirstDocument,
    "\n        query BadaccountsAfter($c: String) {\n          accounts(after: $c) {\n            totalCount\n          }\n        }\n      ": typeof types.BadaccountsAfterDocument,
    "\n        query BadchargesAfter($c: String) {\n          charges(after: $c) {\n            totalCount\n          }\n        }\n      ": typeof types.BadchargesAfterDocument,
    "\n        query BadAccountticketsAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            tickets(after: $c) {\n              totalCount\n            }\n          }\n        }\n      ": typeof types.BadAccountticketsAfterDocument,
    "\n        query BadAccountchargesAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            charges(after: $c) {\n              totalCount\n            }\n          }\n        }\n      ": typeof types.BadAccountchargesAfterDocument,
    "\n        query BadAccountledgerAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            ledger(after: $c) {\n              totalCount\n            }\n          }\n        }\n      ": typeof types.BadAccountledgerAfterDocument,
    "\n        query BadAccountstatementsAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            statements(after: $c) {\n              totalCount\n            }\n          }\n        }\n      ": typeof types.BadAccountstatementsAfterDocument,
    "\n    query BadSummaryPage($g: ChargeGrouping!, $n: Int, $c: String) {\n      chargeSummary(groupBy: $g, first: $n, after: $c) {\n        key\n      }\n    }\n  ": typeof types.BadSummaryPageDocument,
    "\n      mutation ClockExpire {\n        expireCredits\n      }\n    ": typeof types.ClockExpireDocument,
    "\n        query ClockLedger($id: ID!) {\n          account(id: $id) {\n            ledger {\n              nodes {\n                kind\n                credits\n                at\n              }\n            }\n          }\n        }\n      ": typeof types.ClockLedgerDocument,
    "\n  mutation ConcurrentPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      id\n      originalCredits\n      remainingCredits\n    }\n  }\n": typeof types.ConcurrentPurchaseDocument,
    "\n  mutation ConcurrentExpire {\n    expireCredits\n  }\n": typeof types.ConcurrentExpireDocument,
    "\n  query ConcurrentOpenTickets($id: ID!) {\n    account(id: $id) {\n      tickets(first: 50, status: OPEN) {\n        totalCount\n      }\n    }\n  }\n": typeof types.ConcurrentOpenTicketsDocument,
    "\n  query DataloaderPage($n: Int!) {\n    accounts(first: $n) {\n      nodes {\n        id\n        name\n        balance\n        licenses {\n          id\n          creditLot {\n            id\n          }\n        }\n        creditLots {\n          id\n        }\n        tickets(first: 5) {\n          nodes {\n            id\n            charge {\n              id\n              allocations {\n                credits\n                lot {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.DataloaderPageDocument,
    "\n  query ErrorsTicket($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n    }\n  }\n": typeof types.ErrorsTicketDocument,
    "\n  query ErrorsSubject($id: ID!) {\n    ticket(id: $id) {\n      subject\n    }\n  }\n": typeof types.ErrorsSubjectDocument,
    "\n      mutation ErrorsOpen($i: OpenTicketInput!) {\n        openTicket(input: $i) {\n          id\n          subject\n        }\n      }\n    ": typeof types.ErrorsOpenDocument,
    "\n      query ErrorsMixed($id: ID!, $l: ID!) {\n        pricing {\n          grantValidityMonths\n        }\n        license(id: $l) {\n          id\n        }\n        ticket(id: $id) {\n          subject\n        }\n      }\n    ": typeof types.ErrorsMixedDocument,
    "\n          mutation ExportOpenTicket($i: OpenTicketInput!) {\n            openTicket(input: $i) {\n              id\n            }\n          }\n        ": typeof types.ExportOpenTicketDocument,
    "\n  mutation PropIssue($i: IssueLicenseInput!) {\n    issueLicense(input: $i) {\n      id\n      creditsGranted\n      creditLot {\n        id\n        expiresAt\n        originalCredits\n      }\n    }\n  }\n": typeof types.PropIssueDocument,
    "\n  mutation PropPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      id\n      originalCredits\n      expiresAt\n      source\n    }\n  }\n": typeof types.PropPurchaseDocument,
    "\n  mutation PropOpen($i: OpenTicketInput!) {\n    openTicket(input: $i) {\n      id\n      status\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n": typeof types.PropOpenDocument,
    "\n  mutation PropExpire($asOf: DateTimeISO) {\n    expireCredits(asOf: $asOf)\n  }\n": typeof types.PropExpireDocument,
    "\n  query PropSnapshot($id: ID!, $future: DateTimeISO) {\n    account(id: $id) {\n      balance\n      future: balance(asOf: $future)\n      creditLots(includeExpired: true) {\n        id\n        source\n        originalCredits\n        remainingCredits\n        expiresAt\n        expired\n      }\n      tickets(first: 50) {\n        nodes {\n          id\n          status\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.PropSnapshotDocument,
    "\n  query PropHistory(\n    $id: ID!\n    $t0: DateTimeISO!\n    $t1: DateTimeISO!\n    $t2: DateTimeISO!\n    $t3: DateTimeISO!\n    $t4: DateTimeISO!\n    $t5: DateTimeISO!\n    $t6: DateTimeISO!\n    $t7: DateTimeISO!\n    $t8: DateTimeISO!\n    $t9: DateTimeISO!\n  ) {\n    account(id: $id) {\n      b0: balance(asOf: $t0)\n      b1: balance(asOf: $t1)\n      b2: balance(asOf: $t2)\n      b3: balance(asOf: $t3)\n      b4: balance(asOf: $t4)\n      b5: balance(asOf: $t5)\n      b6: balance(asOf: $t6)\n      b7: balance(asOf: $t7)\n      b8: balance(asOf: $t8)\n      b9: balance(asOf: $t9)\n    }\n  }\n": typeof types.PropHistoryDocument,
    "\n  fragment LotFields on CreditLot {\n    id\n    source\n    originalCredits\n    remainingCredits\n    spentCredits\n    refundedCredits\n    expiredCredits\n    expiresAt\n    expired\n    createdAt\n    paymentReference\n    amountPaidCents\n    currency\n    remainingValueCents\n    spentValueCents\n    expiredValueCents\n    license {\n      id\n    }\n  }\n": typeof types.LotFieldsFragmentDoc,
    "\n  mutation RulesIssue($i: IssueLicenseInput!) {\n    issueLicense(input: $i) {\n      id\n      edition\n      hostingPlan\n      orderDate\n      creditsGranted\n      grantNote\n      includedLevels\n      creditLot {\n        ...LotFields\n      }\n    }\n  }\n": typeof types.RulesIssueDocument,
    "\n  mutation RulesPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      ...LotFields\n      alreadyRecorded\n    }\n  }\n": typeof types.RulesPurchaseDocument,
    "\n  mutation RulesOpen($i: OpenTicketInput!) {\n    openTicket(input: $i) {\n      id\n      category\n      level\n      status\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n      }\n    }\n  }\n": typeof types.RulesOpenDocument,
    "\n  mutation RulesCharge($i: ChargeTicketInput!) {\n    chargeTicket(input: $i) {\n      id\n      credits\n      included\n      balanceAfter\n      refunded\n      createdAt\n      ticket {\n        id\n        status\n      }\n      allocations {\n        credits\n        lot {\n          id\n          source\n        }\n      }\n    }\n  }\n": typeof types.RulesChargeDocument,
    "\n  mutation RulesRefund($i: RefundTicketInput!) {\n    refundTicket(input: $i) {\n      id\n      credits\n      reason\n      balanceAfter\n      createdAt\n      allocations {\n        credits\n        lot {\n          id\n          source\n          expiresAt\n        }\n      }\n      charge {\n        id\n        credits\n        included\n        refunded\n        allocations {\n          credits\n          lot {\n            id\n          }\n        }\n      }\n      ticket {\n        id\n        status\n      }\n    }\n  }\n": typeof types.RulesRefundDocument,
    "\n  query RulesTicket($id: ID!) {\n    ticket(id: $id) {\n      id\n      status\n      price {\n        min\n        max\n        included\n      }\n      charge {\n        id\n        credits\n      }\n      refund {\n        id\n        credits\n      }\n    }\n  }\n": typeof types.RulesTicketDocument,
    "\n  query RulesState($id: ID!) {\n    account(id: $id) {\n      balance\n      ledger(first: 0) {\n        totalCount\n      }\n      charges(first: 0) {\n        totalCount\n      }\n      statements(first: 0) {\n        totalCount\n      }\n      creditLots(includeExpired: true) {\n        id\n        remainingCredits\n        spentCredits\n        refundedCredits\n        expiredCredits\n      }\n    }\n  }\n": typeof types.RulesStateDocument,
    "\n  query RulesLots($id: ID!, $all: Boolean) {\n    account(id: $id) {\n      creditLots(includeExpired: $all) {\n        ...LotFields\n      }\n    }\n  }\n": typeof types.RulesLotsDocument,
    "\n  query RulesLedger($id: ID!) {\n    account(id: $id) {\n      ledger(first: 100) {\n        totalCount\n        nodes {\n          id\n          kind\n          credits\n          at\n          lot {\n            id\n          }\n          ticket {\n            id\n          }\n        }\n      }\n    }\n  }\n": typeof types.RulesLedgerDocument,
    "\n  query RulesBalance($id: ID!, $asOf: DateTimeISO) {\n    account(id: $id) {\n      balance(asOf: $asOf)\n    }\n  }\n": typeof types.RulesBalanceDocument,
    "\n  mutation RulesExpire($asOf: DateTimeISO) {\n    expireCredits(asOf: $asOf)\n  }\n": typeof types.RulesExpireDocument,
    "\n  query RulesChargeCount($id: ID!) {\n    account(id: $id) {\n      charges {\n        totalCount\n      }\n    }\n  }\n": typeof types.RulesChargeCountDocument,
    "\n        query RulesGrantDecisions($id: ID!, $l: ID!) {\n          license(id: $l) {\n            id\n            creditsGranted\n            grantNote\n            creditLot {\n              id\n            }\n          }\n          account(id: $id) {\n            licenses {\n              id\n              creditsGranted\n              grantNote\n              creditLot {\n                id\n              }\n            }\n          }\n        }\n      ": typeof types.RulesGrantDecisionsDocument,
    "\n            query RulesQuote($l: ID!, $c: TicketCategory!) {\n              quote(licenseId: $l, category: $c) {\n                category\n                level\n                price {\n                  min\n                  max\n                  included\n                }\n              }\n            }\n          ": typeof types.RulesQuoteDocument,
    "\n        query RulesIncludedCharges($id: ID!) {\n          account(id: $id) {\n            charges {\n              totalCount\n              nodes {\n                id\n                credits\n                included\n              }\n            }\n          }\n          charges(filter: { accountId: $id, included: true }) {\n            totalCount\n            nodes {\n              id\n              credits\n              included\n            }\n          }\n        }\n      ": typeof types.RulesIncludedChargesDocument,
    "\n        query RulesOpenTickets($id: ID!) {\n          account(id: $id) {\n            tickets(status: OPEN) {\n              totalCount\n            }\n          }\n        }\n      ": typeof types.RulesOpenTicketsDocument,
    "\n      query RulesStatements($id: ID!) {\n        account(id: $id) {\n          statements {\n            totalCount\n            nodes {\n              kind\n              credits\n              balanceAfter\n              message\n              ticket {\n                id\n              }\n            }\n          }\n        }\n      }\n    ": typeof types.RulesStatementsDocument,
    "\n  query PortalTestPage($id: ID!) {\n    me {\n      role\n      accountIds\n      permissions\n    }\n    account(id: $id) {\n      id\n      balance\n      creditLots {\n        id\n        remainingCredits\n        expiresAt\n      }\n      receipts {\n        nodes {\n          kind\n          credits\n        }\n      }\n    }\n  }\n": typeof types.PortalTestPageDocument,
    "\n  mutation PortalTestCreate($a: ID!) {\n    createPortalLink(accountId: $a) {\n      url\n      expiresAt\n    }\n  }\n": typeof types.PortalTestCreateDocument,
    "\n  mutation PortalTestRevoke($a: ID!) {\n    revokePortalLinks(accountId: $a)\n  }\n": typeof types.PortalTestRevokeDocument,
    "\n  query PortalTestEmail($id: ID!) {\n    account(id: $id) {\n      email\n      balance\n    }\n  }\n": typeof types.PortalTestEmailDocument,
    "\n        mutation EdgesTwoPurchases($a: ID!) {\n          p1: purchaseCredits(input: { accountId: $a, credits: 100, paymentReference: \"fresh-1\" }) {\n            account {\n              balance\n            }\n          }\n          p2: purchaseCredits(input: { accountId: $a, credits: 50, paymentReference: \"fresh-2\" }) {\n            account {\n              balance\n            }\n          }\n        }\n      ": typeof types.EdgesTwoPurchasesDocument,
    "\n        query EdgesSearch($s: String) {\n          accounts(search: $s) {\n            totalCount\n          }\n        }\n      ": typeof types.EdgesSearchDocument,
    "\n          query EdgesMe {\n            me {\n              role\n            }\n          }\n        ": typeof types.EdgesMeDocument,
    "\n      query EdgesMeBoth {\n        me {\n          role\n        }\n      }\n    ": typeof types.EdgesMeBothDocument,
    "\n        query EdgesFirstPage {\n          accounts(first: 1) {\n            pageInfo {\n              endCursor\n            }\n          }\n        }\n      ": typeof types.EdgesFirstPageDocument,
    "\n        query EdgesEmptyPage($c: String) {\n          accounts(first: 0, after: $c) {\n            nodes {\n              id\n            }\n            pageInfo {\n              endCursor\n            }\n          }\n        }\n      ": typeof types.EdgesEmptyPageDocument,
    "\n              query EdgesRead {\n                accounts(first: 1) {\n                  totalCount\n                }\n              }\n            ": typeof types.EdgesReadDocument,
    "\n  query DeskQueue($f: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $f, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        category\n        level\n        openedByKeyId\n        openedByName\n        account {\n          id\n        }\n      }\n    }\n  }\n": typeof types.DeskQueueDocument,
    "\n  query DeskCounts($f: TicketFilter) {\n    ticketCounts(filter: $f) {\n      open\n      charged\n      refunded\n      total\n    }\n  }\n": typeof types.DeskCountsDocument,
    "\n  query DeskTrail($f: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $f, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        action\n        accountId\n        targetId\n        keyId\n        keyName\n        role\n        requestId\n        details\n      }\n    }\n  }\n": typeof types.DeskTrailDocument,
    "\n      query ServedRootFields {\n        __schema {\n          queryType {\n            fields {\n              name\n            }\n          }\n          mutationType {\n            fields {\n              name\n            }\n          }\n        }\n      }\n    ": typeof types.ServedRootFieldsDocument,
    "\n      query AccountFigures($id: ID!) {\n        account(id: $id) {\n          balance\n          ledger(first: 1) {\n            totalCount\n          }\n          licenses {\n            id\n          }\n          tickets(first: 1) {\n            totalCount\n          }\n        }\n      }\n    ": typeof types.AccountFiguresDocument,
    "\n      mutation FixtureCreateAccount($i: CreateAccountInput!) {\n        createAccount(input: $i) {\n          id\n        }\n      }\n    ": typeof types.FixtureCreateAccountDocument,
    "\n      mutation FixtureIssueLicense($i: IssueLicenseInput!) {\n        issueLicense(input: $i) {\n          id\n          creditsGranted\n          grantNote\n          creditLot {\n            id\n            expiresAt\n          }\n        }\n      }\n    ": typeof types.FixtureIssueLicenseDocument,
    "\n      mutation FixturePurchase($i: PurchaseCreditsInput!) {\n        purchaseCredits(input: $i) {\n          id\n        }\n      }\n    ": typeof types.FixturePurchaseDocument,
    "\n      mutation FixtureOpenTicket($i: OpenTicketInput!) {\n        openTicket(input: $i) {\n          id\n        }\n      }\n    ": typeof types.FixtureOpenTicketDocument,
    "\n  mutation FixtureCharge($i: ChargeTicketInput!) {\n    chargeTicket(input: $i) {\n      id\n      credits\n      included\n      balanceAfter\n      refunded\n      allocations {\n        credits\n        lot {\n          id\n          source\n        }\n      }\n    }\n  }\n": typeof types.FixtureChargeDocument,
    "\n  mutation FixtureRefund($i: RefundTicketInput!) {\n    refundTicket(input: $i) {\n      id\n      credits\n      balanceAfter\n      allocations {\n        credits\n        lot {\n          id\n          source\n          expiresAt\n        }\n      }\n    }\n  }\n": typeof types.FixtureRefundDocument,
    "\n      query FixtureBalance($id: ID!, $asOf: DateTimeISO) {\n        account(id: $id) {\n          balance(asOf: $asOf)\n        }\n      }\n    ": typeof types.FixtureBalanceDocument,
    "\n      mutation FixtureCreateKey($i: CreateApiKeyInput!) {\n        createApiKey(input: $i) {\n          apiKey {\n            id\n          }\n          secret\n        }\n      }\n    ": typeof types.FixtureCreateKeyDocument,
};
const documents: Documents = {
    "\n  query AccessTicketStatus($id: ID!) {\n    ticket(id: $id) {\n      status\n    }\n  }\n": types.AccessTicketStatusDocument,
    "\n  mutation AccessRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.AccessRevokeDocument,
    "\n  query AccessMeRole {\n    me {\n      role\n    }\n  }\n": types.AccessMeRoleDocument,
    "\n  query AccessAccountId($id: ID!) {\n    account(id: $id) {\n      id\n    }\n  }\n": types.AccessAccountIdDocument,
    "\n  query AccessAccounts {\n    accounts(first: 100) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n": types.AccessAccountsDocument,
    "\n  mutation AccessExpire {\n    expireCredits\n  }\n": types.AccessExpireDocument,
    "\n  mutation AccessCreateAccount($i: CreateAccountInput!) {\n    createAccount(input: $i) {\n      id\n    }\n  }\n": types.AccessCreateAccountDocument,
    "\n          query AccessAccount($id: ID!) {\n            account(id: $id) {\n              id\n              name\n            }\n          }\n        ": types.AccessAccountDocument,
    "\n          query AccessAccountsPage {\n            accounts(first: 5) {\n              totalCount\n              nodes {\n                id\n              }\n            }\n          }\n        ": types.AccessAccountsPageDocument,
    "\n          query AccessLicense($id: ID!) {\n            license(id: $id) {\n              id\n              edition\n            }\n          }\n        ": types.AccessLicenseDocument,
    "\n          query AccessTicket($id: ID!) {\n            ticket(id: $id) {\n              id\n              subject\n              status\n            }\n          }\n        ": types.AccessTicketDocument,
    "\n          query AccessQuote($l: ID!) {\n            quote(licenseId: $l, category: ROOT_CAUSE_ANALYSIS) {\n              balance\n              price {\n                min\n                max\n              }\n            }\n          }\n        ": types.AccessQuoteDocument,
    "\n          query AccessCharges {\n            charges(first: 5) {\n              totalCount\n              nodes {\n                id\n              }\n            }\n          }\n        ": types.AccessChargesDocument,
    "\n          query AccessTickets {\n            tickets(first: 5) {\n              totalCount\n              nodes {\n                id\n              }\n            }\n          }\n        ": types.AccessTicketsDocument,
    "\n          query AccessTicketCounts {\n            ticketCounts {\n              open\n              total\n            }\n          }\n        ": types.AccessTicketCountsDocument,
    "\n          query AccessAuditEvents {\n            auditEvents(first: 5) {\n              totalCount\n              nodes {\n                id\n                action\n              }\n            }\n          }\n        ": types.AccessAuditEventsDocument,
    "\n          query AccessChargeSummary {\n            chargeSummary(groupBy: CATEGORY) {\n              key\n              charges\n              credits\n            }\n          }\n        ": types.AccessChargeSummaryDocument,
    "\n          query AccessMe {\n            me {\n              role\n              keyName\n              accountIds\n              permissions\n            }\n          }\n        ": types.AccessMeDocument,
    "\n          query AccessPricing {\n            pricing {\n              grantValidityMonths\n              grants {\n                edition\n                credits\n              }\n            }\n          }\n        ": types.AccessPricingDocument,
    "\n          query AccessErrorCodes {\n            errorCodes\n          }\n        ": types.AccessErrorCodesDocument,
    "\n          query AccessGrantPreview {\n            grantPreview(input: { edition: OWNED, listPriceCents: 10000, paidPriceCents: 10000 }) {\n              credits\n              note\n            }\n          }\n        ": types.AccessGrantPreviewDocument,
    "\n          query AccessApiKeys {\n            apiKeys {\n              id\n              role\n            }\n          }\n        ": types.AccessApiKeysDocument,
    "\n          mutation AccessIssueLicense($i: IssueLicenseInput!) {\n            issueLicense(input: $i) {\n              id\n              creditsGranted\n            }\n          }\n        ": types.AccessIssueLicenseDocument,
    "\n          mutation AccessPurchase($i: PurchaseCreditsInput!) {\n            purchaseCredits(input: $i) {\n              id\n              originalCredits\n            }\n          }\n        ": types.AccessPurchaseDocument,
    "\n          mutation AccessOpenTicket($i: OpenTicketInput!) {\n            openTicket(input: $i) {\n              id\n              status\n            }\n          }\n        ": types.AccessOpenTicketDocument,
    "\n          mutation AccessRefund($i: RefundTicketInput!) {\n            refundTicket(input: $i) {\n              id\n              credits\n            }\n          }\n        ": types.AccessRefundDocument,
    "\n          mutation AccessCreateKey($i: CreateApiKeyInput!) {\n            createApiKey(input: $i) {\n              apiKey {\n                id\n                role\n              }\n              secret\n            }\n          }\n        ": types.AccessCreateKeyDocument,
    "\n          mutation AccessUpdateScope($i: UpdateApiKeyScopeInput!) {\n            updateApiKeyScope(input: $i) {\n              id\n              accountIds\n            }\n          }\n        ": types.AccessUpdateScopeDocument,
    "\n              query AccessScopeAfter {\n                me {\n                  accountIds\n                }\n              }\n            ": types.AccessScopeAfterDocument,
    "\n      query AccessChargesOf($a: ID!) {\n        charges(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    ": types.AccessChargesOfDocument,
    "\n          query AccessAccountOfB($id: ID!) {\n            account(id: $id) {\n              id\n              name\n              balance\n            }\n          }\n        ": types.AccessAccountOfBDocument,
    "\n          query AccessLicenseOfB($id: ID!) {\n            license(id: $id) {\n              id\n              domain\n            }\n          }\n        ": types.AccessLicenseOfBDocument,
    "\n          query AccessTicketOfB($id: ID!) {\n            ticket(id: $id) {\n              id\n              subject\n            }\n          }\n        ": types.AccessTicketOfBDocument,
    "\n      query AccessChargeNodesOf($a: ID!) {\n        charges(filter: { accountId: $a }) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n    ": types.AccessChargeNodesOfDocument,
    "\n      query AccessSummaryOf($a: ID!) {\n        chargeSummary(filter: { accountId: $a }, groupBy: ACCOUNT) {\n          key\n          charges\n          credits\n        }\n      }\n    ": types.AccessSummaryOfDocument,
    "\n              query AccessQuoteOf($l: ID!) {\n                quote(licenseId: $l, category: SETUP) {\n                  balance\n                }\n              }\n            ": types.AccessQuoteOfDocument,
    "\n              mutation AccessIssueInto($i: IssueLicenseInput!) {\n                issueLicense(input: $i) {\n                  id\n                }\n              }\n            ": types.AccessIssueIntoDocument,
    "\n              mutation AccessPurchaseInto($i: PurchaseCreditsInput!) {\n                purchaseCredits(input: $i) {\n                  id\n                }\n              }\n            ": types.AccessPurchaseIntoDocument,
    "\n              mutation AccessOpenInto($i: OpenTicketInput!) {\n                openTicket(input: $i) {\n                  id\n                }\n              }\n            ": types.AccessOpenIntoDocument,
    "\n        query AccessOwnLicenses($id: ID!) {\n          account(id: $id) {\n            id\n            licenses {\n              id\n            }\n          }\n        }\n      ": types.AccessOwnLicensesDocument,
    "\n        mutation AccessRefundOwn($i: RefundTicketInput!) {\n          refundTicket(input: $i) {\n            id\n          }\n        }\n      ": types.AccessRefundOwnDocument,
    "\n      query AccessAccountName($id: ID!) {\n        account(id: $id) {\n          name\n        }\n      }\n    ": types.AccessAccountNameDocument,
    "\n        query AccessSearch($s: String) {\n          accounts(first: 100, search: $s) {\n            totalCount\n            nodes {\n              id\n            }\n          }\n        }\n      ": types.AccessSearchDocument,
    "\n        query AccessScopedCharges {\n          charges(first: 100) {\n            nodes {\n              account {\n                id\n              }\n            }\n          }\n          chargeSummary(groupBy: ACCOUNT) {\n            key\n          }\n        }\n      ": types.AccessScopedChargesDocument,
    "\n      query AccessMeScope {\n        me {\n          role\n          accountIds\n        }\n      }\n    ": types.AccessMeScopeDocument,
    "\n          query AccessPricingMonths {\n            pricing {\n              grantValidityMonths\n            }\n          }\n        ": types.AccessPricingMonthsDocument,
    "\n  query KeysRows {\n    apiKeys {\n      id\n      role\n      lastUsedAt\n      accountIds\n      accounts {\n        id\n        name\n      }\n    }\n  }\n": types.KeysRowsDocument,
    "\n  mutation KeysUpdateScope($i: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $i) {\n      id\n      accountIds\n      accounts {\n        id\n      }\n    }\n  }\n": types.KeysUpdateScopeDocument,
    "\n  query KeysMeRole {\n    me {\n      role\n    }\n  }\n": types.KeysMeRoleDocument,
    "\n  query KeysMeScope {\n    me {\n      accountIds\n    }\n  }\n": types.KeysMeScopeDocument,
    "\n  mutation KeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n": types.KeysRevokeDocument,
    "\n        query KeysGone($id: ID!) {\n          account(id: $id) {\n            id\n          }\n        }\n      ": types.KeysGoneDocument,
    "\n  mutation BadPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      id\n    }\n  }\n": types.BadPurchaseDocument,
    "\n  mutation BadIssue($i: IssueLicenseInput!) {\n    issueLicense(input: $i) {\n      id\n    }\n  }\n": types.BadIssueDocument,
    "\n  mutation BadOpen($i: OpenTicketInput!) {\n    openTicket(input: $i) {\n      id\n    }\n  }\n": types.BadOpenDocument,
    "\n  mutation BadCreateAccount($i: CreateAccountInput!) {\n    createAccount(input: $i) {\n      id\n    }\n  }\n": types.BadCreateAccountDocument,
    "\n  mutation BadRefund($i: RefundTicketInput!) {\n    refundTicket(input: $i) {\n      id\n    }\n  }\n": types.BadRefundDocument,
    "\n  mutation BadCreateKey($i: CreateApiKeyInput!) {\n    createApiKey(input: $i) {\n      secret\n    }\n  }\n": types.BadCreateKeyDocument,
    "\n  mutation BadUpdateScope($i: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $i) {\n      id\n    }\n  }\n": types.BadUpdateScopeDocument,
    "\n      query BadGrantPreview($i: GrantPreviewInput!) {\n        grantPreview(input: $i) {\n          credits\n        }\n      }\n    ": types.BadGrantPreviewDocument,
    "\n      query BadAccountId($id: ID!) {\n        account(id: $id) {\n          id\n        }\n      }\n    ": types.BadAccountIdDocument,
    "\n      query BadLicenseId($id: ID!) {\n        license(id: $id) {\n          id\n        }\n      }\n    ": types.BadLicenseIdDocument,
    "\n      query BadTicketId($id: ID!) {\n        ticket(id: $id) {\n          id\n        }\n      }\n    ": types.BadTicketIdDocument,
    "\n      query BadQuoteLicenseId($l: ID!) {\n        quote(licenseId: $l, category: SETUP) {\n          balance\n        }\n      }\n    ": types.BadQuoteLicenseIdDocument,
    "\n      query BadTicketsAccountId($a: ID) {\n        tickets(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    ": types.BadTicketsAccountIdDocument,
    "\n      query BadTicketsOpenedBy($a: ID) {\n        tickets(filter: { openedBy: $a }) {\n          totalCount\n        }\n      }\n    ": types.BadTicketsOpenedByDocument,
    "\n      query BadTicketCountsAccountId($a: ID) {\n        ticketCounts(filter: { accountId: $a }) {\n          open\n        }\n      }\n    ": types.BadTicketCountsAccountIdDocument,
    "\n      query BadTicketCountsOpenedBy($a: ID) {\n        ticketCounts(filter: { openedBy: $a }) {\n          open\n        }\n      }\n    ": types.BadTicketCountsOpenedByDocument,
    "\n      query BadAuditAccountId($a: ID) {\n        auditEvents(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    ": types.BadAuditAccountIdDocument,
    "\n      query BadAuditKeyId($a: ID) {\n        auditEvents(filter: { keyId: $a }) {\n          totalCount\n        }\n      }\n    ": types.BadAuditKeyIdDocument,
    "\n      query BadChargesAccountId($a: ID) {\n        charges(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    ": types.BadChargesAccountIdDocument,
    "\n      query BadSummaryAccountId($a: ID) {\n        chargeSummary(filter: { accountId: $a }, groupBy: DAY) {\n          key\n        }\n      }\n    ": types.BadSummaryAccountIdDocument,
    "\n      mutation BadRevokeId($id: ID!) {\n        revokeApiKey(id: $id) {\n          id\n        }\n      }\n    ": types.BadRevokeIdDocument,
    "\n          query BadGrouping($g: ChargeGrouping!) {\n            chargeSummary(groupBy: $g) {\n              key\n            }\n          }\n        ": types.BadGroupingDocument,
    "\n          query BadTicketStatus($id: ID!, $s: TicketStatus) {\n            account(id: $id) {\n              tickets(status: $s) {\n                totalCount\n              }\n            }\n          }\n        ": types.BadTicketStatusDocument,
    "\n        query BadaccountsFirst($n: Int) {\n          accounts(first: $n) {\n            totalCount\n          }\n        }\n      ": types.BadaccountsFirstDocument,
    "\n        query BadchargesFirst($n: Int) {\n          charges(first: $n) {\n            totalCount\n          }\n        }\n      ": types.BadchargesFirstDocument,
    "\n        query BadAccountticketsFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            tickets(first: $n) {\n              totalCount\n            }\n          }\n        }\n      ": types.BadAccountticketsFirstDocument,
    "\n        query BadAccountchargesFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            charges(first: $n) {\n              totalCount\n            }\n          }\n        }\n      ": types.BadAccountchargesFirstDocument,
    "\n        query BadAccountledgerFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            ledger(first: $n) {\n              totalCount\n            }\n          }\n        }\n      ": types.BadAccountledgerFirstDocument,
    "\n        query BadAccountstatementsFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            statements(first: $n) {\n              totalCount\n            }\n          }\n        }\n      ": types.BadAccountstatementsFirstDocument,
    "\n        query BadaccountsAfter($c: String) {\n          accounts(after: $c) {\n            totalCount\n          }\n        }\n      ": types.BadaccountsAfterDocument,
    "\n        query BadchargesAfter($c: String) {\n          charges(after: $c) {\n            totalCount\n          }\n        }\n      ": types.BadchargesAfterDocument,
    "\n        query BadAccountticketsAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            tickets(after: $c) {\n              totalCount\n            }\n          }\n        }\n      ": types.BadAccountticketsAfterDocument,
    "\n        query BadAccountchargesAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            charges(after: $c) {\n              totalCount\n            }\n          }\n        }\n      ": types.BadAccountchargesAfterDocument,
    "\n        query BadAccountledgerAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            ledger(after: $c) {\n              totalCount\n            }\n          }\n        }\n      ": types.BadAccountledgerAfterDocument,
    "\n        query BadAccountstatementsAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            statements(after: $c) {\n              totalCount\n            }\n          }\n        }\n      ": types.BadAccountstatementsAfterDocument,
    "\n    query BadSummaryPage($g: ChargeGrouping!, $n: Int, $c: String) {\n      chargeSummary(groupBy: $g, first: $n, after: $c) {\n        key\n      }\n    }\n  ": types.BadSummaryPageDocument,
    "\n      mutation ClockExpire {\n        expireCredits\n      }\n    ": types.ClockExpireDocument,
    "\n        query ClockLedger($id: ID!) {\n          account(id: $id) {\n            ledger {\n              nodes {\n                kind\n                credits\n                at\n              }\n            }\n          }\n        }\n      ": types.ClockLedgerDocument,
    "\n  mutation ConcurrentPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      id\n      originalCredits\n      remainingCredits\n    }\n  }\n": types.ConcurrentPurchaseDocument,
    "\n  mutation ConcurrentExpire {\n    expireCredits\n  }\n": types.ConcurrentExpireDocument,
    "\n  query ConcurrentOpenTickets($id: ID!) {\n    account(id: $id) {\n      tickets(first: 50, status: OPEN) {\n        totalCount\n      }\n    }\n  }\n": types.ConcurrentOpenTicketsDocument,
    "\n  query DataloaderPage($n: Int!) {\n    accounts(first: $n) {\n      nodes {\n        id\n        name\n        balance\n        licenses {\n          id\n          creditLot {\n            id\n          }\n        }\n        creditLots {\n          id\n        }\n        tickets(first: 5) {\n          nodes {\n            id\n            charge {\n              id\n              allocations {\n                credits\n                lot {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.DataloaderPageDocument,
    "\n  query ErrorsTicket($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n    }\n  }\n": types.ErrorsTicketDocument,
    "\n  query ErrorsSubject($id: ID!) {\n    ticket(id: $id) {\n      subject\n    }\n  }\n": types.ErrorsSubjectDocument,
    "\n      mutation ErrorsOpen($i: OpenTicketInput!) {\n        openTicket(input: $i) {\n          id\n          subject\n        }\n      }\n    ": types.ErrorsOpenDocument,
    "\n      query ErrorsMixed($id: ID!, $l: ID!) {\n        pricing {\n          grantValidityMonths\n        }\n        license(id: $l) {\n          id\n        }\n        ticket(id: $id) {\n          subject\n        }\n      }\n    ": types.ErrorsMixedDocument,
    "\n          mutation ExportOpenTicket($i: OpenTicketInput!) {\n            openTicket(input: $i) {\n              id\n            }\n          }\n        ": types.ExportOpenTicketDocument,
    "\n  mutation PropIssue($i: IssueLicenseInput!) {\n    issueLicense(input: $i) {\n      id\n      creditsGranted\n      creditLot {\n        id\n        expiresAt\n        originalCredits\n      }\n    }\n  }\n": types.PropIssueDocument,
    "\n  mutation PropPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      id\n      originalCredits\n      expiresAt\n      source\n    }\n  }\n": types.PropPurchaseDocument,
    "\n  mutation PropOpen($i: OpenTicketInput!) {\n    openTicket(input: $i) {\n      id\n      status\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n": types.PropOpenDocument,
    "\n  mutation PropExpire($asOf: DateTimeISO) {\n    expireCredits(asOf: $asOf)\n  }\n": types.PropExpireDocument,
    "\n  query PropSnapshot($id: ID!, $future: DateTimeISO) {\n    account(id: $id) {\n      balance\n      future: balance(asOf: $future)\n      creditLots(includeExpired: true) {\n        id\n        source\n        originalCredits\n        remainingCredits\n        expiresAt\n        expired\n      }\n      tickets(first: 50) {\n        nodes {\n          id\n          status\n        }\n        totalCount\n      }\n    }\n  }\n": types.PropSnapshotDocument,
    "\n  query PropHistory(\n    $id: ID!\n    $t0: DateTimeISO!\n    $t1: DateTimeISO!\n    $t2: DateTimeISO!\n    $t3: DateTimeISO!\n    $t4: DateTimeISO!\n    $t5: DateTimeISO!\n    $t6: DateTimeISO!\n    $t7: DateTimeISO!\n    $t8: DateTimeISO!\n    $t9: DateTimeISO!\n  ) {\n    account(id: $id) {\n      b0: balance(asOf: $t0)\n      b1: balance(asOf: $t1)\n      b2: balance(asOf: $t2)\n      b3: balance(asOf: $t3)\n      b4: balance(asOf: $t4)\n      b5: balance(asOf: $t5)\n      b6: balance(asOf: $t6)\n      b7: balance(asOf: $t7)\n      b8: balance(asOf: $t8)\n      b9: balance(asOf: $t9)\n    }\n  }\n": types.PropHistoryDocument,
    "\n  fragment LotFields on CreditLot {\n    id\n    source\n    originalCredits\n    remainingCredits\n    spentCredits\n    refundedCredits\n    expiredCredits\n    expiresAt\n    expired\n    createdAt\n    paymentReference\n    amountPaidCents\n    currency\n    remainingValueCents\n    spentValueCents\n    expiredValueCents\n    license {\n      id\n    }\n  }\n": types.LotFieldsFragmentDoc,
    "\n  mutation RulesIssue($i: IssueLicenseInput!) {\n    issueLicense(input: $i) {\n      id\n      edition\n      hostingPlan\n      orderDate\n      creditsGranted\n      grantNote\n      includedLevels\n      creditLot {\n        ...LotFields\n      }\n    }\n  }\n": types.RulesIssueDocument,
    "\n  mutation RulesPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      ...LotFields\n      alreadyRecorded\n    }\n  }\n": types.RulesPurchaseDocument,
    "\n  mutation RulesOpen($i: OpenTicketInput!) {\n    openTicket(input: $i) {\n      id\n      category\n      level\n      status\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n      }\n    }\n  }\n": types.RulesOpenDocument,
    "\n  mutation RulesCharge($i: ChargeTicketInput!) {\n    chargeTicket(input: $i) {\n      id\n      credits\n      included\n      balanceAfter\n      refunded\n      createdAt\n      ticket {\n        id\n        status\n      }\n      allocations {\n        credits\n        lot {\n          id\n          source\n        }\n      }\n    }\n  }\n": types.RulesChargeDocument,
    "\n  mutation RulesRefund($i: RefundTicketInput!) {\n    refundTicket(input: $i) {\n      id\n      credits\n      reason\n      balanceAfter\n      createdAt\n      allocations {\n        credits\n        lot {\n          id\n          source\n          expiresAt\n        }\n      }\n      charge {\n        id\n        credits\n        included\n        refunded\n        allocations {\n          credits\n          lot {\n            id\n          }\n        }\n      }\n      ticket {\n        id\n        status\n      }\n    }\n  }\n": types.RulesRefundDocument,
    "\n  query RulesTicket($id: ID!) {\n    ticket(id: $id) {\n      id\n      status\n      price {\n        min\n        max\n        included\n      }\n      charge {\n        id\n        credits\n      }\n      refund {\n        id\n        credits\n      }\n    }\n  }\n": types.RulesTicketDocument,
    "\n  query RulesState($id: ID!) {\n    account(id: $id) {\n      balance\n      ledger(first: 0) {\n        totalCount\n      }\n      charges(first: 0) {\n        totalCount\n      }\n      statements(first: 0) {\n        totalCount\n      }\n      creditLots(includeExpired: true) {\n        id\n        remainingCredits\n        spentCredits\n        refundedCredits\n        expiredCredits\n      }\n    }\n  }\n": types.RulesStateDocument,
    "\n  query RulesLots($id: ID!, $all: Boolean) {\n    account(id: $id) {\n      creditLots(includeExpired: $all) {\n        ...LotFields\n      }\n    }\n  }\n": types.RulesLotsDocument,
    "\n  query RulesLedger($id: ID!) {\n    account(id: $id) {\n      ledger(first: 100) {\n        totalCount\n        nodes {\n          id\n          kind\n          credits\n          at\n          lot {\n            id\n          }\n          ticket {\n            id\n          }\n        }\n      }\n    }\n  }\n": types.RulesLedgerDocument,
    "\n  query RulesBalance($id: ID!, $asOf: DateTimeISO) {\n    account(id: $id) {\n      balance(asOf: $asOf)\n    }\n  }\n": types.RulesBalanceDocument,
    "\n  mutation RulesExpire($asOf: DateTimeISO) {\n    expireCredits(asOf: $asOf)\n  }\n": types.RulesExpireDocument,
    "\n  query RulesChargeCount($id: ID!) {\n    account(id: $id) {\n      charges {\n        totalCount\n      }\n    }\n  }\n": types.RulesChargeCountDocument,
    "\n        query RulesGrantDecisions($id: ID!, $l: ID!) {\n          license(id: $l) {\n            id\n            creditsGranted\n            grantNote\n            creditLot {\n              id\n            }\n          }\n          account(id: $id) {\n            licenses {\n              id\n              creditsGranted\n              grantNote\n              creditLot {\n                id\n              }\n            }\n          }\n        }\n      ": types.RulesGrantDecisionsDocument,
    "\n            query RulesQuote($l: ID!, $c: TicketCategory!) {\n              quote(licenseId: $l, category: $c) {\n                category\n                level\n                price {\n                  min\n                  max\n                  included\n                }\n              }\n            }\n          ": types.RulesQuoteDocument,
    "\n        query RulesIncludedCharges($id: ID!) {\n          account(id: $id) {\n            charges {\n              totalCount\n              nodes {\n                id\n                credits\n                included\n              }\n            }\n          }\n          charges(filter: { accountId: $id, included: true }) {\n            totalCount\n            nodes {\n              id\n              credits\n              included\n            }\n          }\n        }\n      ": types.RulesIncludedChargesDocument,
    "\n        query RulesOpenTickets($id: ID!) {\n          account(id: $id) {\n            tickets(status: OPEN) {\n              totalCount\n            }\n          }\n        }\n      ": types.RulesOpenTicketsDocument,
    "\n      query RulesStatements($id: ID!) {\n        account(id: $id) {\n          statements {\n            totalCount\n            nodes {\n              kind\n              credits\n              balanceAfter\n              message\n              ticket {\n                id\n              }\n            }\n          }\n        }\n      }\n    ": types.RulesStatementsDocument,
    "\n  query PortalTestPage($id: ID!) {\n    me {\n      role\n      accountIds\n      permissions\n    }\n    account(id: $id) {\n      id\n      balance\n      creditLots {\n        id\n        remainingCredits\n        expiresAt\n      }\n      receipts {\n        nodes {\n          kind\n          credits\n        }\n      }\n    }\n  }\n": types.PortalTestPageDocument,
    "\n  mutation PortalTestCreate($a: ID!) {\n    createPortalLink(accountId: $a) {\n      url\n      expiresAt\n    }\n  }\n": types.PortalTestCreateDocument,
    "\n  mutation PortalTestRevoke($a: ID!) {\n    revokePortalLinks(accountId: $a)\n  }\n": types.PortalTestRevokeDocument,
    "\n  query PortalTestEmail($id: ID!) {\n    account(id: $id) {\n      email\n      balance\n    }\n  }\n": types.PortalTestEmailDocument,
    "\n        mutation EdgesTwoPurchases($a: ID!) {\n          p1: purchaseCredits(input: { accountId: $a, credits: 100, paymentReference: \"fresh-1\" }) {\n            account {\n              balance\n            }\n          }\n          p2: purchaseCredits(input: { accountId: $a, credits: 50, paymentReference: \"fresh-2\" }) {\n            account {\n              balance\n            }\n          }\n        }\n      ": types.EdgesTwoPurchasesDocument,
    "\n        query EdgesSearch($s: String) {\n          accounts(search: $s) {\n            totalCount\n          }\n        }\n      ": types.EdgesSearchDocument,
    "\n          query EdgesMe {\n            me {\n              role\n            }\n          }\n        ": types.EdgesMeDocument,
    "\n      query EdgesMeBoth {\n        me {\n          role\n        }\n      }\n    ": types.EdgesMeBothDocument,
    "\n        query EdgesFirstPage {\n          accounts(first: 1) {\n            pageInfo {\n              endCursor\n            }\n          }\n        }\n      ": types.EdgesFirstPageDocument,
    "\n        query EdgesEmptyPage($c: String) {\n          accounts(first: 0, after: $c) {\n            nodes {\n              id\n            }\n            pageInfo {\n              endCursor\n            }\n          }\n        }\n      ": types.EdgesEmptyPageDocument,
    "\n              query EdgesRead {\n                accounts(first: 1) {\n                  totalCount\n                }\n              }\n            ": types.EdgesReadDocument,
    "\n  query DeskQueue($f: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $f, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        category\n        level\n        openedByKeyId\n        openedByName\n        account {\n          id\n        }\n      }\n    }\n  }\n": types.DeskQueueDocument,
    "\n  query DeskCounts($f: TicketFilter) {\n    ticketCounts(filter: $f) {\n      open\n      charged\n      refunded\n      total\n    }\n  }\n": types.DeskCountsDocument,
    "\n  query DeskTrail($f: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $f, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        action\n        accountId\n        targetId\n        keyId\n        keyName\n        role\n        requestId\n        details\n      }\n    }\n  }\n": types.DeskTrailDocument,
    "\n      query ServedRootFields {\n        __schema {\n          queryType {\n            fields {\n              name\n            }\n          }\n          mutationType {\n            fields {\n              name\n            }\n          }\n        }\n      }\n    ": types.ServedRootFieldsDocument,
    "\n      query AccountFigures($id: ID!) {\n        account(id: $id) {\n          balance\n          ledger(first: 1) {\n            totalCount\n          }\n          licenses {\n            id\n          }\n          tickets(first: 1) {\n            totalCount\n          }\n        }\n      }\n    ": types.AccountFiguresDocument,
    "\n      mutation FixtureCreateAccount($i: CreateAccountInput!) {\n        createAccount(input: $i) {\n          id\n        }\n      }\n    ": types.FixtureCreateAccountDocument,
    "\n      mutation FixtureIssueLicense($i: IssueLicenseInput!) {\n        issueLicense(input: $i) {\n          id\n          creditsGranted\n          grantNote\n          creditLot {\n            id\n            expiresAt\n          }\n        }\n      }\n    ": types.FixtureIssueLicenseDocument,
    "\n      mutation FixturePurchase($i: PurchaseCreditsInput!) {\n        purchaseCredits(input: $i) {\n          id\n        }\n      }\n    ": types.FixturePurchaseDocument,
    "\n      mutation FixtureOpenTicket($i: OpenTicketInput!) {\n        openTicket(input: $i) {\n          id\n        }\n      }\n    ": types.FixtureOpenTicketDocument,
    "\n  mutation FixtureCharge($i: ChargeTicketInput!) {\n    chargeTicket(input: $i) {\n      id\n      credits\n      included\n      balanceAfter\n      refunded\n      allocations {\n        credits\n        lot {\n          id\n          source\n        }\n      }\n    }\n  }\n": types.FixtureChargeDocument,
    "\n  mutation FixtureRefund($i: RefundTicketInput!) {\n    refundTicket(input: $i) {\n      id\n      credits\n      balanceAfter\n      allocations {\n        credits\n        lot {\n          id\n          source\n          expiresAt\n        }\n      }\n    }\n  }\n": types.FixtureRefundDocument,
    "\n      query FixtureBalance($id: ID!, $asOf: DateTimeISO) {\n        account(id: $id) {\n          balance(asOf: $asOf)\n        }\n      }\n    ": types.FixtureBalanceDocument,
    "\n      mutation FixtureCreateKey($i: CreateApiKeyInput!) {\n        createApiKey(input: $i) {\n          apiKey {\n            id\n          }\n          secret\n        }\n      }\n    ": types.FixtureCreateKeyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessTicketStatus($id: ID!) {\n    ticket(id: $id) {\n      status\n    }\n  }\n"): typeof import('./graphql').AccessTicketStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').AccessRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessMeRole {\n    me {\n      role\n    }\n  }\n"): typeof import('./graphql').AccessMeRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessAccountId($id: ID!) {\n    account(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').AccessAccountIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessAccounts {\n    accounts(first: 100) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').AccessAccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessExpire {\n    expireCredits\n  }\n"): typeof import('./graphql').AccessExpireDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessCreateAccount($i: CreateAccountInput!) {\n    createAccount(input: $i) {\n      id\n    }\n  }\n"): typeof import('./graphql').AccessCreateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessAccount($id: ID!) {\n            account(id: $id) {\n              id\n              name\n            }\n          }\n        "): typeof import('./graphql').AccessAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessAccountsPage {\n            accounts(first: 5) {\n              totalCount\n              nodes {\n                id\n              }\n            }\n          }\n        "): typeof import('./graphql').AccessAccountsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessLicense($id: ID!) {\n            license(id: $id) {\n              id\n              edition\n            }\n          }\n        "): typeof import('./graphql').AccessLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessTicket($id: ID!) {\n            ticket(id: $id) {\n              id\n              subject\n              status\n            }\n          }\n        "): typeof import('./graphql').AccessTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessQuote($l: ID!) {\n            quote(licenseId: $l, category: ROOT_CAUSE_ANALYSIS) {\n              balance\n              price {\n                min\n                max\n              }\n            }\n          }\n        "): typeof import('./graphql').AccessQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessCharges {\n            charges(first: 5) {\n              totalCount\n              nodes {\n                id\n              }\n            }\n          }\n        "): typeof import('./graphql').AccessChargesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessTickets {\n            tickets(first: 5) {\n              totalCount\n              nodes {\n                id\n              }\n            }\n          }\n        "): typeof import('./graphql').AccessTicketsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessTicketCounts {\n            ticketCounts {\n              open\n              total\n            }\n          }\n        "): typeof import('./graphql').AccessTicketCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessAuditEvents {\n            auditEvents(first: 5) {\n              totalCount\n              nodes {\n                id\n                action\n              }\n            }\n          }\n        "): typeof import('./graphql').AccessAuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessChargeSummary {\n            chargeSummary(groupBy: CATEGORY) {\n              key\n              charges\n              credits\n            }\n          }\n        "): typeof import('./graphql').AccessChargeSummaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessMe {\n            me {\n              role\n              keyName\n              accountIds\n              permissions\n            }\n          }\n        "): typeof import('./graphql').AccessMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessPricing {\n            pricing {\n              grantValidityMonths\n              grants {\n                edition\n                credits\n              }\n            }\n          }\n        "): typeof import('./graphql').AccessPricingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessErrorCodes {\n            errorCodes\n          }\n        "): typeof import('./graphql').AccessErrorCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessGrantPreview {\n            grantPreview(input: { edition: OWNED, listPriceCents: 10000, paidPriceCents: 10000 }) {\n              credits\n              note\n            }\n          }\n        "): typeof import('./graphql').AccessGrantPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessApiKeys {\n            apiKeys {\n              id\n              role\n            }\n          }\n        "): typeof import('./graphql').AccessApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AccessIssueLicense($i: IssueLicenseInput!) {\n            issueLicense(input: $i) {\n              id\n              creditsGranted\n            }\n          }\n        "): typeof import('./graphql').AccessIssueLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AccessPurchase($i: PurchaseCreditsInput!) {\n            purchaseCredits(input: $i) {\n              id\n              originalCredits\n            }\n          }\n        "): typeof import('./graphql').AccessPurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AccessOpenTicket($i: OpenTicketInput!) {\n            openTicket(input: $i) {\n              id\n              status\n            }\n          }\n        "): typeof import('./graphql').AccessOpenTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AccessRefund($i: RefundTicketInput!) {\n            refundTicket(input: $i) {\n              id\n              credits\n            }\n          }\n        "): typeof import('./graphql').AccessRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AccessCreateKey($i: CreateApiKeyInput!) {\n            createApiKey(input: $i) {\n              apiKey {\n                id\n                role\n              }\n              secret\n            }\n          }\n        "): typeof import('./graphql').AccessCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AccessUpdateScope($i: UpdateApiKeyScopeInput!) {\n            updateApiKeyScope(input: $i) {\n              id\n              accountIds\n            }\n          }\n        "): typeof import('./graphql').AccessUpdateScopeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              query AccessScopeAfter {\n                me {\n                  accountIds\n                }\n              }\n            "): typeof import('./graphql').AccessScopeAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AccessChargesOf($a: ID!) {\n        charges(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    "): typeof import('./graphql').AccessChargesOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessAccountOfB($id: ID!) {\n            account(id: $id) {\n              id\n              name\n              balance\n            }\n          }\n        "): typeof import('./graphql').AccessAccountOfBDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessLicenseOfB($id: ID!) {\n            license(id: $id) {\n              id\n              domain\n            }\n          }\n        "): typeof import('./graphql').AccessLicenseOfBDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessTicketOfB($id: ID!) {\n            ticket(id: $id) {\n              id\n              subject\n            }\n          }\n        "): typeof import('./graphql').AccessTicketOfBDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AccessChargeNodesOf($a: ID!) {\n        charges(filter: { accountId: $a }) {\n          totalCount\n          nodes {\n            id\n          }\n        }\n      }\n    "): typeof import('./graphql').AccessChargeNodesOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AccessSummaryOf($a: ID!) {\n        chargeSummary(filter: { accountId: $a }, groupBy: ACCOUNT) {\n          key\n          charges\n          credits\n        }\n      }\n    "): typeof import('./graphql').AccessSummaryOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              query AccessQuoteOf($l: ID!) {\n                quote(licenseId: $l, category: SETUP) {\n                  balance\n                }\n              }\n            "): typeof import('./graphql').AccessQuoteOfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              mutation AccessIssueInto($i: IssueLicenseInput!) {\n                issueLicense(input: $i) {\n                  id\n                }\n              }\n            "): typeof import('./graphql').AccessIssueIntoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              mutation AccessPurchaseInto($i: PurchaseCreditsInput!) {\n                purchaseCredits(input: $i) {\n                  id\n                }\n              }\n            "): typeof import('./graphql').AccessPurchaseIntoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              mutation AccessOpenInto($i: OpenTicketInput!) {\n                openTicket(input: $i) {\n                  id\n                }\n              }\n            "): typeof import('./graphql').AccessOpenIntoDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query AccessOwnLicenses($id: ID!) {\n          account(id: $id) {\n            id\n            licenses {\n              id\n            }\n          }\n        }\n      "): typeof import('./graphql').AccessOwnLicensesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation AccessRefundOwn($i: RefundTicketInput!) {\n          refundTicket(input: $i) {\n            id\n          }\n        }\n      "): typeof import('./graphql').AccessRefundOwnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AccessAccountName($id: ID!) {\n        account(id: $id) {\n          name\n        }\n      }\n    "): typeof import('./graphql').AccessAccountNameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query AccessSearch($s: String) {\n          accounts(first: 100, search: $s) {\n            totalCount\n            nodes {\n              id\n            }\n          }\n        }\n      "): typeof import('./graphql').AccessSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query AccessScopedCharges {\n          charges(first: 100) {\n            nodes {\n              account {\n                id\n              }\n            }\n          }\n          chargeSummary(groupBy: ACCOUNT) {\n            key\n          }\n        }\n      "): typeof import('./graphql').AccessScopedChargesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AccessMeScope {\n        me {\n          role\n          accountIds\n        }\n      }\n    "): typeof import('./graphql').AccessMeScopeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query AccessPricingMonths {\n            pricing {\n              grantValidityMonths\n            }\n          }\n        "): typeof import('./graphql').AccessPricingMonthsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysRows {\n    apiKeys {\n      id\n      role\n      lastUsedAt\n      accountIds\n      accounts {\n        id\n        name\n      }\n    }\n  }\n"): typeof import('./graphql').KeysRowsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysUpdateScope($i: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $i) {\n      id\n      accountIds\n      accounts {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').KeysUpdateScopeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysMeRole {\n    me {\n      role\n    }\n  }\n"): typeof import('./graphql').KeysMeRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeysMeScope {\n    me {\n      accountIds\n    }\n  }\n"): typeof import('./graphql').KeysMeScopeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysRevoke($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n    }\n  }\n"): typeof import('./graphql').KeysRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query KeysGone($id: ID!) {\n          account(id: $id) {\n            id\n          }\n        }\n      "): typeof import('./graphql').KeysGoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      id\n    }\n  }\n"): typeof import('./graphql').BadPurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadIssue($i: IssueLicenseInput!) {\n    issueLicense(input: $i) {\n      id\n    }\n  }\n"): typeof import('./graphql').BadIssueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadOpen($i: OpenTicketInput!) {\n    openTicket(input: $i) {\n      id\n    }\n  }\n"): typeof import('./graphql').BadOpenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadCreateAccount($i: CreateAccountInput!) {\n    createAccount(input: $i) {\n      id\n    }\n  }\n"): typeof import('./graphql').BadCreateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadRefund($i: RefundTicketInput!) {\n    refundTicket(input: $i) {\n      id\n    }\n  }\n"): typeof import('./graphql').BadRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadCreateKey($i: CreateApiKeyInput!) {\n    createApiKey(input: $i) {\n      secret\n    }\n  }\n"): typeof import('./graphql').BadCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BadUpdateScope($i: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $i) {\n      id\n    }\n  }\n"): typeof import('./graphql').BadUpdateScopeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadGrantPreview($i: GrantPreviewInput!) {\n        grantPreview(input: $i) {\n          credits\n        }\n      }\n    "): typeof import('./graphql').BadGrantPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadAccountId($id: ID!) {\n        account(id: $id) {\n          id\n        }\n      }\n    "): typeof import('./graphql').BadAccountIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadLicenseId($id: ID!) {\n        license(id: $id) {\n          id\n        }\n      }\n    "): typeof import('./graphql').BadLicenseIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadTicketId($id: ID!) {\n        ticket(id: $id) {\n          id\n        }\n      }\n    "): typeof import('./graphql').BadTicketIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadQuoteLicenseId($l: ID!) {\n        quote(licenseId: $l, category: SETUP) {\n          balance\n        }\n      }\n    "): typeof import('./graphql').BadQuoteLicenseIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadTicketsAccountId($a: ID) {\n        tickets(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    "): typeof import('./graphql').BadTicketsAccountIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadTicketsOpenedBy($a: ID) {\n        tickets(filter: { openedBy: $a }) {\n          totalCount\n        }\n      }\n    "): typeof import('./graphql').BadTicketsOpenedByDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadTicketCountsAccountId($a: ID) {\n        ticketCounts(filter: { accountId: $a }) {\n          open\n        }\n      }\n    "): typeof import('./graphql').BadTicketCountsAccountIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadTicketCountsOpenedBy($a: ID) {\n        ticketCounts(filter: { openedBy: $a }) {\n          open\n        }\n      }\n    "): typeof import('./graphql').BadTicketCountsOpenedByDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadAuditAccountId($a: ID) {\n        auditEvents(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    "): typeof import('./graphql').BadAuditAccountIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadAuditKeyId($a: ID) {\n        auditEvents(filter: { keyId: $a }) {\n          totalCount\n        }\n      }\n    "): typeof import('./graphql').BadAuditKeyIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadChargesAccountId($a: ID) {\n        charges(filter: { accountId: $a }) {\n          totalCount\n        }\n      }\n    "): typeof import('./graphql').BadChargesAccountIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query BadSummaryAccountId($a: ID) {\n        chargeSummary(filter: { accountId: $a }, groupBy: DAY) {\n          key\n        }\n      }\n    "): typeof import('./graphql').BadSummaryAccountIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation BadRevokeId($id: ID!) {\n        revokeApiKey(id: $id) {\n          id\n        }\n      }\n    "): typeof import('./graphql').BadRevokeIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query BadGrouping($g: ChargeGrouping!) {\n            chargeSummary(groupBy: $g) {\n              key\n            }\n          }\n        "): typeof import('./graphql').BadGroupingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query BadTicketStatus($id: ID!, $s: TicketStatus) {\n            account(id: $id) {\n              tickets(status: $s) {\n                totalCount\n              }\n            }\n          }\n        "): typeof import('./graphql').BadTicketStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadaccountsFirst($n: Int) {\n          accounts(first: $n) {\n            totalCount\n          }\n        }\n      "): typeof import('./graphql').BadaccountsFirstDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadchargesFirst($n: Int) {\n          charges(first: $n) {\n            totalCount\n          }\n        }\n      "): typeof import('./graphql').BadchargesFirstDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadAccountticketsFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            tickets(first: $n) {\n              totalCount\n            }\n          }\n        }\n      "): typeof import('./graphql').BadAccountticketsFirstDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadAccountchargesFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            charges(first: $n) {\n              totalCount\n            }\n          }\n        }\n      "): typeof import('./graphql').BadAccountchargesFirstDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadAccountledgerFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            ledger(first: $n) {\n              totalCount\n            }\n          }\n        }\n      "): typeof import('./graphql').BadAccountledgerFirstDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadAccountstatementsFirst($id: ID!, $n: Int) {\n          account(id: $id) {\n            statements(first: $n) {\n              totalCount\n            }\n          }\n        }\n      "): typeof import('./graphql').BadAccountstatementsFirstDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadaccountsAfter($c: String) {\n          accounts(after: $c) {\n            totalCount\n          }\n        }\n      "): typeof import('./graphql').BadaccountsAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadchargesAfter($c: String) {\n          charges(after: $c) {\n            totalCount\n          }\n        }\n      "): typeof import('./graphql').BadchargesAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadAccountticketsAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            tickets(after: $c) {\n              totalCount\n            }\n          }\n        }\n      "): typeof import('./graphql').BadAccountticketsAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadAccountchargesAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            charges(after: $c) {\n              totalCount\n            }\n          }\n        }\n      "): typeof import('./graphql').BadAccountchargesAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadAccountledgerAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            ledger(after: $c) {\n              totalCount\n            }\n          }\n        }\n      "): typeof import('./graphql').BadAccountledgerAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query BadAccountstatementsAfter($id: ID!, $c: String) {\n          account(id: $id) {\n            statements(after: $c) {\n              totalCount\n            }\n          }\n        }\n      "): typeof import('./graphql').BadAccountstatementsAfterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BadSummaryPage($g: ChargeGrouping!, $n: Int, $c: String) {\n      chargeSummary(groupBy: $g, first: $n, after: $c) {\n        key\n      }\n    }\n  "): typeof import('./graphql').BadSummaryPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation ClockExpire {\n        expireCredits\n      }\n    "): typeof import('./graphql').ClockExpireDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query ClockLedger($id: ID!) {\n          account(id: $id) {\n            ledger {\n              nodes {\n                kind\n                credits\n                at\n              }\n            }\n          }\n        }\n      "): typeof import('./graphql').ClockLedgerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcurrentPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      id\n      originalCredits\n      remainingCredits\n    }\n  }\n"): typeof import('./graphql').ConcurrentPurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConcurrentExpire {\n    expireCredits\n  }\n"): typeof import('./graphql').ConcurrentExpireDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConcurrentOpenTickets($id: ID!) {\n    account(id: $id) {\n      tickets(first: 50, status: OPEN) {\n        totalCount\n      }\n    }\n  }\n"): typeof import('./graphql').ConcurrentOpenTicketsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataloaderPage($n: Int!) {\n    accounts(first: $n) {\n      nodes {\n        id\n        name\n        balance\n        licenses {\n          id\n          creditLot {\n            id\n          }\n        }\n        creditLots {\n          id\n        }\n        tickets(first: 5) {\n          nodes {\n            id\n            charge {\n              id\n              allocations {\n                credits\n                lot {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DataloaderPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ErrorsTicket($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n    }\n  }\n"): typeof import('./graphql').ErrorsTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ErrorsSubject($id: ID!) {\n    ticket(id: $id) {\n      subject\n    }\n  }\n"): typeof import('./graphql').ErrorsSubjectDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation ErrorsOpen($i: OpenTicketInput!) {\n        openTicket(input: $i) {\n          id\n          subject\n        }\n      }\n    "): typeof import('./graphql').ErrorsOpenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query ErrorsMixed($id: ID!, $l: ID!) {\n        pricing {\n          grantValidityMonths\n        }\n        license(id: $l) {\n          id\n        }\n        ticket(id: $id) {\n          subject\n        }\n      }\n    "): typeof import('./graphql').ErrorsMixedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation ExportOpenTicket($i: OpenTicketInput!) {\n            openTicket(input: $i) {\n              id\n            }\n          }\n        "): typeof import('./graphql').ExportOpenTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropIssue($i: IssueLicenseInput!) {\n    issueLicense(input: $i) {\n      id\n      creditsGranted\n      creditLot {\n        id\n        expiresAt\n        originalCredits\n      }\n    }\n  }\n"): typeof import('./graphql').PropIssueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      id\n      originalCredits\n      expiresAt\n      source\n    }\n  }\n"): typeof import('./graphql').PropPurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropOpen($i: OpenTicketInput!) {\n    openTicket(input: $i) {\n      id\n      status\n      price {\n        min\n        max\n        included\n      }\n    }\n  }\n"): typeof import('./graphql').PropOpenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropExpire($asOf: DateTimeISO) {\n    expireCredits(asOf: $asOf)\n  }\n"): typeof import('./graphql').PropExpireDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropSnapshot($id: ID!, $future: DateTimeISO) {\n    account(id: $id) {\n      balance\n      future: balance(asOf: $future)\n      creditLots(includeExpired: true) {\n        id\n        source\n        originalCredits\n        remainingCredits\n        expiresAt\n        expired\n      }\n      tickets(first: 50) {\n        nodes {\n          id\n          status\n        }\n        totalCount\n      }\n    }\n  }\n"): typeof import('./graphql').PropSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropHistory(\n    $id: ID!\n    $t0: DateTimeISO!\n    $t1: DateTimeISO!\n    $t2: DateTimeISO!\n    $t3: DateTimeISO!\n    $t4: DateTimeISO!\n    $t5: DateTimeISO!\n    $t6: DateTimeISO!\n    $t7: DateTimeISO!\n    $t8: DateTimeISO!\n    $t9: DateTimeISO!\n  ) {\n    account(id: $id) {\n      b0: balance(asOf: $t0)\n      b1: balance(asOf: $t1)\n      b2: balance(asOf: $t2)\n      b3: balance(asOf: $t3)\n      b4: balance(asOf: $t4)\n      b5: balance(asOf: $t5)\n      b6: balance(asOf: $t6)\n      b7: balance(asOf: $t7)\n      b8: balance(asOf: $t8)\n      b9: balance(asOf: $t9)\n    }\n  }\n"): typeof import('./graphql').PropHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LotFields on CreditLot {\n    id\n    source\n    originalCredits\n    remainingCredits\n    spentCredits\n    refundedCredits\n    expiredCredits\n    expiresAt\n    expired\n    createdAt\n    paymentReference\n    amountPaidCents\n    currency\n    remainingValueCents\n    spentValueCents\n    expiredValueCents\n    license {\n      id\n    }\n  }\n"): typeof import('./graphql').LotFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RulesIssue($i: IssueLicenseInput!) {\n    issueLicense(input: $i) {\n      id\n      edition\n      hostingPlan\n      orderDate\n      creditsGranted\n      grantNote\n      includedLevels\n      creditLot {\n        ...LotFields\n      }\n    }\n  }\n"): typeof import('./graphql').RulesIssueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RulesPurchase($i: PurchaseCreditsInput!) {\n    purchaseCredits(input: $i) {\n      ...LotFields\n      alreadyRecorded\n    }\n  }\n"): typeof import('./graphql').RulesPurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RulesOpen($i: OpenTicketInput!) {\n    openTicket(input: $i) {\n      id\n      category\n      level\n      status\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').RulesOpenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RulesCharge($i: ChargeTicketInput!) {\n    chargeTicket(input: $i) {\n      id\n      credits\n      included\n      balanceAfter\n      refunded\n      createdAt\n      ticket {\n        id\n        status\n      }\n      allocations {\n        credits\n        lot {\n          id\n          source\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RulesChargeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RulesRefund($i: RefundTicketInput!) {\n    refundTicket(input: $i) {\n      id\n      credits\n      reason\n      balanceAfter\n      createdAt\n      allocations {\n        credits\n        lot {\n          id\n          source\n          expiresAt\n        }\n      }\n      charge {\n        id\n        credits\n        included\n        refunded\n        allocations {\n          credits\n          lot {\n            id\n          }\n        }\n      }\n      ticket {\n        id\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').RulesRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulesTicket($id: ID!) {\n    ticket(id: $id) {\n      id\n      status\n      price {\n        min\n        max\n        included\n      }\n      charge {\n        id\n        credits\n      }\n      refund {\n        id\n        credits\n      }\n    }\n  }\n"): typeof import('./graphql').RulesTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulesState($id: ID!) {\n    account(id: $id) {\n      balance\n      ledger(first: 0) {\n        totalCount\n      }\n      charges(first: 0) {\n        totalCount\n      }\n      statements(first: 0) {\n        totalCount\n      }\n      creditLots(includeExpired: true) {\n        id\n        remainingCredits\n        spentCredits\n        refundedCredits\n        expiredCredits\n      }\n    }\n  }\n"): typeof import('./graphql').RulesStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulesLots($id: ID!, $all: Boolean) {\n    account(id: $id) {\n      creditLots(includeExpired: $all) {\n        ...LotFields\n      }\n    }\n  }\n"): typeof import('./graphql').RulesLotsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulesLedger($id: ID!) {\n    account(id: $id) {\n      ledger(first: 100) {\n        totalCount\n        nodes {\n          id\n          kind\n          credits\n          at\n          lot {\n            id\n          }\n          ticket {\n            id\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RulesLedgerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulesBalance($id: ID!, $asOf: DateTimeISO) {\n    account(id: $id) {\n      balance(asOf: $asOf)\n    }\n  }\n"): typeof import('./graphql').RulesBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RulesExpire($asOf: DateTimeISO) {\n    expireCredits(asOf: $asOf)\n  }\n"): typeof import('./graphql').RulesExpireDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RulesChargeCount($id: ID!) {\n    account(id: $id) {\n      charges {\n        totalCount\n      }\n    }\n  }\n"): typeof import('./graphql').RulesChargeCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query RulesGrantDecisions($id: ID!, $l: ID!) {\n          license(id: $l) {\n            id\n            creditsGranted\n            grantNote\n            creditLot {\n              id\n            }\n          }\n          account(id: $id) {\n            licenses {\n              id\n              creditsGranted\n              grantNote\n              creditLot {\n                id\n              }\n            }\n          }\n        }\n      "): typeof import('./graphql').RulesGrantDecisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query RulesQuote($l: ID!, $c: TicketCategory!) {\n              quote(licenseId: $l, category: $c) {\n                category\n                level\n                price {\n                  min\n                  max\n                  included\n                }\n              }\n            }\n          "): typeof import('./graphql').RulesQuoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query RulesIncludedCharges($id: ID!) {\n          account(id: $id) {\n            charges {\n              totalCount\n              nodes {\n                id\n                credits\n                included\n              }\n            }\n          }\n          charges(filter: { accountId: $id, included: true }) {\n            totalCount\n            nodes {\n              id\n              credits\n              included\n            }\n          }\n        }\n      "): typeof import('./graphql').RulesIncludedChargesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query RulesOpenTickets($id: ID!) {\n          account(id: $id) {\n            tickets(status: OPEN) {\n              totalCount\n            }\n          }\n        }\n      "): typeof import('./graphql').RulesOpenTicketsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query RulesStatements($id: ID!) {\n        account(id: $id) {\n          statements {\n            totalCount\n            nodes {\n              kind\n              credits\n              balanceAfter\n              message\n              ticket {\n                id\n              }\n            }\n          }\n        }\n      }\n    "): typeof import('./graphql').RulesStatementsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTestPage($id: ID!) {\n    me {\n      role\n      accountIds\n      permissions\n    }\n    account(id: $id) {\n      id\n      balance\n      creditLots {\n        id\n        remainingCredits\n        expiresAt\n      }\n      receipts {\n        nodes {\n          kind\n          credits\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PortalTestPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalTestCreate($a: ID!) {\n    createPortalLink(accountId: $a) {\n      url\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').PortalTestCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalTestRevoke($a: ID!) {\n    revokePortalLinks(accountId: $a)\n  }\n"): typeof import('./graphql').PortalTestRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTestEmail($id: ID!) {\n    account(id: $id) {\n      email\n      balance\n    }\n  }\n"): typeof import('./graphql').PortalTestEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation EdgesTwoPurchases($a: ID!) {\n          p1: purchaseCredits(input: { accountId: $a, credits: 100, paymentReference: \"fresh-1\" }) {\n            account {\n              balance\n            }\n          }\n          p2: purchaseCredits(input: { accountId: $a, credits: 50, paymentReference: \"fresh-2\" }) {\n            account {\n              balance\n            }\n          }\n        }\n      "): typeof import('./graphql').EdgesTwoPurchasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query EdgesSearch($s: String) {\n          accounts(search: $s) {\n            totalCount\n          }\n        }\n      "): typeof import('./graphql').EdgesSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query EdgesMe {\n            me {\n              role\n            }\n          }\n        "): typeof import('./graphql').EdgesMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query EdgesMeBoth {\n        me {\n          role\n        }\n      }\n    "): typeof import('./graphql').EdgesMeBothDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query EdgesFirstPage {\n          accounts(first: 1) {\n            pageInfo {\n              endCursor\n            }\n          }\n        }\n      "): typeof import('./graphql').EdgesFirstPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query EdgesEmptyPage($c: String) {\n          accounts(first: 0, after: $c) {\n            nodes {\n              id\n            }\n            pageInfo {\n              endCursor\n            }\n          }\n        }\n      "): typeof import('./graphql').EdgesEmptyPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              query EdgesRead {\n                accounts(first: 1) {\n                  totalCount\n                }\n              }\n            "): typeof import('./graphql').EdgesReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskQueue($f: TicketFilter, $first: Int, $after: String) {\n    tickets(filter: $f, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        status\n        category\n        level\n        openedByKeyId\n        openedByName\n        account {\n          id\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DeskQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskCounts($f: TicketFilter) {\n    ticketCounts(filter: $f) {\n      open\n      charged\n      refunded\n      total\n    }\n  }\n"): typeof import('./graphql').DeskCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskTrail($f: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(filter: $f, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        at\n        action\n        accountId\n        targetId\n        keyId\n        keyName\n        role\n        requestId\n        details\n      }\n    }\n  }\n"): typeof import('./graphql').DeskTrailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query ServedRootFields {\n        __schema {\n          queryType {\n            fields {\n              name\n            }\n          }\n          mutationType {\n            fields {\n              name\n            }\n          }\n        }\n      }\n    "): typeof import('./graphql').ServedRootFieldsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query AccountFigures($id: ID!) {\n        account(id: $id) {\n          balance\n          ledger(first: 1) {\n            totalCount\n          }\n          licenses {\n            id\n          }\n          tickets(first: 1) {\n            totalCount\n          }\n        }\n      }\n    "): typeof import('./graphql').AccountFiguresDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FixtureCreateAccount($i: CreateAccountInput!) {\n        createAccount(input: $i) {\n          id\n        }\n      }\n    "): typeof import('./graphql').FixtureCreateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FixtureIssueLicense($i: IssueLicenseInput!) {\n        issueLicense(input: $i) {\n          id\n          creditsGranted\n          grantNote\n          creditLot {\n            id\n            expiresAt\n          }\n        }\n      }\n    "): typeof import('./graphql').FixtureIssueLicenseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FixturePurchase($i: PurchaseCreditsInput!) {\n        purchaseCredits(input: $i) {\n          id\n        }\n      }\n    "): typeof import('./graphql').FixturePurchaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FixtureOpenTicket($i: OpenTicketInput!) {\n        openTicket(input: $i) {\n          id\n        }\n      }\n    "): typeof import('./graphql').FixtureOpenTicketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCharge($i: ChargeTicketInput!) {\n    chargeTicket(input: $i) {\n      id\n      credits\n      included\n      balanceAfter\n      refunded\n      allocations {\n        credits\n        lot {\n          id\n          source\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').FixtureChargeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureRefund($i: RefundTicketInput!) {\n    refundTicket(input: $i) {\n      id\n      credits\n      balanceAfter\n      allocations {\n        credits\n        lot {\n          id\n          source\n          expiresAt\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').FixtureRefundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query FixtureBalance($id: ID!, $asOf: DateTimeISO) {\n        account(id: $id) {\n          balance(asOf: $asOf)\n        }\n      }\n    "): typeof import('./graphql').FixtureBalanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      mutation FixtureCreateKey($i: CreateApiKeyInput!) {\n        createApiKey(input: $i) {\n          apiKey {\n            id\n          }\n          secret\n        }\n      }\n    "): typeof import('./graphql').FixtureCreateKeyDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
