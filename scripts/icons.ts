// `npx tsx scripts/icons.ts`: renders the Marketplace graphics from the one source, assets/icon.svg,
// with the machine's Chrome or Chromium (the browser the demo and the browser tests use; nothing is
// downloaded) into assets/icons/:
//
//   icon-32.png, icon-128.png    application icons the store listing requires
//   icon-48.png, icon-96.png     the optional sizes
//   oauth-logo-120.png           the logo of the OAuth consent screen (Branding page: square, 120 px)
//   banner-220x140.png           the application card banner: the icon and the "Fideliza" wordmark
//
// Icons keep their transparent corners; the banner is opaque. Each PNG is checked after writing: its
// header must hold the size asked for. The wordmark is set in the first of Roboto, Arial, Liberation
// Sans or DejaVu Sans the machine has, so regenerate on a machine with the fonts you want to ship.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../demo/render/browser';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = join(ROOT, 'assets/icon.svg');
const OUT = join(ROOT, 'assets/icons');

/** Square renderings of the icon: file name → size in pixels. */
const SQUARES: Record<string, number> = {
  'icon-32.png': 32,
  'icon-48.png': 48,
  'icon-96.png': 96,
  'icon-128.png': 128,
  'oauth-logo-120.png': 120,
};

const BANNER_FILE = 'banner-220x140.png';
const BANNER = { width: 220, height: 140 };

/** Width and height from a PNG's IHDR chunk (right after the 8-byte signature and chunk header). */
function pngSize(png: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Renders `html` at exactly `width` × `height` CSS pixels, device scale 1. */
async function renderHtml(
  browser: Browser,
  html: string,
  width: number,
  height: number,
  transparent: boolean,
): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.screenshot({ omitBackground: transparent, clip: { x: 0, y: 0, width, height } });
  } finally {
    await page.close();
  }
}

function iconHtml(svgUrl: string, size: number): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>html,body{margin:0;background:transparent}img{display:block}</style></head><body><img src="${svgUrl}" width="${size}" height="${size}" alt=""></body></html>`;
}

function bannerHtml(svgUrl: string): string {
  const css = [
    'html,body{margin:0}',
    `body{width:${BANNER.width}px;height:${BANNER.height}px;display:flex;align-items:center;justify-content:center;gap:10px;`,
    'background:linear-gradient(135deg,#e8f0fe 0%,#f8fbff 60%,#ffffff 100%);',
    'font-family:Roboto,Arial,"Liberation Sans","DejaVu Sans",sans-serif}',
    'img{display:block}',
    '.word{font-size:31px;font-weight:700;color:#1f1f1f;letter-spacing:-0.5px}',
  ].join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${css}</style></head><body><img src="${svgUrl}" width="56" height="56" alt=""><span class="word">Fideliza</span></body></html>`;
}

async function main(): Promise<void> {
  const svgUrl = svgDataUrl(readFileSync(SOURCE, 'utf8'));
  mkdirSync(OUT, { recursive: true });
  const browser = await launchBrowser();
  try {
    const jobs: [string, string, number, number, boolean][] = [
      ...Object.entries(SQUARES).map(([file, size]): [string, string, number, number, boolean] => [
        file,
        iconHtml(svgUrl, size),
        size,
        size,
        true,
      ]),
      [BANNER_FILE, bannerHtml(svgUrl), BANNER.width, BANNER.height, false],
    ];
    for (const [file, html, width, height, transparent] of jobs) {
      const png = await renderHtml(browser, html, width, height, transparent);
      const size = pngSize(png);
      if (size.width !== width || size.height !== height)
        throw new Error(`${file}: rendered ${size.width}×${size.height}, expected ${width}×${height}`);
      const target = join(OUT, file);
      writeFileSync(target, png);
      console.log(`${relative(ROOT, target)}  ${width}×${height}  ${png.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
