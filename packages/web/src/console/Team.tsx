import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type ProjectSummary, type Role, type User } from '../api/client.js';
import { useSubmit } from '../ui/use-submit.js';

const roles: Role[] = ['annotator', 'reviewer', 'manager', 'admin'];

function pct(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : `${Math.round(v * 100)}%`;
}

/**
 * For admins and managers: the account's projects with their counts and who works on them, and the
 * people. Enough to bring someone in and put them to work without the API.
 */
export function Team(props: { user: User }) {
  const isAdmin = props.user.roles.includes('admin');
  const client = useQueryClient();
  const projects = useQuery({ queryKey: ['projects'], queryFn: () => api.projects() });
  const members = useQuery({ queryKey: ['members'], queryFn: () => api.members() });
  const [open, setOpen] = useState<string>();
  const people = members.data?.docs ?? [];
  return (
    <>
      <section>
        <h2>Projects</h2>
        {projects.error && <p className="error">{(projects.error as Error).message}</p>}
        <table className="queues" data-testid="projects">
          <thead>
            <tr>
              <th>Project</th>
              <th>Type</th>
              <th>Pending</th>
              <th>Completed</th>
              <th>People</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(projects.data?.docs ?? []).map((p) => (
              <ProjectRow key={p.id} project={p} people={people} open={open === p.id} onToggle={() => setOpen(open === p.id ? undefined : p.id)} onChanged={() => client.invalidateQueries({ queryKey: ['projects'] })} />
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>People</h2>
        <table className="queues" data-testid="people">
          <thead>
            <tr>
              <th>Name</th>
              <th>Email</th>
              <th>Roles</th>
            </tr>
          </thead>
          <tbody>
            {people.map((m) => (
              <tr key={m.id}>
                <td>{m.name ?? '—'}</td>
                <td>{m.email}</td>
                <td>{m.roles.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {isAdmin && <AddPerson onAdded={() => void client.invalidateQueries({ queryKey: ['members'] })} />}
      </section>
    </>
  );
}

function ProjectRow(props: { project: ProjectSummary; people: User[]; open: boolean; onToggle(): void; onChanged(): Promise<unknown> }) {
  const { project: p } = props;
  // The tick shows at once (set in the click's own handler, so React keeps it), until the refreshed list has it.
  const [pending, setPending] = useState<{ id: string; on: boolean }>();
  const assign = useMutation({
    mutationFn: ({ id, on }: { id: string; on: boolean }) => api.assign(p.id, [id], on),
    onSuccess: () => props.onChanged(),
    onSettled: () => setPending(undefined),
  });
  const assigned = (id: string) => (pending?.id === id ? pending.on : p.assignees.includes(id));
  const stats = useQuery({ queryKey: ['project-stats', p.id], queryFn: () => api.projectStats(p.id), enabled: props.open });
  const statsOf = (id: string) => stats.data?.annotators.find((a) => a.user_id === id);
  return (
    <>
      <tr data-project={p.name}>
        <td>
          {p.name} {p.env === 'test' && <span className="tag">test</span>}
        </td>
        <td>{p.type}</td>
        <td>{p.counts.pending}</td>
        <td>{p.counts.completed}</td>
        <td>{p.assignees.length}</td>
        <td>
          <button onClick={props.onToggle} data-testid="manage">
            {props.open ? 'Close' : 'People…'}
          </button>
        </td>
      </tr>
      {props.open && (
        <tr>
          <td colSpan={6}>
            <table className="assign" data-testid="assign">
              <thead>
                <tr>
                  <th>Works on it</th>
                  <th>Person</th>
                  <th>Done</th>
                  <th>Accepted</th>
                  <th>Gold</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {props.people.map((m) => {
                  const s = statsOf(m.id);
                  return (
                    <tr key={m.id} data-person={m.email}>
                      <td>
                        <input type="checkbox" checked={assigned(m.id)} disabled={pending !== undefined} onChange={(e) => {
                            setPending({ id: m.id, on: e.target.checked });
                            assign.mutate({ id: m.id, on: e.target.checked });
                          }} />
                      </td>
                      <td>
                        {m.name ?? m.email} <span className="muted">{m.roles.join(', ')}</span>
                      </td>
                      <td>{s?.tasks_done ?? '—'}</td>
                      <td>{pct(s?.accept_rate)}</td>
                      <td>{pct(s?.gold_score)}</td>
                      <td>
                        {s?.blocked && (
                          <button onClick={() => void api.clearQuality(p.id, m.id).then(() => stats.refetch())} title="Their gold score paused this project for them">
                            Resume
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </td>
        </tr>
      )}
    </>
  );
}

function AddPerson(props: { onAdded(): void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [picked, setPicked] = useState<Role[]>(['annotator']);
  const [result, setResult] = useState<string>();
  const { error, onSubmit } = useSubmit(async () => {
    const added = await api.addMember({ email, roles: picked, ...(name ? { name } : {}), ...(password ? { password } : {}) });
    setResult(
      added.invitation_token
        ? `Invitation link for ${added.user.email}: ${window.location.origin}/#/invite/${added.invitation_token}`
        : `${added.user.email} can sign in now.`,
    );
    setEmail('');
    setName('');
    setPassword('');
    props.onAdded();
  });
  return (
    <form className="add-person" data-testid="add-person" onSubmit={onSubmit}>
      <h3>Add a person</h3>
      <div className="row">
        <input type="email" required placeholder="email" value={email} onChange={(e) => setEmail(e.target.value)} name="email" />
        <input placeholder="name (optional)" value={name} onChange={(e) => setName(e.target.value)} name="name" />
        <input type="password" placeholder="password (or leave empty to invite)" value={password} onChange={(e) => setPassword(e.target.value)} name="password" />
      </div>
      <div className="row">
        {roles.map((r) => (
          <label key={r} className="check">
            <input type="checkbox" checked={picked.includes(r)} onChange={(e) => setPicked(e.target.checked ? [...picked, r] : picked.filter((x) => x !== r))} name={`role-${r}`} />
            {r}
          </label>
        ))}
        <button className="primary" type="submit" disabled={picked.length === 0}>
          Add
        </button>
      </div>
      {result && (
        <p className="notice" data-testid="add-person-result">
          {result}
        </p>
      )}
      {error && <p className="error">{error}</p>}
    </form>
  );
}
