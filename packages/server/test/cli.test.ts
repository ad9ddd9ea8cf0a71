import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/harness.js';

const bin = fileURLToPath(new URL('../bin/tessera.js', import.meta.url));
const run = promisify(execFile);

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tessera-cli-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

/** Starts `tessera serve` and resolves once it prints where it listens, with everything it printed. */
function serve(args: string[]): Promise<{ output: string; url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1', '--quiet', ...args]);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      // The first-start banner follows the listening line; wait for its last line.
      if (match && (output.includes('Try:') || !output.includes('First start'))) {
        clearTimeout(timer);
        resolve({ output, url: match[1]!, stop: () => child.kill('SIGTERM') });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

describe('the tessera command', () => {
  it('creates the first account on first start and prints keys that work', async () => {
    const server = await serve(['--data', dataDir]);
    try {
      expect(server.output).toContain('First start');
      const testKey = /Test API key: (test_[0-9a-f]{32})/.exec(server.output)?.[1];
      const liveKey = /Live API key: (live_[0-9a-f]{32})/.exec(server.output)?.[1];
      expect(server.output).toMatch(/Sign in at .* as admin@localhost with password \S+/);
      expect((await apiClient(server.url, testKey!).get('/v1/projects')).status).toBe(200);
      expect((await apiClient(server.url, liveKey!).get('/v1/projects')).status).toBe(200);
    } finally {
      server.stop();
    }
  });

  it('prints a new key alone as the last line of `keys create`, and the server accepts it', async () => {
    const { stdout } = await run(process.execPath, [bin, 'keys', 'create', '--env', 'live', '--data', dataDir]);
    const key = stdout.trim().split('\n').pop()!;
    expect(key).toMatch(/^live_[0-9a-f]{32}$/);
    const { stdout: other } = await run(process.execPath, [bin, 'keys', 'create', '--env', 'test', '--account', 'acme', '--data', dataDir]);
    const acmeKey = other.trim().split('\n').pop()!;
    expect(acmeKey).toMatch(/^test_[0-9a-f]{32}$/);

    const server = await serve(['--data', dataDir]);
    try {
      expect(server.output).not.toContain('First start');
      expect((await apiClient(server.url, key).get('/v1/projects')).status).toBe(200);
      expect((await apiClient(server.url, acmeKey).get('/v1/projects')).status).toBe(200);
    } finally {
      server.stop();
    }
  });

  it('revokes a key, which then stops working', async () => {
    const { stdout } = await run(process.execPath, [bin, 'keys', 'create', '--env', 'test', '--data', dataDir]);
    const key = stdout.trim().split('\n').pop()!;
    const { stdout: revoked } = await run(process.execPath, [bin, 'keys', 'revoke', key, '--data', dataDir]);
    expect(revoked.trim()).toBe('revoked');
    await expect(run(process.execPath, [bin, 'keys', 'revoke', key, '--data', dataDir])).rejects.toMatchObject({
      stderr: expect.stringContaining('no such key'),
    });
    const server = await serve(['--data', dataDir]);
    try {
      expect((await apiClient(server.url, key).get('/v1/projects')).status).toBe(401);
    } finally {
      server.stop();
    }
  });

  it('refuses a bad environment with a clear message', async () => {
    await expect(run(process.execPath, [bin, 'keys', 'create', '--env', 'prod', '--data', dataDir])).rejects.toMatchObject({
      stderr: expect.stringContaining('prod'),
    });
  });
});
