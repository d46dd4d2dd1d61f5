// The wall's live map: the offline base map (county and neighbours), the fences, one marker per
// subject. Positions arrive from the hub in frames and move markers directly, without Blazor.
import L from "leaflet";
import { colours, createBaseMap, drawRegions, fitView, getJson, screenScale } from "./base-map.js";
import { connectToHub } from "./live-connection.js";

const pendingColour = "#ffb020";

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
  const map = createBaseMap(element);
  const renderer = L.canvas({ padding: 0.3 });
  const scale = screenScale();
  const markers = new Map();
  const alertMarkers = [];

  const notify = (method, value) => dotnet.invokeMethodAsync(method, value).catch((error) => console.warn(`${method} did not reach the server`, error));
  const reportCount = () => {
    element.dataset.markers = String(markers.size);
    notify("MarkersChanged", markers.size);
  };

  // A subject seen beyond a fence but not yet confirmed (GPS drift is still possible) is drawn amber and
  // larger, so the hall sees a crossing coming before it becomes an alert.
  const pending = new Set();
  const markerStyle = (subjectId) => pending.has(subjectId)
    ? { radius: 7 * scale, color: "#7a4a00", fillColor: pendingColour }
    : { radius: 4 * scale, color: "#0b3d2a", fillColor: colours.person };
  const restyle = (subjectId) => markers.get(subjectId)?.setStyle(markerStyle(subjectId));
  const markPending = (subjectId, isPending) => {
    if (isPending) {
      pending.add(subjectId);
    } else {
      pending.delete(subjectId);
    }
    element.dataset.pending = String(pending.size);
    restyle(subjectId);
  };

  const place = (update) => {
    const at = [update.latitude, update.longitude];
    const existing = markers.get(update.subjectId);
    if (update.pending !== pending.has(update.subjectId)) {
      markPending(update.subjectId, update.pending);
    }
    if (existing) {
      existing.setLatLng(at);
      return false;
    }
    markers.set(update.subjectId, L.circleMarker(at, {
      renderer,
      stroke: true,
      weight: scale,
      fillOpacity: 0.95,
      interactive: false,
      ...markerStyle(update.subjectId),
    }).addTo(map));
    return true;
  };

  const showAlert = (alert) => {
    if (alert.latitude == null || alert.longitude == null) {
      return;
    }
    const icon = L.divIcon({ className: `alert-pulse sev-${alert.severity.toLowerCase()}`, iconSize: [28 * scale, 28 * scale] });
    const marker = L.marker([alert.latitude, alert.longitude], { icon, interactive: false, keyboard: false }).addTo(map);
    marker.alertId = alert.alertId;
    alertMarkers.push(marker);
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
    const view = L.latLngBounds(countyBounds.getSouthWest(), countyBounds.getNorthEast());
    for (const marker of alertMarkers) {
      view.extend(marker.getLatLng());
    }
    fitView(map, view, labelled, scale);
  }
  fitToView();
  const resizeObserver = new ResizeObserver(fitToView);
  resizeObserver.observe(element);

  const live = connectToHub("/hubs/wall", (state) => {
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
  // A closed alert stops pulsing on the map; the desk keeps its record.
  live.connection.on("alertChanged", (alert) => {
    element.dataset.sequence = String(alert.sequence);
    if (alert.state === "Resolved" || alert.state === "Dismissed") {
      for (const marker of alertMarkers.filter((m) => m.alertId === alert.alertId)) {
        marker.remove();
        alertMarkers.splice(alertMarkers.indexOf(marker), 1);
      }
    }
  });
  live.connection.on("transitionPending", (transition) => {
    element.dataset.sequence = String(transition.sequence);
    markPending(transition.subjectId, transition.change === "Started");
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
