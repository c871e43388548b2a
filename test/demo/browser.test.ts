// Finding a browser for the demo's picture and the browser tests, on each operating system, without
// needing one: the file checks are injected.
import { describe, expect, it } from 'vitest';
import { findBrowser, howToGetBrowser, usualBrowserPaths } from '../../demo/render/browser';

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

describe('findBrowser', () => {
  it('takes CHROME_PATH first, and says so when it points nowhere', () => {
    expect(findBrowser({ CHROME_PATH: '/opt/chrome' }, 'linux', only('/opt/chrome', '/usr/bin/chromium'))).toBe(
      '/opt/chrome',
    );
    expect(() => findBrowser({ CHROME_PATH: '/nowhere/chrome' }, 'linux', only('/usr/bin/chromium'))).toThrow(
      'CHROME_PATH is /nowhere/chrome, but there is no file there',
    );
    expect(findBrowser({ CHROME_PATH: 'none' }, 'linux', only('/usr/bin/chromium'))).toBeUndefined();
  });

  it('looks where Debian, macOS and Windows put Chromium, Chrome and Edge', () => {
    expect(findBrowser({}, 'linux', only('/usr/bin/google-chrome-stable'))).toBe('/usr/bin/google-chrome-stable');
    expect(
      findBrowser(
        { HOME: '/Users/ana' },
        'darwin',
        only('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium'),
      ),
    ).toBe('/Users/ana/Applications/Chromium.app/Contents/MacOS/Chromium');
    const windows = { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' };
    expect(
      findBrowser(windows, 'win32', only('C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe')),
    ).toBe('C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(usualBrowserPaths('win32', windows)).toContain(
      'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
    );
  });

  it('finds nothing on a machine without a browser, and says how to get one per system', () => {
    expect(findBrowser({}, 'linux', () => false)).toBeUndefined();
    expect(howToGetBrowser('linux')).toContain('apt-get install chromium');
    expect(howToGetBrowser('darwin')).toContain('Google Chrome');
    expect(howToGetBrowser('win32')).toContain('Microsoft Edge');
    for (const platform of ['linux', 'darwin', 'win32'] as const)
      expect(howToGetBrowser(platform)).toContain('CHROME_PATH');
  });
});
