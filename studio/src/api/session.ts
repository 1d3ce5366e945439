// The Studio's session. The refresh token never reaches this code: the API keeps it in an httpOnly,
// SameSite=Strict cookie scoped to /admin/graphql. The short-lived access token lives in this
// module's memory only (no storage a script injected elsewhere could read later).

export const ADMIN_ENDPOINT = '/admin/graphql';

export type Role = 'CONTRIBUTOR' | 'AUTHOR' | 'EDITOR' | 'ADMIN';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  authorId: string | null;
}

interface SessionState {
  accessToken: string;
  expiresAt: number;
  user: SessionUser;
}

const USER_FIELDS = 'user { id email name role authorId }';
let state: SessionState | null = null;
let refreshing: Promise<SessionState | null> | null = null;
const listeners = new Set<(user: SessionUser | null) => void>();

export class SessionError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

async function call(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await fetch(ADMIN_ENDPOINT, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  const error = body.errors?.[0];
  if (error) throw new SessionError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  return body.data;
}

function store(tokens: { accessToken: string; accessTokenExpiresAt: string; user: SessionUser } | null): SessionState | null {
  state = tokens
    ? { accessToken: tokens.accessToken, expiresAt: new Date(tokens.accessTokenExpiresAt).getTime(), user: tokens.user }
    : null;
  listeners.forEach((listener) => listener(state?.user ?? null));
  return state;
}

export function onSessionChange(listener: (user: SessionUser | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentUser(): SessionUser | null {
  return state?.user ?? null;
}

export async function signIn(email: string, password: string): Promise<SessionUser> {
  const data = await call(
    `mutation SignIn($input: LoginInput!) { login(input: $input) { accessToken accessTokenExpiresAt ${USER_FIELDS} } }`,
    { input: { email, password, session: 'COOKIE' } },
  );
  return store(data.login)!.user;
}

// One refresh at a time, across tabs too (Web Locks): two refreshes with the same cookie would look
// like a stolen token to the API, which then ends the login.
export function refresh(): Promise<SessionState | null> {
  refreshing ??= withLock(async () => {
    try {
      const data = await call(`mutation Refresh { refreshSession { accessToken accessTokenExpiresAt ${USER_FIELDS} } }`);
      return store(data.refreshSession);
    } catch (error) {
      if (error instanceof SessionError && error.code === 'UNAUTHENTICATED') return store(null);
      throw error;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('newsdesk-session-refresh', work) : work();
}

/** An access token that is good for at least 30 more seconds, refreshing first when needed. */
export async function accessToken(): Promise<string | null> {
  if (state && state.expiresAt - Date.now() > 30_000) return state.accessToken;
  return (await refresh())?.accessToken ?? null;
}

export async function signOut(): Promise<void> {
  try {
    // No Authorization header: the API ends the cookie's login and clears the cookie.
    await call('mutation SignOut { logout { success } }');
  } finally {
    store(null);
  }
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await call(
    'mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) { user { id } } }',
    { input: { currentPassword, newPassword } },
    (await accessToken()) ?? undefined,
  );
}
