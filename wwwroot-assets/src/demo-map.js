// The delegation view's map: the base map and, instead of people, how many are in each coarse grid
// cell. The server never sends a person or an exact position here; this module only draws what it gets.
import L from "leaflet";
import { fitView, getJson, mountMap } from "./base-map.js";
import { connectToHub } from "./live-connection.js";

export function createDemoMap(element) {
  return mountMap(element, {}, async ({ map, scale, renderer, regions, load, onResize, onClose }) => {
    const cells = L.layerGroup().addTo(map);
    const pulses = [];

    const { countyBounds, labelled } = await regions("/api/v1/demo/regions");
    const fit = () => fitView(map, countyBounds, labelled, scale);
    fit();
    onResize(fit);

    const drawFrame = (frame) => {
      cells.clearLayers();
      for (const cell of frame.cells) {
        L.circleMarker([cell.latitude, cell.longitude], {
          renderer,
          radius: (5 + Math.sqrt(cell.people) * 4) * scale,
          stroke: false,
          fillColor: "#3ddc97",
          fillOpacity: 0.45,
          interactive: false,
        }).addTo(cells);
      }
      element.dataset.cells = String(frame.cells.length);
    };

    const showAlert = (alert) => {
      const icon = L.divIcon({ className: `alert-pulse sev-${alert.severity.toLowerCase()}`, iconSize: [36 * scale, 36 * scale] });
      pulses.push(L.marker([alert.cellLatitude, alert.cellLongitude], { icon, interactive: false, keyboard: false }).addTo(map));
      while (pulses.length > 10) {
        pulses.shift().remove();
      }
    };

    drawFrame(await load(getJson("/api/v1/demo/frame")));
    const live = connectToHub("/hubs/demo", (state) => (element.dataset.connection = state));
    live.connection.on("demoFrame", drawFrame);
    live.connection.on("demoAlert", showAlert);
    onClose(() => live.stop());
    live.start();
    element.dataset.ready = "true";
    return {};
  });
}
