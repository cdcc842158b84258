/**
 * The WAI-ARIA tabs pattern: one tab stop for the whole list (roving tabindex), arrow keys, Home
 * and End move between tabs and select them, and each tab shows its panel.
 */

export interface Tabs {
  select(id: string, focus?: boolean): void;
  readonly selected: () => string;
}

export function setupTabs(tablist: HTMLElement, onSelect: (id: string) => void = () => undefined): Tabs {
  const tabs = () => [...tablist.querySelectorAll<HTMLElement>('[role="tab"]')];
  const panelOf = (tab: HTMLElement) => document.getElementById(tab.getAttribute("aria-controls") ?? "");
  let current = tabs().find((tab) => tab.getAttribute("aria-selected") === "true")?.id ?? tabs()[0]?.id ?? "";

  function select(id: string, focus = false): void {
    const list = tabs();
    for (const tab of list) {
      const on = tab.id === id;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
    }
    // Panels may be shared (one panel redrawn per tab): hide the others', then show the selected.
    for (const tab of list) if (tab.id !== id) panelOf(tab)?.setAttribute("hidden", "");
    const chosen = list.find((tab) => tab.id === id);
    if (chosen) {
      panelOf(chosen)?.removeAttribute("hidden");
      if (focus) chosen.focus();
    }
    if (id !== current) {
      current = id;
      onSelect(id);
    }
  }

  tablist.addEventListener("click", (event) => {
    const tab = (event.target as HTMLElement).closest<HTMLElement>('[role="tab"]');
    if (tab && tablist.contains(tab)) select(tab.id, true);
  });
  tablist.addEventListener("keydown", (event) => {
    const list = tabs();
    const index = list.findIndex((tab) => tab === document.activeElement);
    if (index < 0) return;
    const vertical = tablist.getAttribute("aria-orientation") === "vertical";
    const next = vertical ? "ArrowDown" : "ArrowRight";
    const previous = vertical ? "ArrowUp" : "ArrowLeft";
    let target: number | null = null;
    if (event.key === next) target = (index + 1) % list.length;
    else if (event.key === previous) target = (index - 1 + list.length) % list.length;
    else if (event.key === "Home") target = 0;
    else if (event.key === "End") target = list.length - 1;
    if (target === null) return;
    event.preventDefault();
    select(list[target].id, true);
  });
  select(current);
  return { select, selected: () => current };
}
