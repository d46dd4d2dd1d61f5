// The desk's keyboard: arrows (or J/K) move through the queue, a letter takes a step on the open alert.
// Keys typed into a text field or a list stay there; with Ctrl, Alt or Meta they belong to the browser.
const keys = {
  ArrowDown: "next",
  j: "next",
  ArrowUp: "previous",
  k: "previous",
  a: "acknowledge",
  d: "dispatch",
  s: "on-scene",
  r: "resolve",
  x: "dismiss",
  Escape: "escape",
};

function typingInto(target) {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select, [role=listbox], .mud-popover-open"));
}

export function listenForShortcuts(dotnet) {
  const onKey = (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) {
      return;
    }
    const name = keys[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (!name || (name !== "escape" && typingInto(event.target))) {
      return;
    }
    event.preventDefault();
    dotnet.invokeMethodAsync("Shortcut", name).catch((error) => console.warn("the desk did not take the key", error));
  };
  document.addEventListener("keydown", onKey);
  return {
    dispose() {
      document.removeEventListener("keydown", onKey);
    },
  };
}
