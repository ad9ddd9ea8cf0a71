import type { Role, TeamRole } from '@tessera/schema';
import type { ScopedStore } from '../store/index.js';
import type { UserRecord } from '../store/people.js';
import { invalidField } from './errors.js';
import { createMember } from './people.js';

/** Scale's team roles in ours: a labeler annotates, a member reviews. */
const rolesFor: Record<TeamRole, Role[]> = {
  labeler: ['annotator'],
  member: ['reviewer', 'annotator'],
  manager: ['manager'],
  admin: ['admin'],
};

export function teamRoleOf(user: UserRecord): TeamRole {
  if (user.roles.includes('admin')) return 'admin';
  if (user.roles.includes('manager')) return 'manager';
  if (user.roles.includes('reviewer')) return 'member';
  return 'labeler';
}

export function presentTeammate(user: UserRecord) {
  const [firstName, ...rest] = (user.name ?? '').split(' ');
  return {
    email: user.email,
    role: teamRoleOf(user),
    ...(firstName ? { firstName } : {}),
    ...(rest.length > 0 ? { lastName: rest.join(' ') } : {}),
    isStudioLabeler: user.roles.includes('annotator'),
  };
}

/** Invites people who are not members yet (they set a password through the invitation); others are left as they are. */
export async function inviteTeammates(store: ScopedStore, emails: string[], role: TeamRole): Promise<UserRecord[]> {
  const existing = new Set((await store.people.findByEmails(emails)).map((u) => u.email));
  for (const email of new Set(emails)) if (!existing.has(email)) await createMember(store, { email, roles: rolesFor[role] });
  return store.people.list();
}

export async function setTeamRole(store: ScopedStore, emails: string[], role: TeamRole): Promise<UserRecord[]> {
  const users = await membersByEmail(store, emails);
  for (const user of users) await store.people.update(user.id, { roles: rolesFor[role] });
  return store.people.list();
}

export async function membersByEmail(store: ScopedStore, emails: string[]): Promise<UserRecord[]> {
  const users = await store.people.findByEmails([...new Set(emails)]);
  const missing = [...new Set(emails)].filter((e) => !users.some((u) => u.email === e));
  if (missing.length > 0) throw invalidField('emails', `no teammate with email ${missing.map((e) => `"${e}"`).join(', ')}`);
  return users;
}

/** Studio assignments: each person's projects, by name, in this environment. */
export async function studioAssignments(store: ScopedStore): Promise<Record<string, string[]>> {
  const projects = new Map((await store.projects.list()).map((p) => [p.id, p.name]));
  const people = await store.people.list();
  const byUser = new Map<string, string[]>();
  for (const a of await store.people.assignments()) {
    const name = projects.get(a.project_id);
    if (name) byUser.set(a.user_id, [...(byUser.get(a.user_id) ?? []), name]);
  }
  return Object.fromEntries(people.map((p) => [p.email, (byUser.get(p.id) ?? []).sort()]));
}

export async function changeAssignments(store: ScopedStore, emails: string[], projectNames: string[], assigned: boolean): Promise<void> {
  const users = await membersByEmail(store, emails);
  for (const name of new Set(projectNames)) {
    const project = await store.projects.findByName(name);
    if (!project) throw invalidField('projects', `no project named "${name}" exists`);
    const ids = users.map((u) => u.id);
    if (assigned) await store.people.assign(project.id, ids);
    else await store.people.unassign(project.id, ids);
  }
}
