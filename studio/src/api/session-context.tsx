import { useApolloClient } from '@apollo/client/react';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { currentUser, onSessionChange, refresh, signIn, signOut, type Role, type SessionUser } from './session';

interface SessionValue {
  user: SessionUser | null;
  /** True until the first refresh through the cookie has answered. */
  restoring: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [user, setUser] = useState<SessionUser | null>(currentUser());
  const [restoring, setRestoring] = useState(true);

  useEffect(() => onSessionChange(setUser), []);
  useEffect(() => {
    // A reload keeps the session: the cookie trades for a new access token.
    refresh()
      .catch(() => null)
      .finally(() => setRestoring(false));
  }, []);

  const value: SessionValue = {
    user,
    restoring,
    async signIn(email, password) {
      await signIn(email, password);
    },
    async signOut() {
      await signOut().catch(() => undefined);
      await client.clearStore();
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

const RANK: Record<Role, number> = { CONTRIBUTOR: 0, AUTHOR: 1, EDITOR: 2, ADMIN: 3 };

/** Whether the signed-in user has at least this role (buttons a role may not use are not offered). */
export function useHasRole(role: Role): boolean {
  const { user } = useSession();
  return user !== null && RANK[user.role] >= RANK[role];
}
