import { useEffect, useState } from 'react';

/**
 * Routes live in the hash (`#/work/<project>/label`), so the server serves one index.html for `/`
 * and needs no knowledge of the app's pages. Three pages do not need a router library.
 */
export type Route = { page: 'home' } | { page: 'work'; projectId: string; stage: 'label' | 'review' } | { page: 'dev' } | { page: 'invite'; token: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'work' && parts[1]) return { page: 'work', projectId: parts[1], stage: parts[2] === 'review' ? 'review' : 'label' };
  if (parts[0] === 'dev') return { page: 'dev' };
  if (parts[0] === 'invite' && parts[1]) return { page: 'invite', token: parts[1] };
  return { page: 'home' };
}

export function routeHash(r: Route): string {
  switch (r.page) {
    case 'home':
      return '#/';
    case 'work':
      return `#/work/${encodeURIComponent(r.projectId)}/${r.stage}`;
    case 'dev':
      return '#/dev';
    case 'invite':
      return `#/invite/${encodeURIComponent(r.token)}`;
  }
}

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return [route, (r) => (window.location.hash = routeHash(r))];
}
