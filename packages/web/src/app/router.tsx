import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireAuth } from './require-auth';
import { NotFoundPage, RouteErrorPage } from './not-found-page';
import { SignInPage } from '../features/sign-in/sign-in-page';
import { AccountsPage } from '../features/accounts/accounts-page';
import { AccountPage } from '../features/account/account-page';
import { TicketPage } from '../features/ticket/ticket-page';
import { TicketsPage } from '../features/tickets/tickets-page';
import { AuditPage } from '../features/audit/audit-page';
import { PricingPage } from '../features/pricing/pricing-page';
import { KeysPage } from '../features/keys/keys-page';
import { MailboxPage } from '../features/mailbox/mailbox-page';
import { WebhooksPage } from '../features/webhooks/webhooks-page';
import { OperationsPage } from '../features/operations/operations-page';
import { FinancePage } from '../features/finance/finance-page';
import { PortalPage } from '../features/portal/portal-page';
import { Spinner } from '../shared/ui/states';

export const routes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage />, errorElement: <RouteErrorPage /> },
  // A customer's page, opened from a link in an e-mail: no sign-in, no dashboard around it.
  { path: '/portal/:token', element: <PortalPage />, errorElement: <RouteErrorPage /> },
  {
    path: '/',
    element: <RequireAuth />,
    errorElement: <RouteErrorPage />,
    // Shown while a lazy page (charges) loads on a first visit.
    hydrateFallbackElement: (
      <div className="center-screen">
        <Spinner label="Loading…" />
      </div>
    ),
    children: [
      { index: true, element: <Navigate to="/accounts" replace /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'accounts/:accountId', element: <AccountPage /> },
      { path: 'tickets', element: <TicketsPage /> },
      { path: 'tickets/:ticketId', element: <TicketPage /> },
      {
        // Charts (recharts) load only with this page.
        path: 'charges',
        lazy: async () => ({
          Component: (await import('../features/charges/charges-page')).ChargesPage,
        }),
      },
      { path: 'audit', element: <AuditPage /> },
      { path: 'pricing', element: <PricingPage /> },
      { path: 'keys', element: <KeysPage /> },
      {
        // GraphiQL (and its editor) load only with this page.
        path: 'explorer',
        lazy: async () => ({
          Component: (await import('../features/explorer/explorer-page')).ExplorerPage,
        }),
      },
      { path: 'webhooks', element: <WebhooksPage /> },
      { path: 'mailbox', element: <MailboxPage /> },
      { path: 'operations', element: <OperationsPage /> },
      { path: 'finance', element: <FinancePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
