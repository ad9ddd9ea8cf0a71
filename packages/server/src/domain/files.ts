import { randomBytes } from 'node:crypto';
import type { FileFields } from '@tessera/schema';
import type { Readable } from 'node:stream';
import type { FileStorage } from '../files/storage.js';
import type { FileRecord } from '../store/files.js';
import { isUniqueViolation, type Store } from '../store/index.js';
import { Conflict } from './errors.js';
import { newId } from './ids.js';
import type { Scope } from './scope.js';

/** Scale's documented upload limit. */
export const MAX_FILE_BYTES = 80 * 1024 * 1024;

export interface IncomingFile {
  stream: Readable;
  mimeType: string;
  filename?: string | undefined;
}

export interface StoredBytes {
  id: string;
  size: number;
  mimeType: string;
  filename?: string | undefined;
}

/** Step one of an upload: the bytes, under a fresh id. Nothing points at them yet. */
export async function saveBytes(storage: FileStorage, incoming: IncomingFile): Promise<StoredBytes> {
  const id = newId();
  const size = await storage.write(id, incoming.stream, MAX_FILE_BYTES);
  return { id, size, mimeType: incoming.mimeType, filename: incoming.filename };
}

/**
 * Step two: the row that makes the bytes a file. Bytes first, row second: a crash between them
 * leaves an orphan file, never a row pointing at nothing. A refused row removes its bytes.
 */
export async function registerFile(
  store: Store,
  storage: FileStorage,
  scope: Scope,
  bytes: StoredBytes,
  fields: FileFields,
): Promise<FileRecord> {
  const record: FileRecord = {
    id: bytes.id,
    token: randomBytes(16).toString('hex'),
    mimeType: bytes.mimeType,
    size: bytes.size,
    displayName: fields.display_name ?? bytes.filename ?? null,
    referenceId: fields.reference_id ?? null,
    projectNames: fields.project_name ? [fields.project_name] : [],
    metadata: fields.metadata ?? {},
    createdAt: Date.now(),
  };
  try {
    await store.scoped(scope).files.insert(record);
  } catch (error) {
    await storage.remove(bytes.id);
    if (isUniqueViolation(error) && fields.reference_id !== undefined) throw duplicateReference(fields.reference_id);
    throw error;
  }
  return record;
}

/** Removes bytes that will never get a row (the request around them was refused). */
export function discardBytes(storage: FileStorage, bytes: StoredBytes): Promise<void> {
  return storage.remove(bytes.id);
}

function duplicateReference(referenceId: string): Conflict {
  return new Conflict(`A file with reference_id "${referenceId}" already exists.`);
}

/** The URL a browser loads the file from: id and token together are the capability. */
export function attachmentPath(file: Pick<FileRecord, 'id' | 'token'>): string {
  return `/files/${file.id}/${file.token}`;
}
