import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { api } from './api/client.js';
import { Home } from './console/Home.js';
import { AcceptInvitation, SignIn } from './console/SignIn.js';
import { HotkeysProvider } from './ui/hotkeys-context.js';
import { useRoute } from './ui/route.js';
import { WorkSession } from './workspace/WorkSession.js';

const DevHarness = lazy(() => import('./dev/DevHarness.js'));
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

function Shell() {
  const [route, go] = useRoute();
  const client = useQueryClient();
  const me = useQuery({ queryKey: ['me'], queryFn: () => api.me(), enabled: route.page !== 'dev' });
  if (route.page === 'dev') {
    return (
      <Suspense fallback={null}>
        <DevHarness />
      </Suspense>
    );
  }
  // Someone already signed in who opens an invitation link just sees their home page.
  if (route.page === 'invite' && !me.data) {
    return (
      <AcceptInvitation
        token={route.token}
        onSignedIn={(s) => {
          client.setQueryData(['me'], s);
          go({ page: 'home' });
        }}
      />
    );
  }
  if (me.isLoading) return <div className="center muted">Loading…</div>;
  if (me.error) return <div className="center error">Cannot reach the server: {(me.error as Error).message}</div>;
  if (!me.data) return <SignIn onSignedIn={(s) => client.setQueryData(['me'], s)} />;
  const { user } = me.data;
  if (route.page === 'work') return <WorkSession key={`${route.projectId}/${route.stage}`} projectId={route.projectId} stage={route.stage} onExit={() => go({ page: 'home' })} />;
  return (
    <div className="page">
      <header className="top-bar">
        <strong>Tessera</strong>
        <span className="grow" />
        <span className="muted" data-testid="whoami">
          {user.name ?? user.email} · {user.roles.join(', ')}
        </span>
        <button
          className="ghost"
          onClick={async () => {
            await api.signOut();
            client.setQueryData(['me'], null);
            client.removeQueries({ queryKey: ['queues'] });
          }}
        >
          Sign out
        </button>
      </header>
      <Home user={user} onStart={(projectId, stage) => go({ page: 'work', projectId, stage })} />
    </div>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <HotkeysProvider>
        <Shell />
      </HotkeysProvider>
    </QueryClientProvider>
  );
}
