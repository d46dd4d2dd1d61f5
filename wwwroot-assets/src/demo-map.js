// The delegation view's map: the base map and, instead of people, how many are in each coarse grid
// cell. The server never sends a person or an exact position here; this module only draws what it gets.
import L from "leaflet";
import { createBaseMap, drawRegions, fitView, getJson, screenScale } from "./base-map.js";
import { connectToHub } from "./live-connection.js";

export async function createDemoMap(element) {
  const map = createBaseMap(element);
  const scale = screenScale();
  const renderer = L.canvas({ padding: 0.3 });
  const cells = L.layerGroup().addTo(map);
  const pulses = [];

  const { countyBounds, labelled } = drawRegions(map, await getJson("/api/v1/demo/regions"), scale);
  const fit = () => fitView(map, countyBounds, labelled, scale);
  fit();
  const resizeObserver = new ResizeObserver(fit);
  resizeObserver.observe(element);

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

  drawFrame(await getJson("/api/v1/demo/frame"));
  const live = connectToHub("/hubs/demo", (state) => (element.dataset.connection = state));
  live.connection.on("demoFrame", drawFrame);
  live.connection.on("demoAlert", showAlert);
  live.start();
  element.dataset.ready = "true";

  return {
    async dispose() {
      resizeObserver.disconnect();
      await live.stop();
      map.remove();
    },
  };
}
