import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const tesseraBin = fileURLToPath(new URL('../../bin/tessera.js', import.meta.url));
const run = promisify(execFile);

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown hooks, no flushing; what was not committed is gone. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** `tessera serve` as its own process, as an operator runs it. */
export function spawnServer(args: string[]): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tesseraBin, 'serve', '--port', '0', '--host', '127.0.0.1', '--quiet', ...args]);
    let output = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          output: () => output,
          kill9: async () => {
            child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)));
  });
}

/** `tessera keys create`, returning the key it prints last. */
export async function createKeyWithCli(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [tesseraBin, 'keys', 'create', ...args]);
  return stdout.trim().split('\n').pop()!;
}

/** A PostgreSQL URL whose connections use `schema` (node-postgres passes `options` to the server). */
export function pgUrlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
