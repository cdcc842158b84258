/**
 * DOM helpers. Text always goes in as textContent and attributes through setAttribute, so cell text
 * and messages are never parsed as HTML; nothing in the pane uses innerHTML.
 */

type Child = Node | string | null | undefined | false;

export interface Props {
  readonly [attribute: string]: string | number | boolean | undefined | null;
}

/** Creates an element: props become attributes (true → present, false/null/undefined → absent). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`taskpane.html has no #${id}`);
  return element as T;
}

/** Sets or clears an attribute. */
export function attr(element: Element, name: string, value: string | boolean | null | undefined): void {
  if (value === null || value === undefined || value === false) element.removeAttribute(name);
  else element.setAttribute(name, value === true ? "" : value);
}

/** Shows a field's error beside it: text, aria-invalid on the controls, and aria-describedby. */
export function showFieldError(
  errorElement: HTMLElement,
  message: string | undefined,
  controls: readonly HTMLElement[],
): void {
  errorElement.textContent = message ?? "";
  errorElement.hidden = !message;
  for (const control of controls) {
    attr(control, "aria-invalid", message ? "true" : null);
    const ids = (control.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter((id) => id && id !== errorElement.id);
    if (message) ids.push(errorElement.id);
    attr(control, "aria-describedby", ids.length > 0 ? ids.join(" ") : null);
  }
}
