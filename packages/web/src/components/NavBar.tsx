import { useEffect, useState } from 'react';
import { Link } from '../router/Link';

export const NAV_ITEMS: { to: string; label: string }[] = [
  { to: '/', label: 'Overview' },
  { to: '/studies', label: 'Studies' },
  { to: '/entities', label: 'Entities' },
  { to: '/mechanisms', label: 'Mechanisms' },
  { to: '/methods', label: 'Isolation methods' },
  { to: '/clinical', label: 'Clinical translation' },
  { to: '/references', label: 'References' },
  { to: '/meta', label: 'Meta-analysis' },
  { to: '/reviews', label: 'Reviews' },
];

const isActive = (to: string, path: string): boolean => (to === '/' ? path === '/' : path === to || path.startsWith(`${to}/`));

/** The one navigation bar: every page is reachable from it; on narrow screens it folds behind a Menu button. */
export function NavBar({ path }: { path: string }) {
  const [isOpen, setIsOpen] = useState(false);
  useEffect(() => setIsOpen(false), [path]);
  return (
    <nav className="nav" aria-label="Main">
      <button type="button" className="nav-toggle" aria-expanded={isOpen} aria-controls="nav-list" onClick={() => setIsOpen((o) => !o)}>
        <span aria-hidden="true">☰</span> Menu
      </button>
      <ul id="nav-list" className={isOpen ? 'nav-list is-open' : 'nav-list'}>
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <Link to={item.to} aria-current={isActive(item.to, path) ? 'page' : undefined}>
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
