import { NavLink, Outlet, useNavigate, useNavigation } from 'react-router';
import { useAuth, useCan, useViewer } from './auth/auth-context';
import { roleLabel } from '../shared/labels';
import { Badge } from '../shared/ui/badge';
import { MainMenu } from './main-menu';

const roleTone = {
  ADMIN: 'accent',
  SPECIALIST: 'info',
  PARTNER: 'warning',
  ANALYST: 'neutral',
  // Portal links open /portal only; the dashboard's sign-in takes API keys.
  CUSTOMER: 'neutral',
} as const;

export function AppLayout() {
  const viewer = useViewer();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const canManageKeys = useCan('MANAGE_API_KEYS');
  const canSeeWebhooks = useCan('READ_WEBHOOKS');
  const canSeeMailbox = useCan('READ_MAILBOX');
  const canSeeOperations = useCan('READ_SCHEDULES');
  const canSeeFinance = useCan('READ_FINANCE');
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {navigation.state !== 'idle' ? <div className="route-progress" aria-hidden="true" /> : null}
      <MainMenu
        brand={
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              SC
            </span>
            <span className="brand-name">Support credits</span>
          </div>
        }
      >
        <nav aria-label="Main" className="nav">
          <NavLink to="/accounts">Accounts</NavLink>
          <NavLink to="/tickets" end>
            Tickets
          </NavLink>
          <NavLink to="/charges">Charges</NavLink>
          <NavLink to="/audit">Audit</NavLink>
          <NavLink to="/pricing">Pricing</NavLink>
          {canManageKeys ? <NavLink to="/keys">API keys</NavLink> : null}
          <NavLink to="/explorer">API explorer</NavLink>
          {canSeeWebhooks ? <NavLink to="/webhooks">Webhooks</NavLink> : null}
          {canSeeMailbox ? <NavLink to="/mailbox">Mailbox</NavLink> : null}
          {canSeeOperations ? <NavLink to="/operations">Operations</NavLink> : null}
          {canSeeFinance ? <NavLink to="/finance">Finance</NavLink> : null}
        </nav>
        {viewer ? (
          <div className="who">
            <div className="who-name" title={viewer.keyName}>
              {viewer.keyName}
            </div>
            <Badge tone={roleTone[viewer.role]}>{roleLabel(viewer.role)}</Badge>
            <button
              type="button"
              className="button button-ghost button-small sign-out"
              onClick={async () => {
                await signOut();
                void navigate('/sign-in', { replace: true });
              }}
            >
              Sign out
            </button>
          </div>
        ) : null}
      </MainMenu>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
