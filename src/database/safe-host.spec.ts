import { safeHost } from './safe-host.js';

describe('safeHost', () => {
  it('names host, port and database, never the user or password', () => {
    expect(safeHost('postgresql://newsdesk:s3cret@db.internal:5433/newsdesk?sslmode=require')).toBe('db.internal:5433/newsdesk');
    expect(safeHost('postgres://db.internal/newsdesk')).toBe('db.internal/newsdesk');
  });

  it('prints anything but a PostgreSQL URL as a phrase, not as itself', () => {
    // Without the scheme this parses as a URL of scheme "newsdesk:" whose path holds the password.
    expect(safeHost('newsdesk:s3cret@db.internal/newsdesk')).toBe('the configured database');
    expect(safeHost('not a url')).toBe('the configured database');
  });
});
