import type { ParamVersion } from '@tessera/schema';
import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { fromJson, toJson } from './json.js';
import type { ProjectsTable } from './tables.js';

export interface ProjectRecord {
  id: string;
  name: string;
  type: string;
  /** The latest params: what new tasks inherit. */
  params: Record<string, unknown>;
  paramHistory: ParamVersion[];
  createdAt: number;
  updatedAt: number;
}

export class ProjectStore {
  constructor(
    private readonly db: Db,
    private readonly scope: Scope,
  ) {}

  private select() {
    return this.db
      .selectFrom('projects')
      .selectAll()
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env);
  }

  async insert(p: ProjectRecord): Promise<void> {
    await this.db
      .insertInto('projects')
      .values({
        id: p.id,
        account_id: this.scope.accountId,
        env: this.scope.env,
        name: p.name,
        type: p.type,
        params: toJson(p.params),
        param_history: toJson(p.paramHistory),
        created_at: p.createdAt,
        updated_at: p.updatedAt,
      })
      .execute();
  }

  async findByName(name: string): Promise<ProjectRecord | undefined> {
    const row = await this.select().where('name', '=', name).executeTakeFirst();
    return row && toRecord(row);
  }

  /**
   * Reads a project in order to change it. A no-op write first locks the row until the transaction ends
   * (SELECT … FOR UPDATE in words both databases understand), so concurrent changes queue up instead
   * of overwriting each other.
   */
  async findByNameForUpdate(name: string): Promise<ProjectRecord | undefined> {
    await this.db
      .updateTable('projects')
      .set((eb) => ({ updated_at: eb.ref('updated_at') }))
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env)
      .where('name', '=', name)
      .execute();
    return this.findByName(name);
  }

  async findById(id: string): Promise<ProjectRecord | undefined> {
    const row = await this.select().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<ProjectRecord[]> {
    const rows = await this.select().orderBy('id', 'asc').execute();
    return rows.map(toRecord);
  }

  async updateParams(p: Pick<ProjectRecord, 'id' | 'params' | 'paramHistory' | 'updatedAt'>): Promise<void> {
    await this.db
      .updateTable('projects')
      .set({ params: toJson(p.params), param_history: toJson(p.paramHistory), updated_at: p.updatedAt })
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env)
      .where('id', '=', p.id)
      .execute();
  }
}

function toRecord(row: ProjectsTable): ProjectRecord {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    params: fromJson(row.params),
    paramHistory: fromJson(row.param_history),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
