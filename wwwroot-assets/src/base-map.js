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

// How a fence is drawn, by its kind: exclusion zones red and filled, home zones violet, permitted areas
// dashed and nearly clear so that what lies inside them stays readable.
export function fenceStyle(feature, scale) {
  switch (feature.properties.kind) {
    case "Exclusion":
      return { color: colours.exclusion, weight: 2 * scale, fillColor: colours.exclusion, fillOpacity: 0.25 };
    case "Home":
      return { color: colours.home, weight: 2 * scale, fillColor: colours.home, fillOpacity: 0.15 };
    default:
      return { color: colours.inclusion, weight: 2 * scale, dashArray: `${6 * scale} ${4 * scale}`, fillOpacity: 0.04 };
  }
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

export function drawRegions(map, regions, scale) {
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
      } else {
        labelled.push({ layer: featureLayer, centre: featureLayer.getBounds().getCenter() });
      }
      featureLayer.bindTooltip(feature.properties.name, {
        permanent: true,
        direction: "center",
        className: feature.properties.role === "County" ? "region-label county" : "region-label",
      });
    },
  }).addTo(map);
  return { countyBounds: countyBounds ?? layer.getBounds(), labelled };
}


// Fits the view to the given bounds and labels only the neighbours whose label would not be cut off.
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

export function createBaseMap(element) {
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
