import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth/auth-context';
import { Field } from '../../shared/ui/field';
import type { AppError } from '../../shared/errors';
import { describeError } from '../../shared/error-notice';
import { safeAppPath } from '../../shared/safe-path';
import { useDocumentTitle } from '../../shared/ui/page-header';

export function SignInPage() {
  const { apiKey, signIn, sessionEnded } = useAuth();
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const next = safeAppPath(params.get('next'), '/accounts');

  if (apiKey && !busy) return <Navigate to={next} replace />;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!key.trim()) {
      setError({ code: 'BAD_USER_INPUT', message: 'Enter your API key.', extensions: {} });
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn(key);
    setBusy(false);
    if (result.ok) void navigate(next, { replace: true });
    else setError(result.error);
  }

  const fieldError = error
    ? error.code === 'UNAUTHENTICATED'
      ? 'The gateway does not know this key, or it has been revoked.'
      : error.code === 'BAD_USER_INPUT'
        ? error.message
        : null
    : null;
  const otherError = error && !fieldError ? describeError(error, null) : null;

  return (
    <div className="sign-in-screen">
      <main className="sign-in-card" id="main">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            SC
          </span>
          <span className="brand-name">Support credits</span>
        </div>
        <h1>Sign in</h1>
        <p className="muted">
          Use the API key you were given. Your role and the accounts you can see come with it.
        </p>
        {sessionEnded ? (
          <div className="notice notice-warning" role="status">
            <p className="notice-detail">
              Your session ended: the gateway no longer accepts that key. Sign in again.
            </p>
          </div>
        ) : null}
        <form onSubmit={onSubmit} noValidate>
          <Field
            label="API key"
            hint="Kept in this browser tab only, and forgotten when you sign out or close it."
            error={fieldError}
          >
            <input
              name="apiKey"
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={key}
              onChange={(e) => setKey(e.target.value)}
              data-autofocus
              autoFocus
            />
          </Field>
          {otherError ? (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">{otherError.title}</p>
              <p className="notice-detail">{otherError.detail}</p>
            </div>
          ) : null}
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? 'Checking…' : 'Sign in'}
          </button>
        </form>
      </main>
    </div>
  );
}
