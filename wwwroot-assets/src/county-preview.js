// The county picker's map: a county and the areas around it, fitted to the view, before it is chosen.
import { fitView, mountMap } from "./base-map.js";

export function createCountyPreview(element, url) {
  return mountMap(element, { controls: true }, async ({ map, scale, regions, onResize }) => {
    const { countyBounds, labelled } = await regions(url);
    const fit = () => fitView(map, countyBounds, labelled, scale);
    fit();
    onResize(fit);
    element.dataset.shown = url;
    return {};
  });
}
