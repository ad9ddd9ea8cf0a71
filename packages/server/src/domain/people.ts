import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@tessera/schema';
import { isUniqueViolation, type ScopedStore, type Store } from '../store/index.js';
import type { UserRecord } from '../store/people.js';
import { ApiError, Conflict, Forbidden, invalidField, NotFound, Unauthorized } from './errors.js';
import { newId } from './ids.js';
import { hashPassword, verifyPassword } from './passwords.js';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export interface SignedIn {
  user: UserRecord;
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
}

// A real hash to compare against when the email is unknown, so timing does not reveal which emails exist.
const decoy = hashPassword(randomBytes(16).toString('hex'));

export async function signIn(store: Store, email: string, password: string): Promise<SignedIn> {
  const user = await store.identity.userByEmail(email);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoy));
  if (!user || !ok || user.disabled || user.invitationHash !== null) throw new Unauthorized('Wrong email or password.');
  return openSession(store, user);
}

export async function openSession(store: Store, user: UserRecord): Promise<SignedIn> {
  const sessionToken = token();
  const csrfToken = token();
  const now = Date.now();
  await store.identity.insertSession({
    id_hash: sha256(sessionToken),
    user_id: user.id,
    account_id: user.accountId,
    csrf_token: csrfToken,
    created_at: now,
    expires_at: now + SESSION_TTL_MS,
  });
  return { user, sessionToken, csrfToken };
}

export interface Session {
  user: UserRecord;
  csrfToken: string;
  tokenHash: string;
}

export async function sessionFromCookie(store: Store, cookie: string | undefined): Promise<Session> {
  if (!cookie) throw new Unauthorized('Sign in first.');
  const tokenHash = sha256(cookie);
  const found = await store.identity.session(tokenHash, Date.now());
  if (!found || found.user.disabled) throw new Unauthorized('Your session has ended; sign in again.');
  return { user: found.user, csrfToken: found.session.csrf_token, tokenHash };
}

export function signOut(store: Store, session: Session): Promise<void> {
  return store.identity.deleteSession(session.tokenHash);
}

export function requireRole(user: UserRecord, ...roles: Role[]): void {
  if (!roles.some((r) => user.roles.includes(r))) {
    throw new Forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
  }
}

export interface NewMember {
  user: UserRecord;
  /** Given when no password was set: the person accepts the invitation with it. */
  invitationToken?: string;
}

export async function createMember(
  store: ScopedStore,
  input: { email: string; name?: string | undefined; roles: Role[]; password?: string | undefined },
): Promise<NewMember> {
  const invitationToken = input.password === undefined ? token() : undefined;
  const now = Date.now();
  const user: UserRecord = {
    id: newId(now),
    accountId: store.scope.accountId,
    email: input.email,
    name: input.name ?? null,
    roles: [...new Set(input.roles)],
    // An invited person has no usable password until they accept.
    passwordHash: await hashPassword(input.password ?? token()),
    disabled: false,
    invitationHash: invitationToken ? sha256(invitationToken) : null,
    invitationExpiresAt: invitationToken ? now + INVITATION_TTL_MS : null,
    createdAt: now,
  };
  try {
    await store.people.insert(user);
  } catch (error) {
    if (isUniqueViolation(error)) throw new Conflict(`A member with email "${input.email}" already exists.`);
    throw error;
  }
  return invitationToken ? { user, invitationToken } : { user };
}

export async function acceptInvitation(store: Store, invitation: string, password: string, name?: string): Promise<SignedIn> {
  const user = await store.identity.userByInvitation(sha256(invitation));
  if (!user || (user.invitationExpiresAt ?? 0) < Date.now()) {
    throw invalidField('token', 'is not a valid invitation (it may have expired)');
  }
  const people = store.account(user.accountId).people;
  await people.update(user.id, {
    passwordHash: await hashPassword(password),
    invitationHash: null,
    invitationExpiresAt: null,
    ...(name !== undefined ? { name } : {}),
  });
  return openSession(store, { ...user, invitationHash: null, ...(name !== undefined ? { name } : {}) });
}

export async function memberById(store: ScopedStore, id: string): Promise<UserRecord> {
  const user = await store.people.findById(id);
  if (!user) throw new NotFound('Member not found.');
  return user;
}

export async function setRoles(store: ScopedStore, actor: UserRecord, id: string, roles: Role[]): Promise<UserRecord> {
  const user = await memberById(store, id);
  if (user.id === actor.id && !roles.includes('admin') && user.roles.includes('admin')) {
    throw new ApiError(400, 'You cannot remove your own admin role; ask another admin.');
  }
  await store.people.update(id, { roles: [...new Set(roles)] });
  return { ...user, roles };
}

/** An admin's reset: the new password works at once, and the person's open sessions end. */
export async function resetPassword(store: Store, scoped: ScopedStore, id: string, password: string): Promise<UserRecord> {
  const user = await memberById(scoped, id);
  await scoped.people.update(id, { passwordHash: await hashPassword(password), invitationHash: null, invitationExpiresAt: null });
  await store.identity.deleteSessionsOf(id);
  return { ...user, invitationHash: null };
}
