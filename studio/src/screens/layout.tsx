import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useHasRole, useSession } from '../api/session-context';

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [location] = useLocation();
  const current = href === '/' ? location === '/' || location.startsWith('/articles') : location.startsWith(href);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {children}
    </Link>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const editor = useHasRole('EDITOR');
  const admin = useHasRole('ADMIN');
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Newsdesk Studio</span>
        <nav aria-label="Main">
          <NavLink href="/">Articles</NavLink>
          <NavLink href="/media">Media</NavLink>
          <NavLink href="/taxonomy">Taxonomy</NavLink>
          {editor && <NavLink href="/newsletter">Newsletter</NavLink>}
          {admin && <NavLink href="/people">People</NavLink>}
          {admin && <NavLink href="/syndication">Syndication</NavLink>}
          {admin && <NavLink href="/audit">Audit log</NavLink>}
        </nav>
        <div className="account">
          <NavLink href="/account">
            {user?.name} ({user?.role.toLowerCase()})
          </NavLink>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
