import type { Selectable } from 'kysely';
import type { Role } from '@tessera/schema';
import type { Db } from './database.js';
import type { SessionsTable, UsersTable } from './tables.js';

export interface UserRecord {
  id: string;
  accountId: string;
  email: string;
  name: string | null;
  roles: Role[];
  passwordHash: string;
  disabled: boolean;
  invitationHash: string | null;
  invitationExpiresAt: number | null;
  createdAt: number;
}

export type SessionRow = Selectable<SessionsTable>;

/** The people of one account, their sessions and which projects they work on. */
export class PeopleStore {
  constructor(
    private readonly db: Db,
    private readonly accountId: string,
  ) {}

  private users() {
    return this.db.selectFrom('users').selectAll().where('account_id', '=', this.accountId);
  }

  async list(): Promise<UserRecord[]> {
    return (await this.users().orderBy('email').execute()).map(toUser);
  }

  async findById(id: string): Promise<UserRecord | undefined> {
    const row = await this.users().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async findByEmails(emails: string[]): Promise<UserRecord[]> {
    if (emails.length === 0) return [];
    return (await this.users().where('email', 'in', emails).execute()).map(toUser);
  }

  async insert(u: UserRecord): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: u.id,
        account_id: this.accountId,
        email: u.email,
        name: u.name,
        roles: JSON.stringify(u.roles),
        password_hash: u.passwordHash,
        disabled: u.disabled ? 1 : 0,
        invitation_hash: u.invitationHash,
        invitation_expires_at: u.invitationExpiresAt,
        created_at: u.createdAt,
      })
      .execute();
  }

  async update(id: string, patch: Partial<Pick<UserRecord, 'roles' | 'passwordHash' | 'name' | 'invitationHash' | 'invitationExpiresAt'>>): Promise<void> {
    await this.db
      .updateTable('users')
      .set({
        ...(patch.roles !== undefined ? { roles: JSON.stringify(patch.roles) } : {}),
        ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.invitationHash !== undefined ? { invitation_hash: patch.invitationHash } : {}),
        ...(patch.invitationExpiresAt !== undefined ? { invitation_expires_at: patch.invitationExpiresAt } : {}),
      })
      .where('account_id', '=', this.accountId)
      .where('id', '=', id)
      .execute();
  }

  async assignedProjectIds(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('project_assignees')
      .select('project_id')
      .where('account_id', '=', this.accountId)
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => r.project_id);
  }

  async assignments(): Promise<{ user_id: string; project_id: string }[]> {
    return this.db
      .selectFrom('project_assignees')
      .select(['user_id', 'project_id'])
      .where('account_id', '=', this.accountId)
      .execute();
  }

  async assign(projectId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.db
      .insertInto('project_assignees')
      .values(userIds.map((user_id) => ({ account_id: this.accountId, project_id: projectId, user_id })))
      .onConflict((oc) => oc.columns(['project_id', 'user_id']).doNothing())
      .execute();
  }

  async unassign(projectId: string, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.db
      .deleteFrom('project_assignees')
      .where('account_id', '=', this.accountId)
      .where('project_id', '=', projectId)
      .where('user_id', 'in', userIds)
      .execute();
  }
}

/** Lookups made before an account is known (sign-in, cookies, invitations). */
export class IdentityStore {
  constructor(private readonly db: Db) {}

  async userByEmail(email: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row && toUser(row);
  }

  async userByInvitation(hash: string): Promise<UserRecord | undefined> {
    const row = await this.db.selectFrom('users').selectAll().where('invitation_hash', '=', hash).executeTakeFirst();
    return row && toUser(row);
  }

  async insertSession(s: SessionRow): Promise<void> {
    await this.db.insertInto('sessions').values(s).execute();
  }

  async session(idHash: string, now: number): Promise<{ session: SessionRow; user: UserRecord } | undefined> {
    const session = await this.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!session) return undefined;
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
    return row ? { session, user: toUser(row) } : undefined;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }
}

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    email: row.email,
    name: row.name,
    roles: JSON.parse(row.roles) as Role[],
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    invitationHash: row.invitation_hash,
    invitationExpiresAt: row.invitation_expires_at,
    createdAt: row.created_at,
  };
}
