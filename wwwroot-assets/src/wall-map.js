// The wall's live map: the offline base map (county and neighbours), the fences, one marker per
// subject. Positions arrive from the hub in frames and move markers directly, without Blazor.
import L from "leaflet";
import { connectToWall } from "./live-connection.js";

const colours = {
  neighbourFill: "#10233b",
  neighbourLine: "#2b4a6e",
  countyFill: "#143459",
  countyLine: "#35c9ff",
  exclusion: "#ff4d4f",
  inclusion: "#35c9ff",
  person: "#3ddc97",
  alert: "#ff4d4f",
};

// Map symbols are drawn in pixels; scale them with the page's root font size (which follows the screen
// width) so a 3840-pixel wall shows them as large as a 1920-pixel one.
function screenScale() {
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.min(3, Math.max(1, root / 16));
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return response.json();
}

function drawRegions(map, regions, scale) {
  let countyBounds = null;
  const labelled = [];
  const layer = L.geoJSON(regions, {
    interactive: false,
    style: (feature) =>
      feature.properties.role === "County"
        ? { color: colours.countyLine, weight: 3 * scale, fillColor: colours.countyFill, fillOpacity: 0.85 }
        : { color: colours.neighbourLine, weight: 1.5 * scale, fillColor: colours.neighbourFill, fillOpacity: 0.9 },
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

function drawFences(map, fences, scale) {
  L.geoJSON(fences, {
    interactive: false,
    filter: (feature) => feature.properties.kind !== "Inclusion" || feature.properties.scope !== "AllSubjects",
    style: (feature) =>
      feature.properties.kind === "Exclusion"
        ? { color: colours.exclusion, weight: 2 * scale, fillColor: colours.exclusion, fillOpacity: 0.3 }
        : { color: colours.inclusion, weight: 2 * scale, dashArray: `${6 * scale} ${4 * scale}`, fillOpacity: 0.05 },
  }).addTo(map);
}

export async function createWallMap(element, dotnet) {
  const map = L.map(element, {
    preferCanvas: true,
    zoomControl: false,
    attributionControl: false,
    zoomSnap: 0.25,
    keyboard: false,
  });
  const renderer = L.canvas({ padding: 0.3 });
  const scale = screenScale();
  const markers = new Map();
  const alertMarkers = [];

  const notify = (method, value) => dotnet.invokeMethodAsync(method, value).catch((error) => console.warn(`${method} did not reach the server`, error));
  const reportCount = () => {
    element.dataset.markers = String(markers.size);
    notify("MarkersChanged", markers.size);
  };

  const place = (update) => {
    const at = [update.latitude, update.longitude];
    const existing = markers.get(update.subjectId);
    if (existing) {
      existing.setLatLng(at);
      return false;
    }
    markers.set(update.subjectId, L.circleMarker(at, {
      renderer,
      radius: 4 * scale,
      stroke: true,
      weight: scale,
      color: "#0b3d2a",
      fillColor: colours.person,
      fillOpacity: 0.95,
      interactive: false,
    }).addTo(map));
    return true;
  };

  const showAlert = (alert) => {
    if (alert.latitude == null || alert.longitude == null) {
      return;
    }
    const icon = L.divIcon({ className: `alert-pulse sev-${alert.severity.toLowerCase()}`, iconSize: [28 * scale, 28 * scale] });
    alertMarkers.push(L.marker([alert.latitude, alert.longitude], { icon, interactive: false, keyboard: false }).addTo(map));
    while (alertMarkers.length > 30) {
      alertMarkers.shift().remove();
    }
    // Someone who left the county must still be on the wall: widen the view to take them in.
    if (!map.getBounds().contains([alert.latitude, alert.longitude])) {
      fitToView();
    }
  };

  const [regions, fences] = await Promise.all([getJson("/api/v1/map/regions"), getJson("/api/v1/map/fences")]);
  const { countyBounds, labelled } = drawRegions(map, regions, scale);
  drawFences(map, fences, scale);

  // Neighbours whose label would fall at the edge of the view stay unlabelled rather than cut off.
  function fitToView() {
    map.invalidateSize();
    const view = L.latLngBounds(countyBounds.getSouthWest(), countyBounds.getNorthEast());
    for (const marker of alertMarkers) {
      view.extend(marker.getLatLng());
    }
    map.fitBounds(view, { padding: [20 * scale, 20 * scale] });
    const inner = map.getBounds().pad(-0.1);
    for (const { layer, centre } of labelled) {
      if (inner.contains(centre)) {
        layer.openTooltip();
      } else {
        layer.closeTooltip();
      }
    }
  }
  fitToView();
  const resizeObserver = new ResizeObserver(fitToView);
  resizeObserver.observe(element);

  const live = connectToWall((state) => {
    element.dataset.connection = state;
    notify("ConnectionChanged", state);
  });
  live.connection.on("positionsFrame", (frame) => {
    let added = false;
    for (const update of frame.positions) {
      added = place(update) || added;
    }
    element.dataset.sequence = String(frame.sequence);
    if (added) {
      reportCount();
    }
  });
  live.connection.on("alertRaised", (alert) => {
    element.dataset.sequence = String(alert.sequence);
    showAlert(alert);
  });

  // First paint from the latest positions and the open alerts; the hub then keeps them current.
  const [positions, openAlerts] = await Promise.all([getJson("/api/v1/map/positions"), getJson("/api/v1/alerts?limit=30")]);
  for (const update of positions) {
    place(update);
  }
  for (const alert of openAlerts.reverse()) {
    showAlert(alert);
  }
  reportCount();
  element.dataset.ready = "true";
  live.start();

  return {
    async dispose() {
      resizeObserver.disconnect();
      await live.stop();
      map.remove();
    },
  };
}
