import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { Permission, Role } from '../../gql/graphql';
import { can, type Action } from '../../shared/permissions';
import { toAppError, type AppError } from '../../shared/errors';
import { apiKeyStore } from './session';
import { SignInCheckQuery, ViewerQuery } from './viewer';

export const SESSION_ENDED_EVENT = 'credits:session-ended';

export interface Viewer {
  role: Role;
  keyName: string;
  accountIds: readonly string[];
  permissions: readonly Permission[];
}

interface AuthState {
  apiKey: string | null;
  /** True when the gateway refused the stored key (revoked or unknown). */
  sessionEnded: boolean;
  signIn: (key: string) => Promise<{ ok: true; viewer: Viewer } | { ok: false; error: AppError }>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [apiKey, setApiKey] = useState<string | null>(() => apiKeyStore.get());
  const [sessionEnded, setSessionEnded] = useState(false);

  useEffect(() => {
    const onEnded = () => {
      apiKeyStore.clear();
      setApiKey(null);
      setSessionEnded(true);
      void client.clearStore();
    };
    window.addEventListener(SESSION_ENDED_EVENT, onEnded);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, onEnded);
  }, [client]);

  const signIn = useCallback<AuthState['signIn']>(
    async (key) => {
      const trimmed = key.trim();
      try {
        const { data, error } = await client.query({
          query: SignInCheckQuery,
          fetchPolicy: 'network-only',
          context: { headers: { authorization: `Bearer ${trimmed}` } },
        });
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- Apollo's ErrorLike is an Error at run time
        if (error || !data) throw error ?? new Error('No answer from the gateway');
        await client.clearStore();
        apiKeyStore.set(trimmed);
        client.writeQuery({
          query: ViewerQuery,
          data: { __typename: 'Query', me: data.me } as never,
        });
        setSessionEnded(false);
        setApiKey(trimmed);
        return { ok: true, viewer: data.me };
      } catch (e) {
        return {
          ok: false,
          error: toAppError(e) ?? { code: 'UNKNOWN', message: String(e), extensions: {} },
        };
      }
    },
    [client],
  );

  const signOut = useCallback(async () => {
    apiKeyStore.clear();
    setApiKey(null);
    setSessionEnded(false);
    await client.clearStore();
  }, [client]);

  const value = useMemo(
    () => ({ apiKey, sessionEnded, signIn, signOut }),
    [apiKey, sessionEnded, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside <AuthProvider>');
  return ctx;
}

const ViewerContext = createContext<Viewer | null>(null);
export const ViewerProvider = ViewerContext.Provider;

/** The signed-in key's role and scope; null outside the signed-in area. */
export function useViewer(): Viewer | null {
  return useContext(ViewerContext);
}

export function useCan(action: Action): boolean {
  return can(useViewer(), action);
}
