// The offline base map shared by every map of the product: the county and its neighbours, drawn from
// the server's GeoJSON with labels, and symbols scaled to the screen.
import L from "leaflet";

export const colours = {
  neighbourFill: "#10233b",
  neighbourLine: "#2b4a6e",
  countyFill: "#143459",
  countyLine: "#35c9ff",
  exclusion: "#ff4d4f",
  inclusion: "#35c9ff",
  person: "#3ddc97",
  alert: "#ff4d4f",
  home: "#b37feb",
};

// How a fence is drawn, by its kind, on every map alike: exclusion zones red and filled, home zones
// violet, permitted areas dashed and nearly clear so that what lies inside them stays readable. A map
// that singles one fence out draws it bold and the others faint.
export function fenceStyle(kind, scale, { bold = false, faint = false } = {}) {
  const weight = (bold ? 4 : faint ? 1.5 : 2) * scale;
  const dashArray = `${6 * scale} ${4 * scale}`;
  switch (kind) {
    case "Exclusion":
      return { color: colours.exclusion, weight, fillColor: colours.exclusion, fillOpacity: bold ? 0.3 : faint ? 0.05 : 0.25, dashArray: faint ? dashArray : null };
    case "Home":
      return { color: colours.home, weight, fillColor: colours.home, fillOpacity: bold ? 0.25 : faint ? 0.05 : 0.15, dashArray: faint ? dashArray : null };
    default:
      return { color: colours.inclusion, weight, fillColor: colours.inclusion, fillOpacity: bold ? 0.2 : 0.04, dashArray: bold ? null : dashArray };
  }
}

// Names come from users (a fence, a camera, a squad): a tooltip gets them as a text node, never as the
// HTML string Leaflet would otherwise put into the page as markup.
export function asText(text) {
  return () => document.createTextNode(text ?? "");
}

// Map symbols are drawn in pixels; scale them with the page's root font size (which follows the screen
// width) so a 3840-pixel wall shows them as large as a 1920-pixel one.
export function screenScale() {
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.min(3, Math.max(1, root / 16));
}

export async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

// The site's tile server, when it has one (the server puts it in a meta tag); null means the offline map.
function siteTiles() {
  const meta = document.querySelector("meta[name=cc-tiles]");
  return meta
    ? { url: meta.content, attribution: meta.dataset.attribution ?? "", subdomains: meta.dataset.subdomains ?? "abc", maxZoom: Number(meta.dataset.maxZoom) || 18 }
    : null;
}

function drawRegions(map, regions, scale) {
  // Over real tiles the regions are outlines with a tint, so the streets show through.
  const tinted = map.hasTiles ? 0.12 : null;
  let countyBounds = null;
  const labelled = [];
  const layer = L.geoJSON(regions, {
    interactive: false,
    // The fence editor's drawing tools must leave the base map alone.
    pmIgnore: true,
    style: (feature) =>
      feature.properties.role === "County"
        ? { color: colours.countyLine, weight: 3 * scale, fillColor: colours.countyFill, fillOpacity: tinted ?? 0.85 }
        : { color: colours.neighbourLine, weight: 1.5 * scale, fillColor: colours.neighbourFill, fillOpacity: tinted ?? 0.9 },
    onEachFeature: (feature, featureLayer) => {
      if (feature.properties.role === "County") {
        countyBounds = featureLayer.getBounds();
      }
      // The county's own label too: a region wall shows part of the county, and its centre may fall at the edge.
      labelled.push({ layer: featureLayer, centre: featureLayer.getBounds().getCenter() });
      featureLayer.bindTooltip(asText(feature.properties.name), {
        permanent: true,
        direction: "center",
        className: feature.properties.role === "County" ? "region-label county" : "region-label",
      });
    },
  }).addTo(map);
  return { countyBounds: countyBounds ?? layer.getBounds(), labelled };
}


// Fits the view to the given bounds and labels only the regions whose label would not be cut off.
export function fitView(map, bounds, labelled, scale) {
  map.invalidateSize();
  map.fitBounds(bounds, { padding: [20 * scale, 20 * scale] });
  const inner = map.getBounds().pad(-0.1);
  for (const { layer, centre } of labelled) {
    if (inner.contains(centre)) {
      layer.openTooltip();
    } else {
      layer.closeTooltip();
    }
  }
}

function createBaseMap(element) {
  const tiles = siteTiles();
  const map = L.map(element, {
    preferCanvas: true,
    zoomControl: false,
    attributionControl: false,
    zoomSnap: 0.25,
    keyboard: false,
  });
  if (tiles) {
    L.tileLayer(tiles.url, { attribution: tiles.attribution, subdomains: tiles.subdomains, maxZoom: tiles.maxZoom }).addTo(map);
    if (tiles.attribution) {
      // The control collects the credit from the tile layer: the licence asks for it to be shown.
      L.control.attribution({ prefix: false, position: "bottomright" }).addTo(map);
    }
    map.hasTiles = true;
  }
  return map;
}

// Loading stopped because the component went away; not an error.
class MapClosed extends Error {}

// Opens a map on the element: the base map, its scale, a canvas renderer for the module's symbols, and
// everything the module adds that must be taken down with it. It exists before anything is fetched, so
// a component disposed while its map is still loading leaves nothing behind.
function openMap(element, { controls = false } = {}) {
  const map = createBaseMap(element);
  if (controls) {
    L.control.zoom({ position: "topright" }).addTo(map);
    L.control.scale({ position: "bottomleft", imperial: false }).addTo(map);
  }
  // The zoom the view settled on, after any animation: whoever clicks at places on the map after zooming
  // (a test, a kiosk script) waits for it rather than for a guessed time.
  map.on("zoomend", () => {
    element.dataset.zoom = String(map.getZoom());
  });
  const scale = screenScale();
  const teardown = [];
  let closed = false;
  const view = {
    map,
    scale,
    renderer: L.canvas({ padding: 0.3 }),
    onClose(action) {
      teardown.push(action);
    },
    onResize(action) {
      const observer = new ResizeObserver(action);
      observer.observe(element);
      teardown.push(() => observer.disconnect());
    },
    // Awaits something the map loads. If the component went away meanwhile (disposed, or its element
    // gone from the page before the server's dispose arrives), the map is taken down and loading stops.
    async load(pending) {
      const value = await pending;
      if (closed || !element.isConnected) {
        await view.close();
        throw new MapClosed();
      }
      return value;
    },
    // The county and its neighbours from the server; answers the county's bounds and the labelled neighbours.
    async regions(url = "/api/v1/map/regions") {
      return drawRegions(map, await view.load(getJson(url)), scale);
    },
    async close() {
      if (closed) {
        return;
      }
      closed = true;
      for (const action of teardown) {
        await action();
      }
      map.remove();
    },
  };
  return view;
}

// What a map closed while it loaded answers with: its component may still be finishing the render that
// started it and call `show` or `choose` once; every call does nothing. `then` stays undefined, so that
// awaiting the object does not take it for a promise.
const closedMap = new Proxy({}, { get: (_, name) => (name === "then" ? undefined : () => {}) });

/**
 * The one way a map module starts: `build` receives the opened map (see openMap), loads through
 * `view.load`, and answers the module's object; its `dispose` closes the map. A component gone before
 * loading ended gets an object on which every call does nothing; a load that fails leaves no map either.
 */
export async function mountMap(element, options, build) {
  const view = openMap(element, options);
  try {
    const api = await build(view);
    api.dispose = () => view.close();
    return api;
  } catch (error) {
    await view.close();
    if (error instanceof MapClosed) {
      return closedMap;
    }
    throw error;
  }
}
