/**
 * Screenshots an HTML rendering to PNG with Chromium (playwright-core driving Debian's
 * `/usr/bin/chromium`, headless, no network features), full page, at the page's own width.
 */
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

/** The Chromium binary used (Debian's package). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Command-line switches: headless, no sandbox (containers), nothing that reaches the network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/**
 * Starts headless Chromium.
 * @return the browser (close it when done).
 * @throws Error saying how to install Chromium when the binary is missing.
 */
export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`Could not start Chromium at ${CHROMIUM_PATH} (${(error as Error).message.split('\n')[0]}). Install it with: apt-get install chromium`);
  }
}

/**
 * Takes a full-page screenshot of an HTML file.
 * @param htmlPath the HTML file (self-contained).
 * @param pngPath where to write the PNG.
 * @return the page's size in CSS pixels.
 * @example await renderPng('demo/out/report.html', 'demo/out/report.png')
 */
export async function renderPng(htmlPath: string, pngPath: string): Promise<{ width: number; height: number }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    const size = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
    await page.setViewportSize({ width: Math.max(320, Math.ceil(size.width)), height: 800 });
    await page.screenshot({ path: pngPath, fullPage: true });
    return size;
  } finally {
    await browser.close();
  }
}
