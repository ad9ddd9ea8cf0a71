import type { Scope } from '../domain/scope.js';
import type { Db } from './database.js';
import { fromJson, toJson } from './json.js';
import type { FilesTable } from './tables.js';

export interface FileRecord {
  id: string;
  token: string;
  mimeType: string;
  size: number;
  displayName: string | null;
  referenceId: string | null;
  projectNames: string[];
  metadata: Record<string, unknown>;
  createdAt: number;
}

export class FileStore {
  constructor(
    private readonly db: Db,
    private readonly scope: Scope,
  ) {}

  async insert(f: FileRecord): Promise<void> {
    await this.db
      .insertInto('files')
      .values({
        id: f.id,
        account_id: this.scope.accountId,
        env: this.scope.env,
        token: f.token,
        mime_type: f.mimeType,
        size: f.size,
        display_name: f.displayName,
        reference_id: f.referenceId,
        project_names: toJson(f.projectNames),
        metadata: toJson(f.metadata),
        created_at: f.createdAt,
      })
      .execute();
  }

  async findByReferenceId(referenceId: string): Promise<FileRecord | undefined> {
    const row = await this.db
      .selectFrom('files')
      .selectAll()
      .where('account_id', '=', this.scope.accountId)
      .where('env', '=', this.scope.env)
      .where('reference_id', '=', referenceId)
      .executeTakeFirst();
    return row && toFileRecord(row);
  }
}

/**
 * Files are served by id and token alone (no API key): the pair is a capability URL that a
 * browser or an annotator's image tag can load. This is the one unscoped read, and it needs both.
 */
export async function findFileByCapability(db: Db, id: string, token: string): Promise<FileRecord | undefined> {
  const row = await db.selectFrom('files').selectAll().where('id', '=', id).where('token', '=', token).executeTakeFirst();
  return row && toFileRecord(row);
}

function toFileRecord(row: FilesTable): FileRecord {
  return {
    id: row.id,
    token: row.token,
    mimeType: row.mime_type,
    size: row.size,
    displayName: row.display_name,
    referenceId: row.reference_id,
    projectNames: fromJson(row.project_names),
    metadata: fromJson(row.metadata),
    createdAt: row.created_at,
  };
}
