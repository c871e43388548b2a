/**
 * A tiny element builder for the sidebars. Text always goes in as text nodes (`textContent`), so
 * sheet names, headers and cell values from the user's data can never become HTML. Nothing here
 * (or anywhere in src/ui) uses `innerHTML`.
 */

/** A child: text (becomes a text node), an element, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes and listeners of an element. */
export interface Props {
  class?: string;
  /** Attributes set with `setAttribute` (values are text; `false`/`null` leaves it out). */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  /** Event listeners. */
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

/** Appends children to `parent`, strings and numbers as text nodes. */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

/** Creates `<tag>` with props and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {}))
    element.addEventListener(type, listener as EventListener);
  append(element, children);
  return element;
}

/** Replaces the children of `parent`. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let nextId = 0;

/** A document-unique id for label/input pairs. */
export function uniqueId(prefix: string): string {
  nextId++;
  return `${prefix}-${nextId}`;
}

/** The language the page was served in: `?lang=` first, then `<html data-lang>`, then the browser's. */
export function pageLanguageTag(): string {
  const fromQuery = new URLSearchParams(location.search).get('lang');
  return fromQuery || document.documentElement.getAttribute('data-lang') || navigator.language || 'en';
}
