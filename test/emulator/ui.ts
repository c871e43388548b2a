/**
 * `SpreadsheetApp.getUi()` as Apps Script documents it: `createAddonMenu()` / `createMenu(caption)`
 * give a `Menu` (`addItem(caption, functionName)`, `addSeparator()`, `addSubMenu(menu)`,
 * `addToUi()`); `showSidebar`, `showModalDialog`, `showModelessDialog` take an `HtmlOutput`;
 * `alert` returns the button pressed. Everything shown is recorded in a {@link UiRecord} for tests;
 * `alert` answers with the next queued `record.alertAnswers` entry, or OK.
 */
import type { ServiceCalls } from './calls';
import { Button, ButtonSet, EmuEnumValue, asEnum, enumName } from './enums';
import type { EmuHtmlOutput } from './html';

type GasMenu = GoogleAppsScript.Base.Menu;

/** One menu as built. */
export interface MenuSpec {
  caption: string;
  addon: boolean;
  items: ({ caption: string; functionName: string } | { separator: true } | { submenu: MenuSpec })[];
}

/** What the script showed. */
export interface UiRecord {
  menus: MenuSpec[];
  sidebars: { title: string; content: string; width: number; fileName?: string }[];
  dialogs: { title: string; content: string; modal: boolean }[];
  alerts: { title: string; prompt: string; buttons: string }[];
  /** Button names `alert` answers with, in order (default OK). */
  alertAnswers: string[];
  toasts: { message: string; title: string; timeoutSeconds: number }[];
}

/** An empty record. */
export function emptyUiRecord(): UiRecord {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], alertAnswers: [], toasts: [] };
}

/** A `Menu`. */
export class EmuMenu implements GasMenu {
  readonly spec: MenuSpec;

  constructor(
    private readonly calls: ServiceCalls,
    private readonly record: UiRecord,
    caption: string,
    addon: boolean,
  ) {
    this.spec = { caption, addon, items: [] };
  }

  addItem(caption: string, functionName: string): GasMenu {
    this.calls.record('Menu.addItem');
    this.spec.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): GasMenu {
    this.calls.record('Menu.addSeparator');
    this.spec.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: GasMenu): GasMenu {
    this.calls.record('Menu.addSubMenu');
    this.spec.items.push({ submenu: (menu as EmuMenu).spec });
    return this;
  }

  addToUi(): void {
    this.calls.record('Menu.addToUi');
    this.record.menus.push(this.spec);
  }
}

/** The `Ui`. */
export class EmuUi
  implements
    Pick<
      GoogleAppsScript.Base.Ui,
      'createAddonMenu' | 'createMenu' | 'showSidebar' | 'showModalDialog' | 'showModelessDialog' | 'alert'
    >
{
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly calls: ServiceCalls,
    private readonly record: UiRecord,
    private readonly addOnName: string,
  ) {}

  createAddonMenu(): GasMenu {
    this.calls.record('Ui.createAddonMenu');
    return new EmuMenu(this.calls, this.record, this.addOnName, true);
  }

  createMenu(caption: string): GasMenu {
    this.calls.record('Ui.createMenu');
    return new EmuMenu(this.calls, this.record, String(caption), false);
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    this.calls.record('Ui.showSidebar');
    const html = userInterface as unknown as EmuHtmlOutput;
    this.record.sidebars.push({
      title: html.title,
      content: html.content,
      width: html.width,
      ...(html.fileName ? { fileName: html.fileName } : {}),
    });
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.calls.record('Ui.showModalDialog');
    this.record.dialogs.push({
      title: String(title),
      content: (userInterface as unknown as EmuHtmlOutput).content,
      modal: true,
    });
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.calls.record('Ui.showModelessDialog');
    this.record.dialogs.push({
      title: String(title),
      content: (userInterface as unknown as EmuHtmlOutput).content,
      modal: false,
    });
  }

  /** `alert(prompt)`, `alert(prompt, buttons)`, `alert(title, prompt, buttons)`. */
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    this.calls.record('Ui.alert');
    let title = '';
    let prompt: string;
    let buttons = 'OK';
    if (args.length >= 3) [title, prompt, buttons] = [String(args[0]), String(args[1]), enumName(args[2])];
    else if (args.length === 2 && args[1] instanceof EmuEnumValue)
      [prompt, buttons] = [String(args[0]), enumName(args[1])];
    else prompt = String(args[0]);
    this.record.alerts.push({ title, prompt, buttons });
    return asEnum(Button, this.record.alertAnswers.shift() ?? 'OK');
  }
}
