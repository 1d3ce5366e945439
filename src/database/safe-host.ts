// Never print credentials: host, port and database name are enough to tell which server is in use.
// Anything but a postgres(ql):// URL prints as a phrase: `user:password@host` parses as a URL whose
// "path" is the password.
export function safeHost(url: string): string {
  try {
    const { protocol, hostname, port, pathname } = new URL(url);
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') return UNNAMED;
    return `${hostname}${port ? `:${port}` : ''}${pathname}`;
  } catch {
    return UNNAMED;
  }
}

const UNNAMED = 'the configured database';
