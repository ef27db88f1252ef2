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
  '\n  query Viewer {\n    me {\n      role\n      keyName\n      accountIds\n      permissions\n    }\n  }\n': typeof types.ViewerDocument;
  '\n  query SignInCheck {\n    me {\n      role\n      keyName\n      accountIds\n      permissions\n    }\n  }\n': typeof types.SignInCheckDocument;
  '\n  query AccountPage($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      email\n      createdAt\n      balance\n      expiringCredits(withinDays: 30)\n      ...LowBalanceCard\n      licenses {\n        id\n        ...LicenseCard\n        ...LicenseOption\n      }\n      creditLots(includeExpired: true) {\n        id\n        ...CreditLotRow\n      }\n      # Counted by the server: the list below holds only the first page.\n      openTickets: tickets(status: OPEN, first: 0) {\n        totalCount\n      }\n      tickets(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...TicketRow\n        }\n      }\n      ledger(first: 25) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...LedgerEntryItem\n        }\n      }\n      statements(first: 5) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...StatementItem\n        }\n      }\n    }\n  }\n': typeof types.AccountPageDocument;
  '\n  query AccountLedgerMore($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...LedgerEntryItem\n        }\n      }\n    }\n  }\n': typeof types.AccountLedgerMoreDocument;
  '\n  query AccountTicketsMore($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      tickets(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...TicketRow\n        }\n      }\n    }\n  }\n': typeof types.AccountTicketsMoreDocument;
  '\n  fragment CreditLotRow on CreditLot {\n    id\n    source\n    originalCredits\n    remainingCredits\n    spentCredits\n    refundedCredits\n    expiredCredits\n    createdAt\n    expiresAt\n    expired\n    paymentReference\n    license {\n      id\n      domain\n    }\n  }\n': typeof types.CreditLotRowFragmentDoc;
  '\n  query GrantPreview($input: GrantPreviewInput!) {\n    grantPreview(input: $input) {\n      credits\n      note\n      includedLevels\n    }\n    pricing {\n      grantValidityMonths\n    }\n  }\n': typeof types.GrantPreviewDocument;
  '\n  fragment LedgerEntryItem on LedgerEntry {\n    id\n    kind\n    credits\n    at\n    lot {\n      id\n      source\n      paymentReference\n      license {\n        id\n        domain\n      }\n    }\n    ticket {\n      id\n      subject\n    }\n  }\n': typeof types.LedgerEntryItemFragmentDoc;
  '\n  fragment LicenseCard on License {\n    id\n    edition\n    hostingPlan\n    domain\n    orderDate\n    listPriceCents\n    paidPriceCents\n    creditsGranted\n    grantNote\n    includedLevels\n    creditLot {\n      id\n      expiresAt\n      expired\n    }\n  }\n': typeof types.LicenseCardFragmentDoc;
  '\n  fragment LowBalanceCard on Account {\n    id\n    lowBalance {\n      threshold\n      isDefault\n      balance\n      isBelow\n    }\n    lowBalanceNotices {\n      id\n      createdAt\n      balance\n      threshold\n      chargeId\n      mailedAt\n    }\n    expiryNotices {\n      lotId\n      thresholdDays\n      createdAt\n      credits\n      expiresAt\n      mailedAt\n    }\n  }\n': typeof types.LowBalanceCardFragmentDoc;
  '\n  fragment LicenseOption on License {\n    id\n    domain\n    edition\n    hostingPlan\n  }\n': typeof types.LicenseOptionFragmentDoc;
  '\n  query TicketCategories {\n    pricing {\n      categories {\n        category\n        level\n        title\n      }\n    }\n  }\n': typeof types.TicketCategoriesDocument;
  '\n  query Quote($licenseId: ID!, $category: TicketCategory!) {\n    quote(licenseId: $licenseId, category: $category) {\n      category\n      level\n      balance\n      sufficient\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n      }\n    }\n  }\n': typeof types.QuoteDocument;
  '\n  fragment StatementItem on Statement {\n    id\n    kind\n    credits\n    balanceAfter\n    message\n    createdAt\n    deliveredAt\n    delivery {\n      status\n      attempts\n      nextAttemptAt\n      lastError\n    }\n    ticket {\n      id\n      subject\n    }\n  }\n': typeof types.StatementItemFragmentDoc;
  '\n  mutation ResendStatement($id: ID!) {\n    resendStatement(id: $id) {\n      id\n      deliveredAt\n      delivery {\n        status\n        attempts\n        nextAttemptAt\n        lastError\n      }\n    }\n  }\n': typeof types.ResendStatementDocument;
  '\n  fragment TicketRow on Ticket {\n    id\n    subject\n    category\n    level\n    status\n    openedAt\n    price {\n      min\n      max\n      included\n    }\n    charge {\n      id\n      credits\n    }\n    license {\n      id\n      domain\n    }\n  }\n': typeof types.TicketRowFragmentDoc;
  '\n  mutation IssueLicense($input: IssueLicenseInput!) {\n    issueLicense(input: $input) {\n      id\n      domain\n      creditsGranted\n      grantNote\n    }\n  }\n': typeof types.IssueLicenseDocument;
  '\n  mutation PurchaseCredits($input: PurchaseCreditsInput!) {\n    purchaseCredits(input: $input) {\n      id\n      originalCredits\n      remainingCredits\n      paymentReference\n      alreadyRecorded\n    }\n  }\n': typeof types.PurchaseCreditsDocument;
  '\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      subject\n      status\n    }\n  }\n': typeof types.OpenTicketDocument;
  '\n  mutation SetLowBalanceThreshold($accountId: ID!, $threshold: Int) {\n    setLowBalanceThreshold(accountId: $accountId, threshold: $threshold) {\n      id\n      lowBalance {\n        threshold\n        isDefault\n        balance\n        isBelow\n      }\n    }\n  }\n': typeof types.SetLowBalanceThresholdDocument;
  '\n  fragment AccountRow on Account {\n    id\n    name\n    email\n    createdAt\n    balance\n    expiringCredits(withinDays: 30)\n    licenses {\n      id\n      edition\n      hostingPlan\n    }\n  }\n': typeof types.AccountRowFragmentDoc;
  '\n  query AccountsPage($search: String, $first: Int!, $after: String) {\n    accounts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AccountRow\n      }\n    }\n  }\n': typeof types.AccountsPageDocument;
  '\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      name\n      email\n    }\n  }\n': typeof types.CreateAccountDocument;
  '\n  query AccountActivity($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AuditRow\n      }\n    }\n  }\n': typeof types.AccountActivityDocument;
  '\n  query AuditPage($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        keyName\n        keyId\n        ...AuditRow\n      }\n    }\n  }\n': typeof types.AuditPageDocument;
  '\n  fragment AuditRow on AuditEvent {\n    id\n    at\n    action\n    accountId\n    targetId\n    keyId\n    keyName\n    role\n    requestId\n    details\n    account {\n      id\n      name\n    }\n  }\n': typeof types.AuditRowFragmentDoc;
  '\n  fragment ChargeTableRow on Charge {\n    id\n    createdAt\n    credits\n    included\n    refunded\n    account {\n      id\n      name\n    }\n    ticket {\n      id\n      subject\n      category\n      license {\n        id\n        edition\n        hostingPlan\n      }\n    }\n  }\n': typeof types.ChargeTableRowFragmentDoc;
  '\n  query ChargesPage($filter: ChargeFilter, $first: Int!, $after: String) {\n    charges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ChargeTableRow\n      }\n    }\n    byMonth: chargeSummary(filter: $filter, groupBy: MONTH) {\n      key\n      charges\n      credits\n      includedCharges\n      refundedCredits\n    }\n    byCategory: chargeSummary(filter: $filter, groupBy: CATEGORY) {\n      key\n      charges\n      credits\n      includedCharges\n      refundedCredits\n    }\n  }\n': typeof types.ChargesPageDocument;
  '\n  query ChargesMore($filter: ChargeFilter, $first: Int!, $after: String) {\n    charges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ChargeTableRow\n      }\n    }\n  }\n': typeof types.ChargesMoreDocument;
  '\n  query ExplorerSeed {\n    accounts(first: 1) {\n      nodes {\n        id\n        licenses {\n          id\n        }\n        tickets(first: 1, status: OPEN) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n': typeof types.ExplorerSeedDocument;
  '\n  query AccountPicker($search: String) {\n    accounts(search: $search, first: 8) {\n      nodes {\n        id\n        name\n        email\n      }\n    }\n  }\n': typeof types.AccountPickerDocument;
  '\n  fragment KeyRow on ApiKey {\n    id\n    name\n    role\n    prefix\n    createdAt\n    revokedAt\n    lastUsedAt\n    accounts {\n      id\n      name\n    }\n  }\n': typeof types.KeyRowFragmentDoc;
  '\n  query KeysPage {\n    apiKeys {\n      id\n      ...KeyRow\n    }\n  }\n': typeof types.KeysPageDocument;
  '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...KeyRow\n      }\n    }\n  }\n': typeof types.CreateApiKeyDocument;
  '\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      ...KeyRow\n    }\n  }\n': typeof types.RevokeApiKeyDocument;
  '\n  mutation UpdateApiKeyScope($input: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $input) {\n      id\n      ...KeyRow\n    }\n  }\n': typeof types.UpdateApiKeyScopeDocument;
  '\n  query Mailbox {\n    mailbox(first: 50) {\n      id\n      to\n      subject\n      date\n      text\n    }\n  }\n': typeof types.MailboxDocument;
  '\n  query OperationsPage {\n    expirySchedule {\n      schedule\n      nextRunAt\n      lastRun {\n        id\n        ranAt\n        lots\n        credits\n      }\n    }\n    reconciliationReports(first: 10) {\n      id\n      ranAt\n      midnight\n      accountsChecked\n      lotsChecked\n      ok\n      mismatches {\n        check\n        ids\n      }\n    }\n  }\n': typeof types.OperationsPageDocument;
  '\n  query Pricing {\n    pricing {\n      grantValidityMonths\n      discountRule {\n        editions\n        maxDiscountPercent\n      }\n      grants {\n        edition\n        hostingPlan\n        credits\n        includedLevels\n      }\n      categories {\n        category\n        level\n        title\n        description\n        prices {\n          edition\n          hostingPlan\n          price {\n            min\n            max\n            included\n          }\n        }\n      }\n    }\n  }\n': typeof types.PricingDocument;
  '\n  fragment ChargeStatement on Charge {\n    id\n    credits\n    included\n    balanceAfter\n    refunded\n    createdAt\n    allocations {\n      credits\n      lot {\n        id\n        source\n        expiresAt\n        expired\n        paymentReference\n        license {\n          id\n          domain\n        }\n      }\n    }\n  }\n': typeof types.ChargeStatementFragmentDoc;
  '\n  fragment RefundStatement on Refund {\n    id\n    credits\n    reason\n    balanceAfter\n    createdAt\n    allocations {\n      credits\n      lot {\n        id\n        source\n        expiresAt\n        createdAt\n        paymentReference\n        license {\n          id\n          domain\n        }\n      }\n    }\n  }\n': typeof types.RefundStatementFragmentDoc;
  '\n  query TicketPage($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n      category\n      level\n      status\n      openedAt\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n        domain\n        edition\n        hostingPlan\n        includedLevels\n      }\n      account {\n        id\n        name\n        balance\n      }\n      charge {\n        id\n        credits\n        included\n        refunded\n        ...ChargeStatement\n      }\n      refund {\n        id\n        ...RefundStatement\n      }\n      history {\n        status\n        at\n        note\n      }\n    }\n  }\n': typeof types.TicketPageDocument;
  '\n  mutation ChargeTicket($input: ChargeTicketInput!) {\n    chargeTicket(input: $input) {\n      id\n      credits\n      included\n      balanceAfter\n      ticket {\n        id\n        status\n      }\n      account {\n        id\n        balance\n      }\n    }\n  }\n': typeof types.ChargeTicketDocument;
  '\n  mutation RefundTicket($input: RefundTicketInput!) {\n    refundTicket(input: $input) {\n      id\n      credits\n      balanceAfter\n      ticket {\n        id\n        status\n      }\n      charge {\n        id\n        refunded\n      }\n    }\n  }\n': typeof types.RefundTicketDocument;
  '\n  query ChargeDialog($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n      status\n      price {\n        min\n        max\n        included\n      }\n      account {\n        id\n        name\n        balance\n      }\n    }\n  }\n': typeof types.ChargeDialogDocument;
  '\n  query TicketQueue($filter: TicketFilter, $counts: TicketFilter, $first: Int!, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        subject\n        category\n        level\n        status\n        openedAt\n        openedByKeyId\n        openedByName\n        price {\n          min\n          max\n          included\n        }\n        charge {\n          id\n          credits\n        }\n        account {\n          id\n          name\n        }\n        license {\n          id\n          edition\n          domain\n        }\n      }\n    }\n    ticketCounts(filter: $counts) {\n      open\n      charged\n      refunded\n      total\n    }\n  }\n': typeof types.TicketQueueDocument;
  '\n  query WebhookEndpointsPage {\n    webhookEventTypes\n    webhookEndpoints {\n      id\n      url\n      eventTypes\n      description\n      enabled\n      disabledReason\n      ownerName\n      createdAt\n      deliveries(first: 10) {\n        id\n        eventId\n        eventType\n        status\n        attemptCount\n        nextAttemptAt\n        lastError\n        createdAt\n        attempts {\n          at\n          statusCode\n          latencyMs\n          error\n        }\n      }\n    }\n  }\n': typeof types.WebhookEndpointsPageDocument;
  '\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        eventTypes\n      }\n      secret\n    }\n  }\n': typeof types.CreateWebhookEndpointDocument;
  '\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      enabled\n      disabledReason\n    }\n  }\n': typeof types.UpdateWebhookEndpointDocument;
  '\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n': typeof types.RotateWebhookSecretDocument;
  '\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n': typeof types.DeleteWebhookEndpointDocument;
  '\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n': typeof types.ReplayWebhookDeliveryDocument;
  '\n  query CategoryTitles {\n    pricing {\n      categories {\n        category\n        level\n        title\n        description\n      }\n    }\n  }\n': typeof types.CategoryTitlesDocument;
  '\n  query AccountSearch($search: String) {\n    accounts(search: $search, first: 8) {\n      nodes {\n        id\n        name\n        email\n      }\n    }\n  }\n': typeof types.AccountSearchDocument;
  '\n  query AccountName($id: ID!) {\n    account(id: $id) {\n      id\n      name\n    }\n  }\n': typeof types.AccountNameDocument;
};
const documents: Documents = {
  '\n  query Viewer {\n    me {\n      role\n      keyName\n      accountIds\n      permissions\n    }\n  }\n':
    types.ViewerDocument,
  '\n  query SignInCheck {\n    me {\n      role\n      keyName\n      accountIds\n      permissions\n    }\n  }\n':
    types.SignInCheckDocument,
  '\n  query AccountPage($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      email\n      createdAt\n      balance\n      expiringCredits(withinDays: 30)\n      ...LowBalanceCard\n      licenses {\n        id\n        ...LicenseCard\n        ...LicenseOption\n      }\n      creditLots(includeExpired: true) {\n        id\n        ...CreditLotRow\n      }\n      # Counted by the server: the list below holds only the first page.\n      openTickets: tickets(status: OPEN, first: 0) {\n        totalCount\n      }\n      tickets(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...TicketRow\n        }\n      }\n      ledger(first: 25) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...LedgerEntryItem\n        }\n      }\n      statements(first: 5) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...StatementItem\n        }\n      }\n    }\n  }\n':
    types.AccountPageDocument,
  '\n  query AccountLedgerMore($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...LedgerEntryItem\n        }\n      }\n    }\n  }\n':
    types.AccountLedgerMoreDocument,
  '\n  query AccountTicketsMore($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      tickets(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...TicketRow\n        }\n      }\n    }\n  }\n':
    types.AccountTicketsMoreDocument,
  '\n  fragment CreditLotRow on CreditLot {\n    id\n    source\n    originalCredits\n    remainingCredits\n    spentCredits\n    refundedCredits\n    expiredCredits\n    createdAt\n    expiresAt\n    expired\n    paymentReference\n    license {\n      id\n      domain\n    }\n  }\n':
    types.CreditLotRowFragmentDoc,
  '\n  query GrantPreview($input: GrantPreviewInput!) {\n    grantPreview(input: $input) {\n      credits\n      note\n      includedLevels\n    }\n    pricing {\n      grantValidityMonths\n    }\n  }\n':
    types.GrantPreviewDocument,
  '\n  fragment LedgerEntryItem on LedgerEntry {\n    id\n    kind\n    credits\n    at\n    lot {\n      id\n      source\n      paymentReference\n      license {\n        id\n        domain\n      }\n    }\n    ticket {\n      id\n      subject\n    }\n  }\n':
    types.LedgerEntryItemFragmentDoc,
  '\n  fragment LicenseCard on License {\n    id\n    edition\n    hostingPlan\n    domain\n    orderDate\n    listPriceCents\n    paidPriceCents\n    creditsGranted\n    grantNote\n    includedLevels\n    creditLot {\n      id\n      expiresAt\n      expired\n    }\n  }\n':
    types.LicenseCardFragmentDoc,
  '\n  fragment LowBalanceCard on Account {\n    id\n    lowBalance {\n      threshold\n      isDefault\n      balance\n      isBelow\n    }\n    lowBalanceNotices {\n      id\n      createdAt\n      balance\n      threshold\n      chargeId\n      mailedAt\n    }\n    expiryNotices {\n      lotId\n      thresholdDays\n      createdAt\n      credits\n      expiresAt\n      mailedAt\n    }\n  }\n':
    types.LowBalanceCardFragmentDoc,
  '\n  fragment LicenseOption on License {\n    id\n    domain\n    edition\n    hostingPlan\n  }\n':
    types.LicenseOptionFragmentDoc,
  '\n  query TicketCategories {\n    pricing {\n      categories {\n        category\n        level\n        title\n      }\n    }\n  }\n':
    types.TicketCategoriesDocument,
  '\n  query Quote($licenseId: ID!, $category: TicketCategory!) {\n    quote(licenseId: $licenseId, category: $category) {\n      category\n      level\n      balance\n      sufficient\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n      }\n    }\n  }\n':
    types.QuoteDocument,
  '\n  fragment StatementItem on Statement {\n    id\n    kind\n    credits\n    balanceAfter\n    message\n    createdAt\n    deliveredAt\n    delivery {\n      status\n      attempts\n      nextAttemptAt\n      lastError\n    }\n    ticket {\n      id\n      subject\n    }\n  }\n':
    types.StatementItemFragmentDoc,
  '\n  mutation ResendStatement($id: ID!) {\n    resendStatement(id: $id) {\n      id\n      deliveredAt\n      delivery {\n        status\n        attempts\n        nextAttemptAt\n        lastError\n      }\n    }\n  }\n':
    types.ResendStatementDocument,
  '\n  fragment TicketRow on Ticket {\n    id\n    subject\n    category\n    level\n    status\n    openedAt\n    price {\n      min\n      max\n      included\n    }\n    charge {\n      id\n      credits\n    }\n    license {\n      id\n      domain\n    }\n  }\n':
    types.TicketRowFragmentDoc,
  '\n  mutation IssueLicense($input: IssueLicenseInput!) {\n    issueLicense(input: $input) {\n      id\n      domain\n      creditsGranted\n      grantNote\n    }\n  }\n':
    types.IssueLicenseDocument,
  '\n  mutation PurchaseCredits($input: PurchaseCreditsInput!) {\n    purchaseCredits(input: $input) {\n      id\n      originalCredits\n      remainingCredits\n      paymentReference\n      alreadyRecorded\n    }\n  }\n':
    types.PurchaseCreditsDocument,
  '\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      subject\n      status\n    }\n  }\n':
    types.OpenTicketDocument,
  '\n  mutation SetLowBalanceThreshold($accountId: ID!, $threshold: Int) {\n    setLowBalanceThreshold(accountId: $accountId, threshold: $threshold) {\n      id\n      lowBalance {\n        threshold\n        isDefault\n        balance\n        isBelow\n      }\n    }\n  }\n':
    types.SetLowBalanceThresholdDocument,
  '\n  fragment AccountRow on Account {\n    id\n    name\n    email\n    createdAt\n    balance\n    expiringCredits(withinDays: 30)\n    licenses {\n      id\n      edition\n      hostingPlan\n    }\n  }\n':
    types.AccountRowFragmentDoc,
  '\n  query AccountsPage($search: String, $first: Int!, $after: String) {\n    accounts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AccountRow\n      }\n    }\n  }\n':
    types.AccountsPageDocument,
  '\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      name\n      email\n    }\n  }\n':
    types.CreateAccountDocument,
  '\n  query AccountActivity($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AuditRow\n      }\n    }\n  }\n':
    types.AccountActivityDocument,
  '\n  query AuditPage($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        keyName\n        keyId\n        ...AuditRow\n      }\n    }\n  }\n':
    types.AuditPageDocument,
  '\n  fragment AuditRow on AuditEvent {\n    id\n    at\n    action\n    accountId\n    targetId\n    keyId\n    keyName\n    role\n    requestId\n    details\n    account {\n      id\n      name\n    }\n  }\n':
    types.AuditRowFragmentDoc,
  '\n  fragment ChargeTableRow on Charge {\n    id\n    createdAt\n    credits\n    included\n    refunded\n    account {\n      id\n      name\n    }\n    ticket {\n      id\n      subject\n      category\n      license {\n        id\n        edition\n        hostingPlan\n      }\n    }\n  }\n':
    types.ChargeTableRowFragmentDoc,
  '\n  query ChargesPage($filter: ChargeFilter, $first: Int!, $after: String) {\n    charges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ChargeTableRow\n      }\n    }\n    byMonth: chargeSummary(filter: $filter, groupBy: MONTH) {\n      key\n      charges\n      credits\n      includedCharges\n      refundedCredits\n    }\n    byCategory: chargeSummary(filter: $filter, groupBy: CATEGORY) {\n      key\n      charges\n      credits\n      includedCharges\n      refundedCredits\n    }\n  }\n':
    types.ChargesPageDocument,
  '\n  query ChargesMore($filter: ChargeFilter, $first: Int!, $after: String) {\n    charges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ChargeTableRow\n      }\n    }\n  }\n':
    types.ChargesMoreDocument,
  '\n  query ExplorerSeed {\n    accounts(first: 1) {\n      nodes {\n        id\n        licenses {\n          id\n        }\n        tickets(first: 1, status: OPEN) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n':
    types.ExplorerSeedDocument,
  '\n  query AccountPicker($search: String) {\n    accounts(search: $search, first: 8) {\n      nodes {\n        id\n        name\n        email\n      }\n    }\n  }\n':
    types.AccountPickerDocument,
  '\n  fragment KeyRow on ApiKey {\n    id\n    name\n    role\n    prefix\n    createdAt\n    revokedAt\n    lastUsedAt\n    accounts {\n      id\n      name\n    }\n  }\n':
    types.KeyRowFragmentDoc,
  '\n  query KeysPage {\n    apiKeys {\n      id\n      ...KeyRow\n    }\n  }\n':
    types.KeysPageDocument,
  '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...KeyRow\n      }\n    }\n  }\n':
    types.CreateApiKeyDocument,
  '\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      ...KeyRow\n    }\n  }\n':
    types.RevokeApiKeyDocument,
  '\n  mutation UpdateApiKeyScope($input: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $input) {\n      id\n      ...KeyRow\n    }\n  }\n':
    types.UpdateApiKeyScopeDocument,
  '\n  query Mailbox {\n    mailbox(first: 50) {\n      id\n      to\n      subject\n      date\n      text\n    }\n  }\n':
    types.MailboxDocument,
  '\n  query OperationsPage {\n    expirySchedule {\n      schedule\n      nextRunAt\n      lastRun {\n        id\n        ranAt\n        lots\n        credits\n      }\n    }\n    reconciliationReports(first: 10) {\n      id\n      ranAt\n      midnight\n      accountsChecked\n      lotsChecked\n      ok\n      mismatches {\n        check\n        ids\n      }\n    }\n  }\n':
    types.OperationsPageDocument,
  '\n  query Pricing {\n    pricing {\n      grantValidityMonths\n      discountRule {\n        editions\n        maxDiscountPercent\n      }\n      grants {\n        edition\n        hostingPlan\n        credits\n        includedLevels\n      }\n      categories {\n        category\n        level\n        title\n        description\n        prices {\n          edition\n          hostingPlan\n          price {\n            min\n            max\n            included\n          }\n        }\n      }\n    }\n  }\n':
    types.PricingDocument,
  '\n  fragment ChargeStatement on Charge {\n    id\n    credits\n    included\n    balanceAfter\n    refunded\n    createdAt\n    allocations {\n      credits\n      lot {\n        id\n        source\n        expiresAt\n        expired\n        paymentReference\n        license {\n          id\n          domain\n        }\n      }\n    }\n  }\n':
    types.ChargeStatementFragmentDoc,
  '\n  fragment RefundStatement on Refund {\n    id\n    credits\n    reason\n    balanceAfter\n    createdAt\n    allocations {\n      credits\n      lot {\n        id\n        source\n        expiresAt\n        createdAt\n        paymentReference\n        license {\n          id\n          domain\n        }\n      }\n    }\n  }\n':
    types.RefundStatementFragmentDoc,
  '\n  query TicketPage($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n      category\n      level\n      status\n      openedAt\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n        domain\n        edition\n        hostingPlan\n        includedLevels\n      }\n      account {\n        id\n        name\n        balance\n      }\n      charge {\n        id\n        credits\n        included\n        refunded\n        ...ChargeStatement\n      }\n      refund {\n        id\n        ...RefundStatement\n      }\n      history {\n        status\n        at\n        note\n      }\n    }\n  }\n':
    types.TicketPageDocument,
  '\n  mutation ChargeTicket($input: ChargeTicketInput!) {\n    chargeTicket(input: $input) {\n      id\n      credits\n      included\n      balanceAfter\n      ticket {\n        id\n        status\n      }\n      account {\n        id\n        balance\n      }\n    }\n  }\n':
    types.ChargeTicketDocument,
  '\n  mutation RefundTicket($input: RefundTicketInput!) {\n    refundTicket(input: $input) {\n      id\n      credits\n      balanceAfter\n      ticket {\n        id\n        status\n      }\n      charge {\n        id\n        refunded\n      }\n    }\n  }\n':
    types.RefundTicketDocument,
  '\n  query ChargeDialog($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n      status\n      price {\n        min\n        max\n        included\n      }\n      account {\n        id\n        name\n        balance\n      }\n    }\n  }\n':
    types.ChargeDialogDocument,
  '\n  query TicketQueue($filter: TicketFilter, $counts: TicketFilter, $first: Int!, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        subject\n        category\n        level\n        status\n        openedAt\n        openedByKeyId\n        openedByName\n        price {\n          min\n          max\n          included\n        }\n        charge {\n          id\n          credits\n        }\n        account {\n          id\n          name\n        }\n        license {\n          id\n          edition\n          domain\n        }\n      }\n    }\n    ticketCounts(filter: $counts) {\n      open\n      charged\n      refunded\n      total\n    }\n  }\n':
    types.TicketQueueDocument,
  '\n  query WebhookEndpointsPage {\n    webhookEventTypes\n    webhookEndpoints {\n      id\n      url\n      eventTypes\n      description\n      enabled\n      disabledReason\n      ownerName\n      createdAt\n      deliveries(first: 10) {\n        id\n        eventId\n        eventType\n        status\n        attemptCount\n        nextAttemptAt\n        lastError\n        createdAt\n        attempts {\n          at\n          statusCode\n          latencyMs\n          error\n        }\n      }\n    }\n  }\n':
    types.WebhookEndpointsPageDocument,
  '\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        eventTypes\n      }\n      secret\n    }\n  }\n':
    types.CreateWebhookEndpointDocument,
  '\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      enabled\n      disabledReason\n    }\n  }\n':
    types.UpdateWebhookEndpointDocument,
  '\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n':
    types.RotateWebhookSecretDocument,
  '\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n':
    types.DeleteWebhookEndpointDocument,
  '\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n':
    types.ReplayWebhookDeliveryDocument,
  '\n  query CategoryTitles {\n    pricing {\n      categories {\n        category\n        level\n        title\n        description\n      }\n    }\n  }\n':
    types.CategoryTitlesDocument,
  '\n  query AccountSearch($search: String) {\n    accounts(search: $search, first: 8) {\n      nodes {\n        id\n        name\n        email\n      }\n    }\n  }\n':
    types.AccountSearchDocument,
  '\n  query AccountName($id: ID!) {\n    account(id: $id) {\n      id\n      name\n    }\n  }\n':
    types.AccountNameDocument,
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
export function graphql(
  source: '\n  query Viewer {\n    me {\n      role\n      keyName\n      accountIds\n      permissions\n    }\n  }\n',
): (typeof documents)['\n  query Viewer {\n    me {\n      role\n      keyName\n      accountIds\n      permissions\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query SignInCheck {\n    me {\n      role\n      keyName\n      accountIds\n      permissions\n    }\n  }\n',
): (typeof documents)['\n  query SignInCheck {\n    me {\n      role\n      keyName\n      accountIds\n      permissions\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountPage($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      email\n      createdAt\n      balance\n      expiringCredits(withinDays: 30)\n      ...LowBalanceCard\n      licenses {\n        id\n        ...LicenseCard\n        ...LicenseOption\n      }\n      creditLots(includeExpired: true) {\n        id\n        ...CreditLotRow\n      }\n      # Counted by the server: the list below holds only the first page.\n      openTickets: tickets(status: OPEN, first: 0) {\n        totalCount\n      }\n      tickets(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...TicketRow\n        }\n      }\n      ledger(first: 25) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...LedgerEntryItem\n        }\n      }\n      statements(first: 5) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...StatementItem\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AccountPage($id: ID!) {\n    account(id: $id) {\n      id\n      name\n      email\n      createdAt\n      balance\n      expiringCredits(withinDays: 30)\n      ...LowBalanceCard\n      licenses {\n        id\n        ...LicenseCard\n        ...LicenseOption\n      }\n      creditLots(includeExpired: true) {\n        id\n        ...CreditLotRow\n      }\n      # Counted by the server: the list below holds only the first page.\n      openTickets: tickets(status: OPEN, first: 0) {\n        totalCount\n      }\n      tickets(first: 20) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...TicketRow\n        }\n      }\n      ledger(first: 25) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...LedgerEntryItem\n        }\n      }\n      statements(first: 5) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...StatementItem\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountLedgerMore($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...LedgerEntryItem\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AccountLedgerMore($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      ledger(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...LedgerEntryItem\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountTicketsMore($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      tickets(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...TicketRow\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AccountTicketsMore($id: ID!, $first: Int!, $after: String) {\n    account(id: $id) {\n      id\n      tickets(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        nodes {\n          id\n          ...TicketRow\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment CreditLotRow on CreditLot {\n    id\n    source\n    originalCredits\n    remainingCredits\n    spentCredits\n    refundedCredits\n    expiredCredits\n    createdAt\n    expiresAt\n    expired\n    paymentReference\n    license {\n      id\n      domain\n    }\n  }\n',
): (typeof documents)['\n  fragment CreditLotRow on CreditLot {\n    id\n    source\n    originalCredits\n    remainingCredits\n    spentCredits\n    refundedCredits\n    expiredCredits\n    createdAt\n    expiresAt\n    expired\n    paymentReference\n    license {\n      id\n      domain\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query GrantPreview($input: GrantPreviewInput!) {\n    grantPreview(input: $input) {\n      credits\n      note\n      includedLevels\n    }\n    pricing {\n      grantValidityMonths\n    }\n  }\n',
): (typeof documents)['\n  query GrantPreview($input: GrantPreviewInput!) {\n    grantPreview(input: $input) {\n      credits\n      note\n      includedLevels\n    }\n    pricing {\n      grantValidityMonths\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment LedgerEntryItem on LedgerEntry {\n    id\n    kind\n    credits\n    at\n    lot {\n      id\n      source\n      paymentReference\n      license {\n        id\n        domain\n      }\n    }\n    ticket {\n      id\n      subject\n    }\n  }\n',
): (typeof documents)['\n  fragment LedgerEntryItem on LedgerEntry {\n    id\n    kind\n    credits\n    at\n    lot {\n      id\n      source\n      paymentReference\n      license {\n        id\n        domain\n      }\n    }\n    ticket {\n      id\n      subject\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment LicenseCard on License {\n    id\n    edition\n    hostingPlan\n    domain\n    orderDate\n    listPriceCents\n    paidPriceCents\n    creditsGranted\n    grantNote\n    includedLevels\n    creditLot {\n      id\n      expiresAt\n      expired\n    }\n  }\n',
): (typeof documents)['\n  fragment LicenseCard on License {\n    id\n    edition\n    hostingPlan\n    domain\n    orderDate\n    listPriceCents\n    paidPriceCents\n    creditsGranted\n    grantNote\n    includedLevels\n    creditLot {\n      id\n      expiresAt\n      expired\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment LowBalanceCard on Account {\n    id\n    lowBalance {\n      threshold\n      isDefault\n      balance\n      isBelow\n    }\n    lowBalanceNotices {\n      id\n      createdAt\n      balance\n      threshold\n      chargeId\n      mailedAt\n    }\n    expiryNotices {\n      lotId\n      thresholdDays\n      createdAt\n      credits\n      expiresAt\n      mailedAt\n    }\n  }\n',
): (typeof documents)['\n  fragment LowBalanceCard on Account {\n    id\n    lowBalance {\n      threshold\n      isDefault\n      balance\n      isBelow\n    }\n    lowBalanceNotices {\n      id\n      createdAt\n      balance\n      threshold\n      chargeId\n      mailedAt\n    }\n    expiryNotices {\n      lotId\n      thresholdDays\n      createdAt\n      credits\n      expiresAt\n      mailedAt\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment LicenseOption on License {\n    id\n    domain\n    edition\n    hostingPlan\n  }\n',
): (typeof documents)['\n  fragment LicenseOption on License {\n    id\n    domain\n    edition\n    hostingPlan\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TicketCategories {\n    pricing {\n      categories {\n        category\n        level\n        title\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TicketCategories {\n    pricing {\n      categories {\n        category\n        level\n        title\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Quote($licenseId: ID!, $category: TicketCategory!) {\n    quote(licenseId: $licenseId, category: $category) {\n      category\n      level\n      balance\n      sufficient\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Quote($licenseId: ID!, $category: TicketCategory!) {\n    quote(licenseId: $licenseId, category: $category) {\n      category\n      level\n      balance\n      sufficient\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment StatementItem on Statement {\n    id\n    kind\n    credits\n    balanceAfter\n    message\n    createdAt\n    deliveredAt\n    delivery {\n      status\n      attempts\n      nextAttemptAt\n      lastError\n    }\n    ticket {\n      id\n      subject\n    }\n  }\n',
): (typeof documents)['\n  fragment StatementItem on Statement {\n    id\n    kind\n    credits\n    balanceAfter\n    message\n    createdAt\n    deliveredAt\n    delivery {\n      status\n      attempts\n      nextAttemptAt\n      lastError\n    }\n    ticket {\n      id\n      subject\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ResendStatement($id: ID!) {\n    resendStatement(id: $id) {\n      id\n      deliveredAt\n      delivery {\n        status\n        attempts\n        nextAttemptAt\n        lastError\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ResendStatement($id: ID!) {\n    resendStatement(id: $id) {\n      id\n      deliveredAt\n      delivery {\n        status\n        attempts\n        nextAttemptAt\n        lastError\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment TicketRow on Ticket {\n    id\n    subject\n    category\n    level\n    status\n    openedAt\n    price {\n      min\n      max\n      included\n    }\n    charge {\n      id\n      credits\n    }\n    license {\n      id\n      domain\n    }\n  }\n',
): (typeof documents)['\n  fragment TicketRow on Ticket {\n    id\n    subject\n    category\n    level\n    status\n    openedAt\n    price {\n      min\n      max\n      included\n    }\n    charge {\n      id\n      credits\n    }\n    license {\n      id\n      domain\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation IssueLicense($input: IssueLicenseInput!) {\n    issueLicense(input: $input) {\n      id\n      domain\n      creditsGranted\n      grantNote\n    }\n  }\n',
): (typeof documents)['\n  mutation IssueLicense($input: IssueLicenseInput!) {\n    issueLicense(input: $input) {\n      id\n      domain\n      creditsGranted\n      grantNote\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation PurchaseCredits($input: PurchaseCreditsInput!) {\n    purchaseCredits(input: $input) {\n      id\n      originalCredits\n      remainingCredits\n      paymentReference\n      alreadyRecorded\n    }\n  }\n',
): (typeof documents)['\n  mutation PurchaseCredits($input: PurchaseCreditsInput!) {\n    purchaseCredits(input: $input) {\n      id\n      originalCredits\n      remainingCredits\n      paymentReference\n      alreadyRecorded\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      subject\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation OpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      subject\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation SetLowBalanceThreshold($accountId: ID!, $threshold: Int) {\n    setLowBalanceThreshold(accountId: $accountId, threshold: $threshold) {\n      id\n      lowBalance {\n        threshold\n        isDefault\n        balance\n        isBelow\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation SetLowBalanceThreshold($accountId: ID!, $threshold: Int) {\n    setLowBalanceThreshold(accountId: $accountId, threshold: $threshold) {\n      id\n      lowBalance {\n        threshold\n        isDefault\n        balance\n        isBelow\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment AccountRow on Account {\n    id\n    name\n    email\n    createdAt\n    balance\n    expiringCredits(withinDays: 30)\n    licenses {\n      id\n      edition\n      hostingPlan\n    }\n  }\n',
): (typeof documents)['\n  fragment AccountRow on Account {\n    id\n    name\n    email\n    createdAt\n    balance\n    expiringCredits(withinDays: 30)\n    licenses {\n      id\n      edition\n      hostingPlan\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountsPage($search: String, $first: Int!, $after: String) {\n    accounts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AccountRow\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AccountsPage($search: String, $first: Int!, $after: String) {\n    accounts(search: $search, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AccountRow\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      name\n      email\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateAccount($input: CreateAccountInput!) {\n    createAccount(input: $input) {\n      id\n      name\n      email\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountActivity($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AuditRow\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AccountActivity($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...AuditRow\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AuditPage($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        keyName\n        keyId\n        ...AuditRow\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AuditPage($filter: AuditEventFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        keyName\n        keyId\n        ...AuditRow\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment AuditRow on AuditEvent {\n    id\n    at\n    action\n    accountId\n    targetId\n    keyId\n    keyName\n    role\n    requestId\n    details\n    account {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  fragment AuditRow on AuditEvent {\n    id\n    at\n    action\n    accountId\n    targetId\n    keyId\n    keyName\n    role\n    requestId\n    details\n    account {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ChargeTableRow on Charge {\n    id\n    createdAt\n    credits\n    included\n    refunded\n    account {\n      id\n      name\n    }\n    ticket {\n      id\n      subject\n      category\n      license {\n        id\n        edition\n        hostingPlan\n      }\n    }\n  }\n',
): (typeof documents)['\n  fragment ChargeTableRow on Charge {\n    id\n    createdAt\n    credits\n    included\n    refunded\n    account {\n      id\n      name\n    }\n    ticket {\n      id\n      subject\n      category\n      license {\n        id\n        edition\n        hostingPlan\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ChargesPage($filter: ChargeFilter, $first: Int!, $after: String) {\n    charges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ChargeTableRow\n      }\n    }\n    byMonth: chargeSummary(filter: $filter, groupBy: MONTH) {\n      key\n      charges\n      credits\n      includedCharges\n      refundedCredits\n    }\n    byCategory: chargeSummary(filter: $filter, groupBy: CATEGORY) {\n      key\n      charges\n      credits\n      includedCharges\n      refundedCredits\n    }\n  }\n',
): (typeof documents)['\n  query ChargesPage($filter: ChargeFilter, $first: Int!, $after: String) {\n    charges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ChargeTableRow\n      }\n    }\n    byMonth: chargeSummary(filter: $filter, groupBy: MONTH) {\n      key\n      charges\n      credits\n      includedCharges\n      refundedCredits\n    }\n    byCategory: chargeSummary(filter: $filter, groupBy: CATEGORY) {\n      key\n      charges\n      credits\n      includedCharges\n      refundedCredits\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ChargesMore($filter: ChargeFilter, $first: Int!, $after: String) {\n    charges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ChargeTableRow\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ChargesMore($filter: ChargeFilter, $first: Int!, $after: String) {\n    charges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        ...ChargeTableRow\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ExplorerSeed {\n    accounts(first: 1) {\n      nodes {\n        id\n        licenses {\n          id\n        }\n        tickets(first: 1, status: OPEN) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ExplorerSeed {\n    accounts(first: 1) {\n      nodes {\n        id\n        licenses {\n          id\n        }\n        tickets(first: 1, status: OPEN) {\n          nodes {\n            id\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountPicker($search: String) {\n    accounts(search: $search, first: 8) {\n      nodes {\n        id\n        name\n        email\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AccountPicker($search: String) {\n    accounts(search: $search, first: 8) {\n      nodes {\n        id\n        name\n        email\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment KeyRow on ApiKey {\n    id\n    name\n    role\n    prefix\n    createdAt\n    revokedAt\n    lastUsedAt\n    accounts {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  fragment KeyRow on ApiKey {\n    id\n    name\n    role\n    prefix\n    createdAt\n    revokedAt\n    lastUsedAt\n    accounts {\n      id\n      name\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query KeysPage {\n    apiKeys {\n      id\n      ...KeyRow\n    }\n  }\n',
): (typeof documents)['\n  query KeysPage {\n    apiKeys {\n      id\n      ...KeyRow\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...KeyRow\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        ...KeyRow\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      ...KeyRow\n    }\n  }\n',
): (typeof documents)['\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      id\n      ...KeyRow\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateApiKeyScope($input: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $input) {\n      id\n      ...KeyRow\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateApiKeyScope($input: UpdateApiKeyScopeInput!) {\n    updateApiKeyScope(input: $input) {\n      id\n      ...KeyRow\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Mailbox {\n    mailbox(first: 50) {\n      id\n      to\n      subject\n      date\n      text\n    }\n  }\n',
): (typeof documents)['\n  query Mailbox {\n    mailbox(first: 50) {\n      id\n      to\n      subject\n      date\n      text\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OperationsPage {\n    expirySchedule {\n      schedule\n      nextRunAt\n      lastRun {\n        id\n        ranAt\n        lots\n        credits\n      }\n    }\n    reconciliationReports(first: 10) {\n      id\n      ranAt\n      midnight\n      accountsChecked\n      lotsChecked\n      ok\n      mismatches {\n        check\n        ids\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OperationsPage {\n    expirySchedule {\n      schedule\n      nextRunAt\n      lastRun {\n        id\n        ranAt\n        lots\n        credits\n      }\n    }\n    reconciliationReports(first: 10) {\n      id\n      ranAt\n      midnight\n      accountsChecked\n      lotsChecked\n      ok\n      mismatches {\n        check\n        ids\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query Pricing {\n    pricing {\n      grantValidityMonths\n      discountRule {\n        editions\n        maxDiscountPercent\n      }\n      grants {\n        edition\n        hostingPlan\n        credits\n        includedLevels\n      }\n      categories {\n        category\n        level\n        title\n        description\n        prices {\n          edition\n          hostingPlan\n          price {\n            min\n            max\n            included\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query Pricing {\n    pricing {\n      grantValidityMonths\n      discountRule {\n        editions\n        maxDiscountPercent\n      }\n      grants {\n        edition\n        hostingPlan\n        credits\n        includedLevels\n      }\n      categories {\n        category\n        level\n        title\n        description\n        prices {\n          edition\n          hostingPlan\n          price {\n            min\n            max\n            included\n          }\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment ChargeStatement on Charge {\n    id\n    credits\n    included\n    balanceAfter\n    refunded\n    createdAt\n    allocations {\n      credits\n      lot {\n        id\n        source\n        expiresAt\n        expired\n        paymentReference\n        license {\n          id\n          domain\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  fragment ChargeStatement on Charge {\n    id\n    credits\n    included\n    balanceAfter\n    refunded\n    createdAt\n    allocations {\n      credits\n      lot {\n        id\n        source\n        expiresAt\n        expired\n        paymentReference\n        license {\n          id\n          domain\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  fragment RefundStatement on Refund {\n    id\n    credits\n    reason\n    balanceAfter\n    createdAt\n    allocations {\n      credits\n      lot {\n        id\n        source\n        expiresAt\n        createdAt\n        paymentReference\n        license {\n          id\n          domain\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  fragment RefundStatement on Refund {\n    id\n    credits\n    reason\n    balanceAfter\n    createdAt\n    allocations {\n      credits\n      lot {\n        id\n        source\n        expiresAt\n        createdAt\n        paymentReference\n        license {\n          id\n          domain\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TicketPage($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n      category\n      level\n      status\n      openedAt\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n        domain\n        edition\n        hostingPlan\n        includedLevels\n      }\n      account {\n        id\n        name\n        balance\n      }\n      charge {\n        id\n        credits\n        included\n        refunded\n        ...ChargeStatement\n      }\n      refund {\n        id\n        ...RefundStatement\n      }\n      history {\n        status\n        at\n        note\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TicketPage($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n      category\n      level\n      status\n      openedAt\n      price {\n        min\n        max\n        included\n      }\n      license {\n        id\n        domain\n        edition\n        hostingPlan\n        includedLevels\n      }\n      account {\n        id\n        name\n        balance\n      }\n      charge {\n        id\n        credits\n        included\n        refunded\n        ...ChargeStatement\n      }\n      refund {\n        id\n        ...RefundStatement\n      }\n      history {\n        status\n        at\n        note\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ChargeTicket($input: ChargeTicketInput!) {\n    chargeTicket(input: $input) {\n      id\n      credits\n      included\n      balanceAfter\n      ticket {\n        id\n        status\n      }\n      account {\n        id\n        balance\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation ChargeTicket($input: ChargeTicketInput!) {\n    chargeTicket(input: $input) {\n      id\n      credits\n      included\n      balanceAfter\n      ticket {\n        id\n        status\n      }\n      account {\n        id\n        balance\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RefundTicket($input: RefundTicketInput!) {\n    refundTicket(input: $input) {\n      id\n      credits\n      balanceAfter\n      ticket {\n        id\n        status\n      }\n      charge {\n        id\n        refunded\n      }\n    }\n  }\n',
): (typeof documents)['\n  mutation RefundTicket($input: RefundTicketInput!) {\n    refundTicket(input: $input) {\n      id\n      credits\n      balanceAfter\n      ticket {\n        id\n        status\n      }\n      charge {\n        id\n        refunded\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query ChargeDialog($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n      status\n      price {\n        min\n        max\n        included\n      }\n      account {\n        id\n        name\n        balance\n      }\n    }\n  }\n',
): (typeof documents)['\n  query ChargeDialog($id: ID!) {\n    ticket(id: $id) {\n      id\n      subject\n      status\n      price {\n        min\n        max\n        included\n      }\n      account {\n        id\n        name\n        balance\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TicketQueue($filter: TicketFilter, $counts: TicketFilter, $first: Int!, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        subject\n        category\n        level\n        status\n        openedAt\n        openedByKeyId\n        openedByName\n        price {\n          min\n          max\n          included\n        }\n        charge {\n          id\n          credits\n        }\n        account {\n          id\n          name\n        }\n        license {\n          id\n          edition\n          domain\n        }\n      }\n    }\n    ticketCounts(filter: $counts) {\n      open\n      charged\n      refunded\n      total\n    }\n  }\n',
): (typeof documents)['\n  query TicketQueue($filter: TicketFilter, $counts: TicketFilter, $first: Int!, $after: String) {\n    tickets(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        subject\n        category\n        level\n        status\n        openedAt\n        openedByKeyId\n        openedByName\n        price {\n          min\n          max\n          included\n        }\n        charge {\n          id\n          credits\n        }\n        account {\n          id\n          name\n        }\n        license {\n          id\n          edition\n          domain\n        }\n      }\n    }\n    ticketCounts(filter: $counts) {\n      open\n      charged\n      refunded\n      total\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query WebhookEndpointsPage {\n    webhookEventTypes\n    webhookEndpoints {\n      id\n      url\n      eventTypes\n      description\n      enabled\n      disabledReason\n      ownerName\n      createdAt\n      deliveries(first: 10) {\n        id\n        eventId\n        eventType\n        status\n        attemptCount\n        nextAttemptAt\n        lastError\n        createdAt\n        attempts {\n          at\n          statusCode\n          latencyMs\n          error\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query WebhookEndpointsPage {\n    webhookEventTypes\n    webhookEndpoints {\n      id\n      url\n      eventTypes\n      description\n      enabled\n      disabledReason\n      ownerName\n      createdAt\n      deliveries(first: 10) {\n        id\n        eventId\n        eventType\n        status\n        attemptCount\n        nextAttemptAt\n        lastError\n        createdAt\n        attempts {\n          at\n          statusCode\n          latencyMs\n          error\n        }\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        eventTypes\n      }\n      secret\n    }\n  }\n',
): (typeof documents)['\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      endpoint {\n        id\n        url\n        eventTypes\n      }\n      secret\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      enabled\n      disabledReason\n    }\n  }\n',
): (typeof documents)['\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) {\n      id\n      enabled\n      disabledReason\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n',
): (typeof documents)['\n  mutation RotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      secret\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n',
): (typeof documents)['\n  mutation DeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id)\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n',
): (typeof documents)['\n  mutation ReplayWebhookDelivery($id: ID!) {\n    replayWebhookDelivery(id: $id) {\n      id\n      status\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query CategoryTitles {\n    pricing {\n      categories {\n        category\n        level\n        title\n        description\n      }\n    }\n  }\n',
): (typeof documents)['\n  query CategoryTitles {\n    pricing {\n      categories {\n        category\n        level\n        title\n        description\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountSearch($search: String) {\n    accounts(search: $search, first: 8) {\n      nodes {\n        id\n        name\n        email\n      }\n    }\n  }\n',
): (typeof documents)['\n  query AccountSearch($search: String) {\n    accounts(search: $search, first: 8) {\n      nodes {\n        id\n        name\n        email\n      }\n    }\n  }\n'];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query AccountName($id: ID!) {\n    account(id: $id) {\n      id\n      name\n    }\n  }\n',
): (typeof documents)['\n  query AccountName($id: ID!) {\n    account(id: $id) {\n      id\n      name\n    }\n  }\n'];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never;
