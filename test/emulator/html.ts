/**
 * `HtmlService` as Apps Script documents it, for the sidebar: `createHtmlOutputFromFile(name)` reads
 * the project file `<name>.html` (here `dist/<name>.html`; a missing file throws Google's
 * "No HTML file named … was found."), `createHtmlOutput(html)`, and `HtmlOutput` (title, width,
 * height, content, append, appendUntrusted which escapes). Templates (`<?= ?>`) are not emulated.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceCalls } from './calls';
import { SandboxMode, XFrameOptionsMode, enumName } from './enums';

type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** HTML-escapes text as `appendUntrusted` does. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** An `HtmlOutput`. */
export class EmuHtmlOutput
  implements
    Pick<
      GasHtmlOutput,
      | 'setTitle'
      | 'getTitle'
      | 'setWidth'
      | 'getWidth'
      | 'setHeight'
      | 'getHeight'
      | 'getContent'
      | 'setContent'
      | 'append'
      | 'appendUntrusted'
      | 'clear'
      | 'setXFrameOptionsMode'
      | 'setSandboxMode'
      | 'setFaviconUrl'
      | 'getFaviconUrl'
      | 'addMetaTag'
    >
{
  title = '';
  width = 0;
  height = 0;
  faviconUrl: string | null = null;
  xFrameOptionsMode = 'DEFAULT';
  readonly metaTags: { name: string; content: string }[] = [];

  constructor(
    private readonly calls: ServiceCalls,
    public content: string,
    /** The file it came from, if any. */
    readonly fileName?: string,
  ) {}

  private chain(method: string, change: () => void): GasHtmlOutput {
    this.calls.record(`HtmlOutput.${method}`);
    change();
    return this as unknown as GasHtmlOutput;
  }

  setTitle(title: string): GasHtmlOutput {
    return this.chain('setTitle', () => {
      this.title = String(title);
    });
  }

  getTitle(): string {
    this.calls.record('HtmlOutput.getTitle');
    return this.title;
  }

  setWidth(width: number): GasHtmlOutput {
    return this.chain('setWidth', () => {
      this.width = width;
    });
  }

  getWidth(): number {
    this.calls.record('HtmlOutput.getWidth');
    return this.width;
  }

  setHeight(height: number): GasHtmlOutput {
    return this.chain('setHeight', () => {
      this.height = height;
    });
  }

  getHeight(): number {
    this.calls.record('HtmlOutput.getHeight');
    return this.height;
  }

  getContent(): string {
    this.calls.record('HtmlOutput.getContent');
    return this.content;
  }

  setContent(content: string): GasHtmlOutput {
    return this.chain('setContent', () => {
      this.content = String(content);
    });
  }

  append(addedContent: string): GasHtmlOutput {
    return this.chain('append', () => {
      this.content += String(addedContent);
    });
  }

  appendUntrusted(addedContent: string): GasHtmlOutput {
    return this.chain('appendUntrusted', () => {
      this.content += escapeHtml(String(addedContent));
    });
  }

  clear(): GasHtmlOutput {
    return this.chain('clear', () => {
      this.content = '';
    });
  }

  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): GasHtmlOutput {
    return this.chain('setXFrameOptionsMode', () => {
      this.xFrameOptionsMode = enumName(mode);
    });
  }

  /** Only IFRAME remains in Apps Script; the call is accepted and has no effect. */
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): GasHtmlOutput {
    return this.chain('setSandboxMode', () => undefined);
  }

  setFaviconUrl(iconUrl: string): GasHtmlOutput {
    return this.chain('setFaviconUrl', () => {
      this.faviconUrl = iconUrl;
    });
  }

  getFaviconUrl(): string {
    this.calls.record('HtmlOutput.getFaviconUrl');
    return this.faviconUrl as string;
  }

  addMetaTag(name: string, content: string): GasHtmlOutput {
    return this.chain('addMetaTag', () => {
      this.metaTags.push({ name, content });
    });
  }
}

/** The `HtmlService` global, reading project files from `folder`. */
export function htmlService(calls: ServiceCalls, folder: string): Record<string, unknown> {
  return {
    XFrameOptionsMode,
    SandboxMode,
    createHtmlOutput: (html?: string) => {
      calls.record('HtmlService.createHtmlOutput');
      return new EmuHtmlOutput(calls, html === undefined ? '' : String(html));
    },
    createHtmlOutputFromFile: (filename: string) => {
      calls.record('HtmlService.createHtmlOutputFromFile');
      const name = String(filename).replace(/\.html$/, '');
      const file = path.join(folder, `${name}.html`);
      if (!fs.existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
      return new EmuHtmlOutput(calls, fs.readFileSync(file, 'utf8'), name);
    },
    getUserAgent: () => {
      calls.record('HtmlService.getUserAgent');
      return 'Mozilla/5.0 (emulated)';
    },
  };
}
