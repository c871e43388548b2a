/**
 * Finds a Chromium-family browser (Chromium, Google Chrome, Microsoft Edge) for the demo's
 * screenshot and the browser tests, and starts it headless with nothing that reaches the network.
 * Nothing is downloaded: the browser is one the machine already has, or the one `CHROME_PATH` names.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Command-line switches: headless, no sandbox (containers), nothing that reaches the network. */
export const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The environment variable that names a browser binary explicitly. */
export const BROWSER_ENV = 'CHROME_PATH';

/** Where each operating system usually has a Chromium-family browser, most specific first. */
export function usualBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', path.join(env.HOME ?? '~', 'Applications')];
    const bundles = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    return apps.flatMap((dir) => bundles.map((bundle) => path.join(dir, bundle)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string =>
      Boolean(root),
    );
    const exes = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return roots.flatMap((root) => exes.map((exe) => path.win32.join(root, exe)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
  ];
}

/**
 * The browser to use: `CHROME_PATH` when set (an error when it points nowhere; `none` means "use
 * no browser"), else the first usual location that exists, else `undefined`.
 *
 * @example findBrowser() // '/usr/bin/chromium' on a Debian machine with the chromium package
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  exists: (file: string) => boolean = fs.existsSync,
): string | undefined {
  const explicit = env[BROWSER_ENV];
  if (explicit === 'none') return undefined;
  if (explicit) {
    if (!exists(explicit))
      throw new Error(
        `${BROWSER_ENV} is ${explicit}, but there is no file there. Point it at a Chrome or Chromium binary, or unset it.`,
      );
    return explicit;
  }
  return usualBrowserPaths(platform, env).find((file) => exists(file));
}

/** How to get a browser on this operating system, in one sentence. */
export function howToGetBrowser(platform: NodeJS.Platform = process.platform): string {
  const install =
    platform === 'darwin'
      ? 'install Google Chrome (or `brew install --cask chromium`)'
      : platform === 'win32'
        ? 'install Google Chrome or Microsoft Edge'
        : 'install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`)';
  return `${install}, or set ${BROWSER_ENV} to a Chrome or Chromium binary.`;
}

/**
 * Starts the browser headless.
 * @throws Error saying how to get a browser when none is found or it does not start.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(`No Chrome or Chromium was found: ${howToGetBrowser()}`);
  try {
    return await chromium.launch({ executablePath, args: BROWSER_ARGS, headless: true });
  } catch (error) {
    throw new Error(
      `Could not start the browser at ${executablePath} (${(error as Error).message.split('\n')[0]}). ${howToGetBrowser()}`,
    );
  }
}
