import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './support/browser.js';
import { clickAt, clientAt, drag, editorReady, shapeCount } from './support/page.js';
import { startWebServer } from './support/web-server.js';

interface Annotation {
  type: string;
  label?: string;
  vertices?: { x: number; y: number; description?: string }[];
  x?: number;
  y?: number;
}

/** The image editor alone (the dev harness, no server): every geometry, the view, the object list. */
describe.skipIf(!hasChromium)('the image editor in Chromium', () => {
  let web: { url: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    web = await startWebServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function response(): Promise<{ annotations: Annotation[] }> {
    await page.click('details.dev-side summary');
    const text = await page.textContent('[data-testid=dev-response]');
    await page.click('details.dev-side summary');
    return JSON.parse(text ?? '{}') as { annotations: Annotation[] };
  }

  it('draws points, lines, ellipses and cuboids, and edits polygon vertices', async () => {
    await page.goto(`${web.url}/#/dev`);
    await editorReady(page);
    await page.keyboard.press('o');
    await clickAt(page, { x: 300, y: 200 });
    await page.keyboard.press('1');
    await page.keyboard.press('l');
    for (const p of [{ x: 100, y: 900 }, { x: 900, y: 850 }, { x: 1800, y: 820 }]) await clickAt(page, p);
    await page.keyboard.press('Enter');
    await page.keyboard.press('1');
    await page.keyboard.press('e');
    await drag(page, { x: 1000, y: 600 }, { x: 1200, y: 700 });
    await page.keyboard.press('1');
    await page.keyboard.press('c');
    await drag(page, { x: 1400, y: 500 }, { x: 1600, y: 650 });
    await page.keyboard.press('1');
    await page.keyboard.press('p');
    for (const p of [{ x: 200, y: 300 }, { x: 600, y: 300 }, { x: 600, y: 500 }]) await clickAt(page, p);
    await clickAt(page, { x: 200, y: 300 }); // closes on the first vertex
    await page.keyboard.press('2');
    expect(await shapeCount(page)).toBe(5);
    // Double-click an edge of the selected polygon adds a vertex; alt-click removes it again.
    await page.keyboard.press('v');
    const mid = await clientAt(page, { x: 400, y: 300 });
    await page.mouse.dblclick(mid.x, mid.y);
    let r = await response();
    expect(r.annotations.find((a) => a.type === 'polygon')?.vertices).toHaveLength(4);
    await page.keyboard.down('Alt');
    await page.mouse.click(mid.x, mid.y);
    await page.keyboard.up('Alt');
    r = await response();
    const byType = Object.fromEntries(r.annotations.map((a) => [a.type, a]));
    expect(byType['polygon']).toMatchObject({ label: 'sidewalk' });
    expect(byType['polygon']!.vertices).toHaveLength(3);
    expect(byType['point']).toMatchObject({ label: 'traffic light' });
    expect(Math.abs(byType['point']!.x! - 300)).toBeLessThanOrEqual(2);
    expect(byType['line']!.vertices).toHaveLength(3);
    expect(byType['ellipse']!.vertices).toHaveLength(4);
    expect(byType['cuboid']!.vertices!.map((v) => v.description)).toEqual(['face-topleft', 'face-bottomleft', 'face-topright', 'face-bottomright', 'side-topcorner', 'side-bottomcorner']);
    await page.mouse.move(5, 850); // no hover state in the picture
    await page.screenshot({ path: 'docs/screenshots/geometries.png' });
  });

  it('edits attributes whose conditions hold, and drops the ones that stop applying', async () => {
    await page.keyboard.press('b');
    await drag(page, { x: 1500, y: 900 }, { x: 1650, y: 1000 });
    await page.keyboard.press('1'); // car: plate and heading apply
    await page.waitForSelector('[data-testid=attributes] [data-attribute=plate]');
    expect(await page.locator('[data-testid=attributes] [data-attribute=occlusion_pct]').count()).toBe(0);
    await page.selectOption('[data-testid=attributes] select[data-attribute=occluded]', 'partly');
    await page.fill('[data-testid=attributes] [data-attribute=occlusion_pct]', '40');
    await page.fill('[data-testid=attributes] [data-attribute=plate]', 'AB 123');
    await page.locator('[data-testid=canvas]').focus();
    let box = (await response()).annotations.find((a) => a.type === 'box') as Annotation & { attributes?: Record<string, unknown> };
    expect(box.attributes).toEqual({ occluded: 'partly', occlusion_pct: 40, plate: 'AB 123' });
    // A truck has no plate; "no" occlusion hides the percentage: neither is sent.
    await page.keyboard.press('2');
    await page.selectOption('[data-testid=attributes] select[data-attribute=occluded]', 'no');
    await page.locator('[data-testid=canvas]').focus();
    box = (await response()).annotations.find((a) => a.type === 'box') as typeof box;
    expect(box).toMatchObject({ label: 'truck', attributes: { occluded: 'no' } });
    // Each of those edits is one undo step.
    for (let i = 0; i < 2; i++) await page.keyboard.press('Control+z');
    box = (await response()).annotations.find((a) => a.type === 'box') as typeof box;
    expect(box).toMatchObject({ label: 'car', attributes: { occluded: 'partly', occlusion_pct: 40, plate: 'AB 123' } });
  });

  it('rotates a box by its handle when the task allows it', async () => {
    // The box from the previous test is selected: (1500, 900)-(1650, 1000), its rotation grip 25 px above the top.
    await page.keyboard.press('v');
    const before = await shapeCount(page);
    await drag(page, { x: 1575, y: 875 }, { x: 1700, y: 950 });
    expect(await shapeCount(page)).toBe(before);
    const box = (await response()).annotations.find((a) => a.type === 'box') as Annotation & { rotation?: number };
    expect(box.rotation).toBeCloseTo(Math.PI / 2, 1);
    expect(box.vertices).toHaveLength(4);
    await page.keyboard.press('Control+z');
    expect((await response()).annotations.find((a) => a.type === 'box')).not.toHaveProperty('rotation');
  });

  it('zooms with the wheel about the cursor, pans with space-drag, and fits with F', async () => {
    const vp = () => page.evaluate(() => (window as unknown as { __tesseraCanvas: { viewport(): { scale: number; x: number; y: number } } }).__tesseraCanvas.viewport());
    const fitted = await vp();
    const at = await clientAt(page, { x: 960, y: 540 });
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, -400);
    const zoomed = await vp();
    expect(zoomed.scale).toBeGreaterThan(fitted.scale * 1.5);
    const still = await clientAt(page, { x: 960, y: 540 });
    expect(Math.abs(still.x - at.x)).toBeLessThan(1);
    await page.keyboard.down('Space');
    await page.mouse.down();
    await page.mouse.move(at.x + 120, at.y + 50, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Space');
    const panned = await vp();
    expect(panned.x - zoomed.x).toBeCloseTo(120, 0);
    expect(panned.scale).toBe(zoomed.scale);
    // Zoomed in, Tab to a shape off screen brings it into view.
    await page.mouse.wheel(0, -600);
    const inView = () => page.evaluate(() => {
      const hook = (window as unknown as { __tesseraCanvas: { imageToClient(x: number, y: number): { x: number; y: number } } }).__tesseraCanvas;
      const box = document.querySelector('[data-testid=canvas]')!.getBoundingClientRect();
      const p = hook.imageToClient(300, 200); // the point drawn first in the previous test
      return p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom;
    });
    expect(await inView()).toBe(false);
    await page.keyboard.press('v');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await inView()).toBe(true);
    const before = await shapeCount(page);
    await page.keyboard.press('f');
    expect(await vp()).toEqual(fitted);
    expect(await shapeCount(page)).toBe(before); // panning drew nothing
  });

  it('keeps the object list virtual with 2,000 shapes', async () => {
    await page.goto(`${web.url}/#/dev?boxes=2000&response=0`);
    await page.reload();
    await editorReady(page);
    expect(await shapeCount(page)).toBe(2000);
    const rows = await page.locator('[data-testid=object-list] [data-shape]').count();
    expect(rows).toBeLessThan(60);
    await page.keyboard.press('v');
    await page.keyboard.press('Shift+Tab'); // selects the last shape; its row scrolls into view
    await page.waitForSelector('[data-testid=object-list] .object-row.selected[data-shape="bench-1999"]');
  });
});
