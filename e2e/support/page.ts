import type { Page } from 'playwright-core';

export interface ImagePoint {
  x: number;
  y: number;
}

/** Where image pixel (x, y) is on the page now, from the editor's own viewport. */
export async function clientAt(page: Page, p: ImagePoint): Promise<ImagePoint> {
  return page.evaluate(({ x, y }) => (window as unknown as { __tesseraCanvas: { imageToClient(x: number, y: number): { x: number; y: number } } }).__tesseraCanvas.imageToClient(x, y), p);
}

/** Waits until the image is loaded and fitted, so image coordinates map to the screen. */
export async function editorReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid=image-editor][data-image=loaded]');
  await page.waitForSelector('[data-testid=canvas][data-fitted=true]');
}

/** A mouse drag between two image points, in steps as a hand would. */
export async function drag(page: Page, from: ImagePoint, to: ImagePoint): Promise<void> {
  const a = await clientAt(page, from);
  const b = await clientAt(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

export async function clickAt(page: Page, p: ImagePoint): Promise<void> {
  const c = await clientAt(page, p);
  await page.mouse.click(c.x, c.y);
}

export async function shapeCount(page: Page): Promise<number> {
  return Number(await page.getAttribute('[data-testid=image-editor]', 'data-shapes'));
}

export async function signInAs(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url + '/');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-testid=whoami]');
}
