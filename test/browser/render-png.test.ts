// The Chromium screenshot of the rendered sample report (built bundle: `npm run build` first) is
// produced, has the page's size and is not blank: decoded in the browser, it has many colours and
// plenty of non-white pixels.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, renderPng, renderSheetHtml } from '../../demo/render';
import { runReportLikeTheSidebar } from '../../demo/run-report';
import { generateSample } from '../../demo/sample/generator';
import { CDNOW_SAMPLE } from '../support/cdnow';

const dir = mkdtempSync(join(tmpdir(), 'fideliza-render-png-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderPng', () => {
  it('screenshots the sample report: a full-page PNG that is not blank', async () => {
    const sample = generateSample({ customers: 300, orders: 3000 });
    const run = runReportLikeTheSidebar({
      sheets: sample.sheets,
      timeZone: 'Europe/Madrid',
      locale: 'en_US',
      today: sample.endDate,
    });
    const htmlPath = join(dir, 'report.html');
    const pngPath = join(dir, 'report.png');
    writeFileSync(htmlPath, renderSheetHtml(run.workbook, run.result.sheetName));
    const size = await renderPng(htmlPath, pngPath);
    const png = readFileSync(pngPath);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height (big-endian) right after the signature and chunk header.
    expect(png.readUInt32BE(16)).toBe(size.width);
    expect(png.readUInt32BE(20)).toBe(size.height);
    expect(size.height).toBeGreaterThan(2000); // the report is several thousand pixels tall

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const stats = await page.evaluate(
        async (dataUrl) => {
          const image = new Image();
          image.src = dataUrl;
          await image.decode();
          const canvas = document.createElement('canvas');
          canvas.width = image.naturalWidth;
          canvas.height = image.naturalHeight;
          const context = canvas.getContext('2d')!;
          context.drawImage(image, 0, 0);
          const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
          const colours = new Set<number>();
          let nonWhite = 0;
          for (let i = 0; i < data.length; i += 4) {
            colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
            if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) nonWhite++;
          }
          return { colours: colours.size, nonWhiteShare: nonWhite / (data.length / 4) };
        },
        `data:image/png;base64,${png.toString('base64')}`,
      );
      // Text anti-aliasing, chart colours and the heatmap give hundreds of colours; a blank or
      // single-colour page would give a handful.
      expect(stats.colours).toBeGreaterThan(200);
      expect(stats.nonWhiteShare).toBeGreaterThan(0.03);
    } finally {
      await browser.close();
    }
  });

  it('npm run demo writes report.png beside report.html when the machine has a browser', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const out = join(dir, 'demo');
    const run = spawnSync(
      join(root, 'node_modules/.bin/tsx'),
      ['scripts/demo.ts', '--cdnow', CDNOW_SAMPLE, '--locale', 'en', '--out', out],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`A picture of it: ${join(out, 'report.png')}`);
    expect(readFileSync(join(out, 'report.png')).subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });
});
