export { AppShell } from './app-shell';
export { SignInPage } from './sign-in-page';
export { AccountsPage } from './accounts-page';
export { AccountPage } from './account-page';
export { TicketPage } from './ticket-page';
export { ChargesPage } from './charges-page';
export { PricingPage } from './pricing-page';
