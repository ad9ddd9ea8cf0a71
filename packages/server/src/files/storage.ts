import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { PayloadTooLarge } from '../domain/errors.js';

/** Where file bytes live. Local disk now; an S3-compatible store fits the same shape. */
export interface FileStorage {
  /** Stores the stream under `id`; fails (and keeps nothing) past `maxBytes`. Resolves to the size. */
  write(id: string, source: Readable, maxBytes: number): Promise<number>;
  read(id: string): Readable;
  remove(id: string): Promise<void>;
}

export class DiskStorage implements FileStorage {
  constructor(private readonly dir: string) {}

  private pathOf(id: string): string {
    return join(this.dir, id.slice(-2), id);
  }

  async write(id: string, source: Readable, maxBytes: number): Promise<number> {
    const target = this.pathOf(id);
    await mkdir(join(this.dir, id.slice(-2)), { recursive: true });
    const partial = `${target}.partial`;
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) done(new PayloadTooLarge(`File is larger than the ${Math.round(maxBytes / 1e6)} MB limit.`));
        else done(null, chunk);
      },
    });
    try {
      // flush: the bytes reach the disk before we answer 200 (a crash must not lose an acknowledged file).
      await pipeline(source, limit, createWriteStream(partial, { flush: true }));
      // Rename only once complete: a crash never leaves a half file under a real id.
      await rename(partial, target);
      await syncDirectory(dirname(target));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return size;
  }

  read(id: string): Readable {
    return createReadStream(this.pathOf(id));
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }
}

/** Makes a rename durable: the directory entry itself is synced. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
