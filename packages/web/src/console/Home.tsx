import { useQuery } from '@tanstack/react-query';
import { api, type User } from '../api/client.js';
import { Team } from './Team.js';

function pct(v: number | null): string {
  return v === null ? '—' : `${Math.round(v * 100)}%`;
}

/** What this person can do now: their queues with counts, and their own numbers. */
export function Home(props: { user: User; onStart(projectId: string, stage: 'label' | 'review'): void }) {
  const queues = useQuery({ queryKey: ['queues'], queryFn: () => api.queues(), refetchInterval: 15_000 });
  const stats = useQuery({ queryKey: ['stats'], queryFn: () => api.stats(), refetchInterval: 60_000 });
  const docs = queues.data?.docs ?? [];
  return (
    <div className="home">
      <section>
        <h2>
          Your queues{' '}
          <button className="ghost small" onClick={() => void queues.refetch()} title="Refresh">
            ↻
          </button>
        </h2>
        {queues.isLoading && <p className="muted">Loading…</p>}
        {queues.error && <p className="error">{(queues.error as Error).message}</p>}
        {queues.data && docs.length === 0 && <p className="muted">You are not assigned to any project yet. Ask a manager to add you.</p>}
        {docs.length > 0 && (
          <table className="queues" data-testid="queues">
            <thead>
              <tr>
                <th>Project</th>
                <th>Type</th>
                <th>Work</th>
                <th>Available</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {docs.map((q) => (
                <tr key={`${q.project.id}-${q.stage}`} data-project={q.project.name} data-stage={q.stage}>
                  <td>
                    {q.project.name} {q.project.env === 'test' && <span className="tag">test</span>}
                  </td>
                  <td>{q.project.type}</td>
                  <td>{q.stage === 'label' ? 'Labelling' : 'Review'}</td>
                  <td>{q.available}</td>
                  <td>
                    <button className="primary" disabled={q.available === 0} onClick={() => props.onStart(q.project.id, q.stage)} data-testid={`start-${q.stage}`}>
                      {q.stage === 'label' ? 'Start labelling' : 'Start reviewing'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>Your numbers</h2>
        {stats.data ? (
          <dl className="stats" data-testid="stats">
            <div>
              <dt>Tasks done</dt>
              <dd>{stats.data.tasks_done}</dd>
            </div>
            <div>
              <dt>Per hour</dt>
              <dd>{stats.data.tasks_per_hour.toFixed(1)}</dd>
            </div>
            <div>
              <dt>Median time</dt>
              <dd>{stats.data.median_seconds === null ? '—' : `${Math.round(stats.data.median_seconds)} s`}</dd>
            </div>
            <div>
              <dt>Accepted</dt>
              <dd>{pct(stats.data.accept_rate)}</dd>
            </div>
            <div>
              <dt>Gold score</dt>
              <dd>{pct(stats.data.gold_score)}</dd>
            </div>
          </dl>
        ) : (
          <p className="muted">{stats.error ? (stats.error as Error).message : 'Loading…'}</p>
        )}
      </section>
      {props.user.roles.some((r) => r === 'admin' || r === 'manager') && <Team user={props.user} />}
    </div>
  );
}
