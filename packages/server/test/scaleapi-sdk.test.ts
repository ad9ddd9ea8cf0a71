import { createRequire } from 'node:module';
import { beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from './support/harness.js';

/**
 * The official `scaleapi` npm SDK (2.3.2, what `npm install scaleapi` gives), a client we did not write.
 * It has no base-URL option: its host is a module-private constant, so we point its shared `request`
 * module at our server, the workaround scale-api.md (h) records.
 */
const require = createRequire(import.meta.url);
const scaleapiPath = require.resolve('scaleapi');
const request = require(require.resolve('request', { paths: [scaleapiPath] })) as Record<string, (opts: { url: string }, cb: unknown) => unknown>;
const scaleapi = require('scaleapi') as {
  ScaleClient: new (key: string) => ScaleClient;
};

interface ScaleClient {
  createTask(type: string, params: object, cb: (err: SdkError | null, task: any) => void): void;
  createAnnotationTask(params: object, cb: (err: SdkError | null, task: any) => void): void;
  createCategorizationTask(params: object, cb: (err: SdkError | null, task: any) => void): void;
  fetchTask(id: string, cb: (err: SdkError | null, task: any) => void): void;
  cancelTask(id: string, cb: (err: SdkError | null, task: any) => void): void;
  tasks(params: object, cb: (err: SdkError | null, list: any) => void): void;
}
interface SdkError {
  message: string;
  errcode: number;
}

let target = '';
beforeAll(() => {
  for (const method of ['get', 'post']) {
    const original = request[method]!;
    request[method] = (opts, cb) => original({ ...opts, url: opts.url.replace('https://api.scaleapi.com/v1/', `${target}/v1/`) }, cb);
  }
});

/** The SDK speaks callbacks; the tests speak promises. */
function call<T>(fn: (cb: (err: SdkError | null, value: T) => void) => void): Promise<{ err: SdkError | null; value: T }> {
  return new Promise((resolve) => fn((err, value) => resolve({ err, value })));
}

describeEachBackend('the official scaleapi npm SDK', (ctx) => {
  it('creates, fetches, lists and cancels tasks against our server', async () => {
    target = ctx().url;
    const client = new scaleapi.ScaleClient(await ctx().key('test'));

    const created = await call<any>((cb) =>
      client.createAnnotationTask(
        { callback_url: 'http://www.example.com/callback', instruction: 'Draw a box around each baby cow and big cow.', attachment_type: 'image', attachment: 'http://i.imgur.com/v4cBreD.jpg', objects_to_annotate: ['baby cow', 'big cow'], with_labels: true },
        cb,
      ),
    );
    expect(created.err).toBeNull();
    expect(created.value.id).toMatch(/^[0-9a-f]{24}$/);
    expect(created.value).toMatchObject({ type: 'annotation', status: 'pending', callback_url: 'http://www.example.com/callback' });

    const categorization = await call<any>((cb) =>
      client.createCategorizationTask({ attachment_type: 'text', attachment: 'Is this public?', instruction: 'Public or private?', categories: ['public', 'private'] }, cb),
    );
    expect(categorization.err).toBeNull();

    const fetched = await call<any>((cb) => client.fetchTask(created.value.id, cb));
    expect(fetched.err).toBeNull();
    expect(fetched.value.task_id).toBe(created.value.id);
    expect(fetched.value.params.objects_to_annotate).toEqual(['baby cow', 'big cow']);

    const page1 = await call<any>((cb) => client.tasks({ limit: 1, offset: 0 }, cb));
    expect(page1.err).toBeNull();
    expect(page1.value.docs).toHaveLength(1);
    expect(page1.value.docs[0].id).toBe(categorization.value.id);
    expect(page1.value.total).toBe(2);
    const page2 = await call<any>((cb) => client.tasks({ limit: 1, offset: 1 }, cb));
    expect(page2.value.docs[0].id).toBe(created.value.id);
    const pending = await call<any>((cb) => client.tasks({ status: 'pending', type: 'annotation' }, cb));
    expect(pending.value.docs.map((t: any) => t.id)).toEqual([created.value.id]);

    const canceled = await call<any>((cb) => client.cancelTask(created.value.id, cb));
    expect(canceled.err).toBeNull();
    expect(canceled.value.status).toBe('canceled');
  });

  it('surfaces our errors as ScaleException with the status and message', async () => {
    target = ctx().url;
    const client = new scaleapi.ScaleClient(await ctx().key('test'));
    const missing = await call<any>((cb) => client.fetchTask('000000000000000000000000', cb));
    expect(missing.err).toMatchObject({ errcode: 404, message: 'Task with that ID not found.' });
    const invalid = await call<any>((cb) => client.createAnnotationTask({ attachment: 'http://x/y.jpg' }, cb));
    expect(invalid.err?.errcode).toBe(400);
    expect(invalid.err?.message).toContain('objects_to_annotate');
    const unauthorized = await call<any>((cb) => new scaleapi.ScaleClient('test_nope').tasks({}, cb));
    expect(unauthorized.err?.errcode).toBe(401);
  });
});
