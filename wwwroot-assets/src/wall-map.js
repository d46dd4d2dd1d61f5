// The wall's live map: the offline base map (county and neighbours), the fences, one marker per
// subject. Positions arrive from the hub in frames and move markers directly, without Blazor.
import L from "leaflet";
import { colours, createBaseMap, drawRegions, fitView, getJson, screenScale } from "./base-map.js";
import { connectToHub } from "./live-connection.js";
import { PeopleLayer } from "./people-layer.js";

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
  const scale = screenScale();
  const people = new PeopleLayer({ scale });
  const alertMarkers = [];

  const notify = (method, value) => dotnet.invokeMethodAsync(method, value).catch((error) => console.warn(`${method} did not reach the server`, error));
  let reported = -1;
  const reportCount = () => {
    if (people.size() !== reported) {
      reported = people.size();
      element.dataset.markers = String(people.size());
      notify("MarkersChanged", people.size());
    }
  };

  // One frame of positions from the hub: markers move without any Blazor render.
  const applyFrame = (frame) => {
    for (const update of frame.positions) {
      people.set(update.subjectId, update.latitude, update.longitude);
    }
    element.dataset.sequence = String(frame.sequence);
    reportCount();
  };

  const showAlert = (alert) => {
    people.setState(alert.subjectId, "alert");
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
  people.addTo(map);

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
  live.connection.on("positionsFrame", applyFrame);
  live.connection.on("alertRaised", (alert) => {
    element.dataset.sequence = String(alert.sequence);
    showAlert(alert);
  });

  // First paint from the latest positions and the open alerts; the hub then keeps them current.
  const [positions, openAlerts] = await Promise.all([getJson("/api/v1/map/positions"), getJson("/api/v1/alerts?limit=30")]);
  applyFrame({ sequence: 0, positions });
  for (const alert of openAlerts.reverse()) {
    showAlert(alert);
  }
  reportCount();
  element.dataset.ready = "true";
  live.start();

  const api = {
    applyFrame,
    stats: people.stats,
    async dispose() {
      resizeObserver.disconnect();
      await live.stop();
      map.remove();
    },
  };
  // The browser benchmark drives the map through the same entry point the hub uses.
  element.wallMap = api;
  return api;
}
