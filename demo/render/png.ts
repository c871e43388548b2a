/**
 * Screenshots an HTML rendering to PNG with the machine's Chromium or Chrome (playwright-core,
 * headless, no network features), full page, at the page's own width.
 */
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './browser';

/**
 * Takes a full-page screenshot of an HTML file.
 * @param htmlPath the HTML file (self-contained).
 * @param pngPath where to write the PNG.
 * @return the page's size in CSS pixels.
 * @example await renderPng('demo/out/report.html', 'demo/out/report.png')
 */
export async function renderPng(htmlPath: string, pngPath: string): Promise<{ width: number; height: number }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    const size = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    await page.setViewportSize({ width: Math.max(320, Math.ceil(size.width)), height: 800 });
    await page.screenshot({ path: pngPath, fullPage: true });
    return size;
  } finally {
    await browser.close();
  }
}
