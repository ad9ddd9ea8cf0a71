import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AppClient } from '../packages/server/test/support/app-client.js';
import { person, PASSWORD } from './support/people.js';
import { basicAuth, startTestServer, type ApiClient, type TestServer } from '../packages/server/test/support/harness.js';
import { hasChromium, launchChromium } from './support/browser.js';
import { clickAt, drag, editorReady, shapeCount, signInAs } from './support/page.js';
import { streetPicture } from './support/png.js';
import { webAppOf } from './support/web-server.js';

const screenshots = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

/** Within a pixel or so: the mouse lands on whole screen pixels, which at the fitted zoom are ~1.1 image pixels. */
function near(actual: number, expected: number, tol = 2): void {
  expect(Math.abs(actual - expected), `${actual} ≈ ${expected}`).toBeLessThanOrEqual(tol);
}

if (!hasChromium) console.warn('e2e: /usr/bin/chromium is missing (apt-get install -y chromium); the browser tests are skipped.');

describe.skipIf(!hasChromium)('the annotation workspace in Chromium', () => {
  let server: TestServer & { stop(): Promise<void> };
  let appUrl: string;
  let browser: Browser;
  let api: ApiClient;
  let annotator: AppClient;
  let reviewer: AppClient;
  let taskId: string;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    appUrl = await webAppOf(server.url);
    api = await server.testClient();
    const admin = await member(server, ['admin']);
    annotator = await person(server, ['annotator'], 'Ana Annotator');
    reviewer = await person(server, ['reviewer'], 'Rui Reviewer');

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(streetPicture())], { type: 'image/png' }), 'street.png');
    const uploaded = await fetch(`${server.url}/v1/files/upload`, { method: 'POST', body: form, headers: { authorization: basicAuth(api.key) } });
    const { attachment_url } = (await uploaded.json()) as { attachment_url: string };

    const project = await api.post('/v1/projects', {
      type: 'imageannotation',
      name: 'Street scenes',
      params: {
        geometries: {
          box: { objects_to_annotate: ['car', 'person'], min_width: 5, min_height: 5 },
          polygon: { objects_to_annotate: ['road'], min_vertices: 3 },
        },
        workflow: { review_levels: 1 },
      },
    });
    expect(project.status).toBe(200);
    const assigned = await admin.request('POST', `/app/api/projects/${project.body.id}/assignees`, { user_ids: [annotator.userId, reviewer.userId], assigned: true });
    expect(assigned.status).toBe(200);
    const task = await api.post('/v1/task/imageannotation', { project: project.body.name, attachment: attachment_url, instruction: 'Box every car and person; outline the road.' });
    expect(task.status).toBe(200);
    taskId = task.body.task_id;

    browser = await launchChromium();
    await mkdir(screenshots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function personPage(who: AppClient): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await signInAs(page, appUrl, who.email, PASSWORD);
    return page;
  }

  it('labels, rejects, reworks and accepts a task, and the API returns the shapes in image pixels', async () => {
    // The annotator: two boxes and a polygon, labelled by hotkey; one mistaken box undone.
    const a = await personPage(annotator);
    await a.waitForSelector('[data-testid=queues] [data-stage=label]');
    await a.click('[data-testid=queues] [data-stage=label] [data-testid=start-label]');
    await editorReady(a);
    await drag(a, { x: 100, y: 100 }, { x: 300, y: 250 });
    await a.keyboard.press('1');

    // A reload loses nothing: the lease is resumed and the draft restored.
    await a.waitForTimeout(400);
    await a.reload();
    await editorReady(a);
    expect(await shapeCount(a)).toBe(1);

    await drag(a, { x: 400, y: 300 }, { x: 550, y: 420 });
    await a.keyboard.press('2');
    await a.keyboard.press('p');
    for (const p of [{ x: 0, y: 440 }, { x: 800, y: 430 }, { x: 800, y: 600 }, { x: 0, y: 600 }]) await clickAt(a, p);
    await a.keyboard.press('Enter');
    await a.keyboard.press('1');
    await a.keyboard.press('b');
    await drag(a, { x: 620, y: 200 }, { x: 660, y: 310 });
    expect(await shapeCount(a)).toBe(4);
    await a.keyboard.press('Control+z');
    expect(await shapeCount(a)).toBe(3);
    await a.click('[data-testid=object-list] [data-shape]');
    await a.screenshot({ path: `${screenshots}editor.png` });
    await a.keyboard.press('Control+Enter');
    await a.waitForSelector('[data-testid=queue-empty]');

    // The reviewer sends it back with a comment.
    const r = await personPage(reviewer);
    await r.waitForSelector('[data-testid=queues] [data-stage=review]');
    await r.click('[data-testid=queues] [data-stage=review] [data-testid=start-review]');
    await editorReady(r);
    expect(await shapeCount(r)).toBe(3);
    await r.screenshot({ path: `${screenshots}review.png` });
    await r.click('[data-testid=reject]');
    await r.fill('[data-testid=reject-comments]', 'The blue car box is a little short at the bottom.');
    await r.keyboard.press('Control+Enter');
    await r.waitForSelector('[data-testid=queue-empty]');

    // The annotator gets it back with the comment and fixes the box by dragging its bottom edge.
    await a.click('text=Check again');
    await a.waitForSelector('[data-testid=rework-comments]');
    await editorReady(a);
    expect(await a.textContent('[data-testid=rework-comments]')).toContain('a little short');
    expect(await shapeCount(a)).toBe(3);
    await a.keyboard.press('v');
    await clickAt(a, { x: 475, y: 360 });
    await drag(a, { x: 475, y: 420 }, { x: 475, y: 440 });
    await a.click('[data-testid=submit]');
    await a.waitForSelector('[data-testid=queue-empty]');

    // The reviewer accepts.
    await r.click('text=Check again');
    await r.waitForSelector('[data-testid=review-panel]');
    await editorReady(r);
    await r.click('[data-testid=accept]');
    await r.waitForSelector('[data-testid=queue-empty]');

    const task = (await api.get(`/v1/task/${taskId}`)).body;
    expect(task.status).toBe('completed');
    type Vertex = { x: number; y: number };
    type Annotation = { type: string; label: string; left: number; top: number; width: number; height: number; vertices: Vertex[] };
    const annotations = task.response.annotations as Annotation[];
    expect(annotations.map((x) => [x.type, x.label])).toEqual([
      ['box', 'car'],
      ['box', 'person'],
      ['polygon', 'road'],
    ]);
    const [car, person, road] = annotations as [Annotation, Annotation, Annotation];
    near(car.left, 100);
    near(car.top, 100);
    near(car.width, 200);
    near(car.height, 150);
    near(person.left, 400);
    near(person.top, 300);
    near(person.width, 150);
    near(person.height, 140);
    expect(road.vertices).toHaveLength(4);
    [{ x: 0, y: 440 }, { x: 800, y: 430 }, { x: 800, y: 600 }, { x: 0, y: 600 }].forEach((v, i) => {
      near(road.vertices[i]!.x, v.x);
      near(road.vertices[i]!.y, v.y);
    });
  }, 120_000);
});
