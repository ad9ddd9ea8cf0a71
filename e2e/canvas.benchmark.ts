import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './support/browser.js';
import { clientAt, editorReady, shapeCount } from './support/page.js';
import { startWebServer } from './support/web-server.js';

/**
 * The image editor with 2,000 boxes against the same editor with none, in the system Chromium:
 * frame times while panning (middle-button drag), and the time from a click on a box to the next
 * painted frame showing it selected. Results replace this
 * benchmark's own section of docs/benchmarks.md.
 */

const BOXES = 2000;
/** Not part of the check: shows how far past the target the editor stays usable. */
const MANY_MORE = 10_000;
const PAN_STEPS = 150;
const SELECTIONS = 15;

let browser: Browser;
let web: { url: string; close(): Promise<void> };

beforeAll(async () => {
  if (!hasChromium) return;
  web = await startWebServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await web?.close();
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function open(boxes: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(`${web.url}/#/dev?boxes=${boxes}&response=0`);
  await editorReady(page);
  expect(await shapeCount(page)).toBe(boxes);
  await page.keyboard.press('v');
  return page;
}

/**
 * Frame intervals while the image is dragged with the middle button, one pointer move per animation
 * frame. The moves are dispatched in the page: input sent over the DevTools protocol arrives in bursts
 * that make frame intervals alternate (25 ms, 8 ms, …) whatever the page does, which measures the pipe.
 */
async function panFrames(page: Page): Promise<number[]> {
  return page.evaluate(
    (steps) =>
      new Promise<number[]>((resolve) => {
        const el = document.querySelector<HTMLElement>('[data-testid=canvas]')!;
        const r = el.getBoundingClientRect();
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const pointer = (type: string, x: number, y: number) =>
          el.dispatchEvent(new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 1, isPrimary: true, pointerType: 'mouse', button: 1, buttons: type === 'pointerup' ? 0 : 4, clientX: x, clientY: y }));
        const times: number[] = [];
        pointer('pointerdown', cx, cy);
        let i = 0;
        const frame = () => {
          times.push(performance.now());
          if (i++ >= steps) {
            pointer('pointerup', cx, cy);
            resolve(times.slice(1).map((t, k) => t - times[k]!));
            return;
          }
          const phase = (i / steps) * Math.PI * 2;
          pointer('pointermove', cx + Math.sin(phase) * 300, cy + Math.sin(phase * 2) * 120);
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }),
    PAN_STEPS,
  );
}

/** From pointerdown on a box to the first frame painted after the selection shows. */
async function selectLatency(page: Page, boxes: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < SELECTIONS; i++) {
    const id = `bench-${Math.floor(((i + 0.5) / SELECTIONS) * boxes)}`;
    const shape = await page.evaluate((sid) => (window as unknown as { __tesseraCanvas: { shape(id: string): { x: number; y: number; w: number; h: number } | undefined } }).__tesseraCanvas.shape(sid), id);
    if (!shape) continue;
    const at = await clientAt(page, { x: shape.x + shape.w / 2, y: shape.y + shape.h / 2 });
    await page.evaluate(() => {
      const w = window as unknown as { __selectDone: Promise<number> };
      w.__selectDone = new Promise<number>((resolve) => {
        window.addEventListener(
          'pointerdown',
          (e) => {
            const t0 = e.timeStamp;
            const poll = () => {
              if (!document.querySelector('[data-testid=attributes]')) return requestAnimationFrame(poll);
              // The selection is committed and Konva paints in this frame's animation callbacks; a task queued now runs after that paint.
              setTimeout(() => resolve(performance.now() - t0), 0);
            };
            requestAnimationFrame(poll);
          },
          { once: true, capture: true },
        );
      });
    });
    await page.mouse.click(at.x, at.y);
    out.push(await page.evaluate(() => (window as unknown as { __selectDone: Promise<number> }).__selectDone));
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=attributes]', { state: 'detached' });
  }
  return out;
}

const fmt = (n: number) => n.toFixed(1);

it.skipIf(!hasChromium)('pans and selects with 2,000 boxes as with none', async () => {
  const measure = async (boxes: number) => {
    const page = await open(boxes);
    await panFrames(page); // the first pan warms caches and the JIT
    const frames = await panFrames(page);
    const select = boxes > 0 ? await selectLatency(page, boxes) : [];
    await page.close();
    // The first selection includes compiling the code it runs; it is reported apart from the rest.
    return { frames, firstSelect: select[0] ?? NaN, select: select.slice(1) };
  };
  const none = await measure(0);
  const many = await measure(BOXES);
  const more = await measure(MANY_MORE);
  const ratio = median(many.frames) / median(none.frames);
  const cols = (f: (m: typeof none) => string) => [f(none), f(many), f(more)];
  const rows = [
    ['pan: median frame time', ...cols((m) => `${fmt(median(m.frames))} ms`), `${ratio.toFixed(2)}×`],
    ['pan: 95th percentile frame time', ...cols((m) => `${fmt(pct(m.frames, 95))} ms`), `${(pct(many.frames, 95) / pct(none.frames, 95)).toFixed(2)}×`],
    ['select a box → painted, median / max', '', `${fmt(median(many.select))} / ${fmt(Math.max(...many.select))} ms`, `${fmt(median(more.select))} / ${fmt(Math.max(...more.select))} ms`, ''],
    ['select, first time after load', '', `${fmt(many.firstSelect)} ms`, `${fmt(more.firstSelect)} ms`, ''],
  ];
  const table = ['| measure | no boxes | 2,000 boxes | 10,000 boxes | ratio 2,000 : none |', '|---|---|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  console.log(table);
  await record(table);
  expect(ratio).toBeLessThanOrEqual(2);
  expect(median(many.select)).toBeLessThanOrEqual(100);
});

async function record(table: string): Promise<void> {
  const file = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));
  const start = '<!-- web-canvas-benchmark:start -->';
  const end = '<!-- web-canvas-benchmark:end -->';
  const chromium = browser.version();
  const section = `${start}
## Annotation workspace: thousands of boxes in Chromium

\`npm run bench:web\` (e2e/canvas.benchmark.ts). The image editor on a 1920×1080 image in headless Chromium ${chromium}
(\`--disable-gpu\`, software canvas), window 1400×860, at fit-to-screen zoom. Each case pans with the mouse
(middle button held, one pointer move per animation frame over a figure eight, ${PAN_STEPS} frames) after a warm-up pan; "frame time" is the interval between
animation frames during the pan. "Select" is from
pointerdown on a box to the first frame painted after the selection (handles, attributes, list row) shows, over
${SELECTIONS} boxes. Targets: the 2,000-box median frame time within 2× of the empty one, selection under 100 ms. Run on ${new Date().toISOString().slice(0, 10)},
${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end of the run.

${table}

A frame cannot be shorter than the display's 16.7 ms. What keeps the pan there at any number of shapes: the
static shapes are painted once into a bitmap half a view larger than the view on each side, and a pan frame
copies the visible part of it (packages/web/src/workspace/canvas/static-cache.ts); the bitmap is repainted
when the shapes change, the zoom settles, or the view leaves it. A selected shape stays in the bitmap and the
active layer draws over it, so selecting repaints one shape, not all of them. Before the cache, a software
canvas spent the frame rasterizing every outline again: one path per label colour took 32 ms per pan frame
at 2,000 boxes, \`strokeRect\` per box 16.7 ms, and at 10,000 boxes about 50 ms.
${end}`;
  const current = existsSync(file) ? await readFile(file, 'utf8') : '# Benchmarks\n';
  const next = current.includes(start) ? current.replace(new RegExp(`${start}[\\s\\S]*?${end}`), section) : `${current.trimEnd()}\n\n${section}\n`;
  await writeFile(file, next);
}
