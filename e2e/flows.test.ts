import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { member, type AppClient } from '../packages/server/test/support/app-client.js';
import { startTestServer, type ApiClient, type TestServer } from '../packages/server/test/support/harness.js';
import { hasChromium, launchChromium } from './support/browser.js';
import { clickAt, drag, editorReady, shapeCount, signInAs } from './support/page.js';
import { streetPicture } from './support/png.js';
import { basicAuth } from '../packages/server/test/support/harness.js';
import { PASSWORD, person } from './support/people.js';
import { webAppOf } from './support/web-server.js';


/** The parts of the workflow around the editor: problems, lost leases, the other task types, shortcuts. */
describe.skipIf(!hasChromium)('the workspace around the editor, in Chromium', () => {
  let server: TestServer & { stop(): Promise<void> };
  let appUrl: string;
  let browser: Browser;
  let api: ApiClient;
  let admin: AppClient;
  let annotator: AppClient;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    appUrl = await webAppOf(server.url);
    api = await server.testClient();
    admin = await member(server, ['admin']);
    annotator = await member(server, ['annotator']);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1300, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await signInAs(page, appUrl, annotator.email, PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A project of one task, assigned to the annotator. */
  async function oneTask(type: string, params: Record<string, unknown>, task: Record<string, unknown>): Promise<{ name: string; taskId: string; projectId: string }> {
    const name = `${type}-${Math.random().toString(36).slice(2, 8)}`;
    const project = await api.post('/v1/projects', { type, name, params });
    expect(project.status, JSON.stringify(project.body)).toBe(200);
    expect((await admin.request('POST', `/app/api/projects/${project.body.id}/assignees`, { user_ids: [annotator.userId], assigned: true })).status).toBe(200);
    const created = await api.post(`/v1/task/${type}`, { project: name, ...task });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    return { name, taskId: created.body.task_id, projectId: project.body.id };
  }

  async function start(projectName: string): Promise<void> {
    await page.goto(appUrl + '/#/');
    await page.reload(); // the home page's queue list is fetched fresh on load
    const row = `[data-testid=queues] tr[data-project="${projectName}"][data-stage=label]`;
    await page.waitForSelector(row);
    await page.click(`${row} [data-testid=start-label]`);
    await page.waitForSelector('[data-testid=work]');
  }

  it('says clearly when the image does not load, and reports it by skipping with that reason', async () => {
    const { name, taskId } = await oneTask('imageannotation', { geometries: { box: { objects_to_annotate: ['car'] } } }, { attachment: `${server.url}/files/nope/missing.png` });
    await start(name);
    await page.waitForSelector('[data-testid=image-error]');
    expect(await page.textContent('[data-testid=image-error]')).toContain('could not be loaded');
    await page.click('[data-testid=image-error] button');
    await page.waitForSelector('[data-testid=queue-empty]');
    expect(await page.textContent('[data-testid=queue-empty]')).toContain('Skipped: image failed to load');
    const history = (await api.get(`/v1/task/${taskId}/history`)).body.docs as { kind: string; detail?: unknown }[];
    expect(history.map((e) => e.kind)).toContain('skipped');
    expect(JSON.stringify(history)).toContain('image failed to load');
  });

  it('tells the annotator when the lease is gone, keeps the work, and refuses to submit', async () => {
    const { name } = await oneTask('imageannotation', { geometries: { box: { objects_to_annotate: ['car'] } } }, { attachment: 'data:image/svg+xml;utf8,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#8ab"/></svg>') });
    await start(name);
    await editorReady(page);
    await drag(page, { x: 50, y: 50 }, { x: 150, y: 120 });
    // Unlabelled: refused before it is sent, naming the object.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid=submit-error]');
    expect(await page.textContent('[data-testid=submit-error]')).toContain('Object 1: label is required');
    await page.waitForSelector('[data-testid=object-list] .object-row.selected');
    await page.keyboard.press('1');
    // The same person, elsewhere, gives the task back: this tab's lease has ended.
    const leaseId = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tessera.lease.')).map((k) => localStorage.getItem(k))[0]);
    expect((await annotator.request('POST', `/app/api/leases/${leaseId}/skip`, { reason: 'taken back' })).status).toBe(200);
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid=lease-lost]');
    expect(await page.textContent('[data-testid=lease-lost]')).toContain('no longer yours');
    expect(await page.isDisabled('[data-testid=submit]')).toBe(true);
    expect(await shapeCount(page)).toBe(1);
  });

  it('skips with the keyboard: Ctrl+Shift+S, pick a reason, Enter', async () => {
    const { name, taskId } = await oneTask('categorization', {}, { attachment: 'Unreadable ░░░', attachment_type: 'text', categories: ['a', 'b'], instruction: 'Which?' });
    await start(name);
    await page.waitForSelector('[data-testid=categorization-editor]');
    await page.keyboard.press('Control+Shift+S');
    await page.waitForSelector('[data-testid=skip-dialog]');
    await page.keyboard.press('ArrowDown'); // the second reason: instructions are unclear
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=queue-empty]');
    expect(JSON.stringify((await api.get(`/v1/task/${taskId}/history`)).body)).toContain('Instructions are unclear');
  });

  it('labels a legacy polygonannotation task and answers in its flat shape', async () => {
    const svg = 'data:image/svg+xml;utf8,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#456"/></svg>');
    const { name, taskId } = await oneTask('polygonannotation', {}, { attachment: svg, objects_to_annotate: ['lake'], min_vertices: 3 });
    await start(name);
    await editorReady(page);
    for (const p of [{ x: 50, y: 50 }, { x: 200, y: 60 }, { x: 120, y: 200 }]) await clickAt(page, p);
    await page.keyboard.press('Enter');
    await page.keyboard.press('1');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid=queue-empty]');
    const task = (await api.get(`/v1/task/${taskId}`)).body;
    expect(task.status).toBe('completed');
    const [polygon] = task.response.annotations as Record<string, unknown>[];
    expect(polygon).toMatchObject({ label: 'lake' });
    expect(polygon).not.toHaveProperty('type');
    expect(polygon!['vertices']).toHaveLength(3);
  });

  it('answers a categorization task by hotkey', async () => {
    const { name, taskId } = await oneTask('categorization', {}, { attachment: 'A red car parked by a tree.', attachment_type: 'text', categories: ['vehicle', 'animal', 'plant'], instruction: 'What is this about?' });
    await start(name);
    await page.waitForSelector('[data-testid=categorization-editor]');
    await page.keyboard.press('1');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid=queue-empty]');
    const task = (await api.get(`/v1/task/${taskId}`)).body;
    expect(task.status).toBe('completed');
    expect(task.response).toMatchObject({ category: 'vehicle' });
  });

  it('marks named entities on a selection, in code points', async () => {
    const text = 'Ana 🙂 met Bob in Paris.';
    const { name, taskId } = await oneTask('namedentityrecognition', {}, { text, labels: [{ name: 'person' }, { name: 'place' }] });
    await start(name);
    await page.waitForSelector('[data-testid=ner-editor]');
    const select = (word: string) =>
      page.evaluate((w) => {
        const span = [...document.querySelectorAll('.ner-text span')].find((s) => s.textContent?.includes(w))!;
        const node = span.firstChild!;
        const at = node.textContent!.indexOf(w);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + w.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
      }, word);
    await select('Bob');
    await page.keyboard.press('1');
    await select('Paris');
    await page.keyboard.press('2');
    await page.click('[data-testid=submit]');
    await page.waitForSelector('[data-testid=queue-empty]');
    const task = (await api.get(`/v1/task/${taskId}`)).body;
    expect(task.response.annotations).toEqual([
      { start: 10, end: 13, label: 'person', text: 'Bob' },
      { start: 17, end: 22, label: 'place', text: 'Paris' },
    ]);
  });

  it('shows a reviewer where two annotators disagreed', async () => {
    const [first, second] = [await person(server, ['annotator'], 'Ada First'), await person(server, ['annotator'], 'Ben Second')];
    const reviewer = await person(server, ['reviewer'], 'Rhea Reviewer');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(streetPicture())], { type: 'image/png' }), 'street.png');
    const uploaded = (await (await fetch(`${server.url}/v1/files/upload`, { method: 'POST', body: form, headers: { authorization: basicAuth(api.key) } })).json()) as { attachment_url: string };
    const name = 'Two annotators';
    const project = await api.post('/v1/projects', {
      type: 'imageannotation',
      name,
      params: { geometries: { box: { objects_to_annotate: ['car', 'person'] } }, workflow: { annotators: 2, review_levels: 1 } },
    });
    await admin.request('POST', `/app/api/projects/${project.body.id}/assignees`, { user_ids: [first.userId, second.userId, reviewer.userId], assigned: true });
    await api.post('/v1/task/imageannotation', { project: name, attachment: uploaded.attachment_url });
    const box = (left: number, top: number, width: number, height: number, label: string) => ({ type: 'box', left, top, width, height, label });
    const answers = [
      [box(100, 100, 200, 150, 'car'), box(400, 300, 150, 120, 'car')],
      [box(102, 98, 198, 152, 'car'), box(400, 300, 150, 120, 'person'), box(620, 200, 40, 110, 'person')],
    ];
    for (const [i, who] of [first, second].entries()) {
      const lease = (await who.request('POST', '/app/api/work/next', {})).body.lease;
      expect((await who.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: answers[i] } })).status).toBe(200);
    }
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    const r = await context.newPage();
    await signInAs(r, appUrl, reviewer.email, PASSWORD);
    await r.click(`[data-testid=queues] tr[data-project="${name}"][data-stage=review] [data-testid=start-review]`);
    await editorReady(r);
    await r.waitForSelector('[data-testid=review-diff]');
    const diff = await r.textContent('[data-testid=review-diff]');
    expect(diff).toContain('2 shapes, 0 only theirs, 1 labelled differently');
    expect(diff).toContain('3 shapes, 1 only theirs, 1 labelled differently');
    await r.screenshot({ path: 'docs/screenshots/review-diff.png' });
    await r.click('[data-testid=accept]');
    await r.waitForSelector('[data-testid=queue-empty]');
    await context.close();
  });

  it('copies the shapes of the previous task with Shift+C, and shows the instruction with I', async () => {
    const svg = (fill: string) => 'data:image/svg+xml;utf8,' + encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="${fill}"/></svg>`);
    const { name } = await oneTask('imageannotation', { geometries: { box: { objects_to_annotate: ['car'] } } }, { attachment: svg('#9ab'), instruction: 'Frame 1 of 2: box the car.' });
    await api.post('/v1/task/imageannotation', { project: name, attachment: svg('#abc'), instruction: 'Frame 2 of 2: box the car.' });
    await start(name);
    await editorReady(page);
    const first = await page.getAttribute('[data-testid=work]', 'data-task');
    await drag(page, { x: 40, y: 40 }, { x: 140, y: 110 });
    await page.keyboard.press('1');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((id) => document.querySelector('[data-testid=work]')?.getAttribute('data-task') !== id, first);
    await editorReady(page);
    expect(await shapeCount(page)).toBe(0);
    await page.keyboard.press('Shift+C');
    expect(await shapeCount(page)).toBe(1);
    await page.keyboard.press('i');
    await page.waitForSelector('[data-testid=instruction]');
    expect(await page.textContent('[data-testid=instruction]')).toContain('Frame 2 of 2');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('[data-testid=queue-empty]');
  });

  it('fills in a textcollection form', async () => {
    const { name, taskId } = await oneTask('textcollection', {}, {
      attachments: [{ type: 'text', content: 'The battery lasts two days. Great phone.' }],
      fields: [
        { field_id: 'summary', type: 'text', title: 'One-line summary', required: true },
        { field_id: 'tone', type: 'category', title: 'Tone', choices: ['positive', 'negative'] },
      ],
    });
    await start(name);
    await page.waitForSelector('[data-testid=textcollection-editor]');
    await page.fill('[data-testid=textcollection-editor] textarea', 'Long battery life.');
    await page.check('[data-testid=textcollection-editor] input[name=tone] >> nth=0');
    await page.click('[data-testid=submit]');
    await page.waitForSelector('[data-testid=queue-empty]');
    const task = (await api.get(`/v1/task/${taskId}`)).body;
    expect(task.response.annotations).toEqual({
      summary: { type: 'text', field_id: 'summary', response: [['Long battery life.']] },
      tone: { type: 'category', field_id: 'tone', response: [['positive']] },
    });
  });

  it('fills in a transcription, with repeated rows', async () => {
    const { name, taskId } = await oneTask('transcription', {}, {
      attachment: 'data:image/svg+xml;utf8,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="10" y="50">Receipt</text></svg>'),
      fields: { store: 'Store name', total: 'Total' },
      repeatable_fields: { item: 'Item', price: 'Price' },
    });
    await start(name);
    await page.waitForSelector('[data-testid=transcription-editor]');
    await page.fill('[data-testid=transcription-editor] input[data-field=store]', 'Corner Shop');
    await page.fill('[data-testid=transcription-editor] input[data-field=total]', '4.50');
    await page.click('[data-testid=transcription-editor] >> text=Add row');
    const cells = page.locator('[data-testid=transcription-editor] table.rows tbody input');
    await cells.nth(0).fill('Bread');
    await cells.nth(1).fill('4.50');
    await page.click('[data-testid=submit]');
    await page.waitForSelector('[data-testid=queue-empty]');
    const task = (await api.get(`/v1/task/${taskId}`)).body;
    expect(task.response).toEqual({ fields: { store: 'Corner Shop', total: '4.50' }, repeatable_fields: [{ item: 'Bread', price: '4.50' }] });
  });

  it('lets a reviewer fix the answer in the same editor', async () => {
    const reviewer = await member(server, ['reviewer']);
    const svg = 'data:image/svg+xml;utf8,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" fill="#789"/></svg>');
    const { name, taskId, projectId } = await oneTask('imageannotation', { geometries: { box: { objects_to_annotate: ['car'] } }, workflow: { review_levels: 1 } }, { attachment: svg });
    await admin.request('POST', `/app/api/projects/${projectId}/assignees`, { user_ids: [reviewer.userId], assigned: true });
    const lease = (await annotator.request('POST', '/app/api/work/next', { project_id: projectId })).body.lease;
    await annotator.request('POST', `/app/api/leases/${lease.id}/submit`, { response: { annotations: [{ type: 'box', label: 'car', left: 50, top: 50, width: 100, height: 60 }] } });
    const context = await browser.newContext({ viewport: { width: 1300, height: 800 } });
    const r = await context.newPage();
    await signInAs(r, appUrl, reviewer.email, PASSWORD);
    await r.click(`[data-testid=queues] tr[data-project="${name}"][data-stage=review] [data-testid=start-review]`);
    await editorReady(r);
    // Read-only until Fix: a drag changes nothing.
    await drag(r, { x: 100, y: 80 }, { x: 200, y: 180 });
    await r.click('[data-testid=fix]');
    await drag(r, { x: 100, y: 80 }, { x: 130, y: 100 });
    await r.click('[data-testid=submit-fix]');
    await r.waitForSelector('[data-testid=queue-empty]');
    const task = (await api.get(`/v1/task/${taskId}`)).body;
    expect(task.status).toBe('completed');
    const [box] = task.response.annotations as { left: number; top: number; width: number }[];
    expect(Math.abs(box!.left - 80)).toBeLessThanOrEqual(2);
    expect(Math.abs(box!.top - 70)).toBeLessThanOrEqual(2);
    expect(box!.width).toBe(100);
    await context.close();
  });

  it('lets an admin add a person and put them on a project, who then finds its queue', async () => {
    const boss = await person(server, ['admin'], 'Ida Admin');
    const { name } = await oneTask('imageannotation', { geometries: { box: { objects_to_annotate: ['car'] } } }, { attachment: 'https://example.com/x.png' });
    const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    const b = await context.newPage();
    await signInAs(b, appUrl, boss.email, PASSWORD);
    await b.fill('[data-testid=add-person] input[name=email]', 'newcomer@example.com');
    await b.fill('[data-testid=add-person] input[name=name]', 'Nia Newcomer');
    await b.fill('[data-testid=add-person] input[name=password]', 'a good long password');
    await b.click('[data-testid=add-person] button[type=submit]');
    await b.waitForSelector('[data-testid=add-person-result]');
    expect(await b.textContent('[data-testid=add-person-result]')).toContain('can sign in now');
    await b.click(`[data-testid=projects] tr[data-project="${name}"] [data-testid=manage]`);
    await b.check('[data-testid=assign] tr[data-person="newcomer@example.com"] input[type=checkbox]');
    await b.waitForFunction((n) => document.querySelector(`[data-testid=projects] tr[data-project="${n}"] td:nth-child(5)`)?.textContent === '2', name);
    const n = await context.newPage();
    await context.clearCookies();
    await signInAs(n, appUrl, 'newcomer@example.com', 'a good long password');
    await n.waitForSelector(`[data-testid=queues] tr[data-project="${name}"][data-stage=label]`);
    await context.close();
  });

  it('lets an invited person set a password from the invitation link and sign in', async () => {
    const invited = await admin.request('POST', '/app/api/members', { email: `invited-${Date.now()}@example.com`, roles: ['annotator'] });
    expect(invited.status).toBe(200);
    const context = await browser.newContext();
    const p = await context.newPage();
    await p.goto(`${appUrl}/#/invite/${invited.body.invitation_token}`);
    await p.fill('input[name=name]', 'Ines Invited');
    await p.fill('input[name=password]', 'a long enough password');
    await p.click('button[type=submit]');
    await p.waitForSelector('[data-testid=whoami]');
    expect(await p.textContent('[data-testid=whoami]')).toContain('Ines Invited');
    await context.close();
  });

  it('shows the shortcut map with ?, and a changed key sticks across reloads', async () => {
    await page.goto(appUrl + '/#/dev?response=0');
    await editorReady(page);
    await page.keyboard.press('Shift+?');
    await page.waitForSelector('[data-testid=hotkey-help]');
    await page.click('[data-testid=hotkey-help] button[data-action="tool.polygon"]');
    await page.keyboard.press('g');
    expect(await page.textContent('[data-testid=hotkey-help] button[data-action="tool.polygon"]')).toBe('G');
    await page.keyboard.press('Escape');
    await page.reload();
    await editorReady(page);
    await page.keyboard.press('g');
    expect(await page.getAttribute('[data-tool=polygon]', 'class')).toContain('active');
    await page.evaluate(() => localStorage.removeItem('tessera.hotkeys.v1'));
  });
});
