// The camera registry's map: every camera as a dot (red when offline), the chosen one ringed; a click on
// the map proposes that place for the camera being edited.
import L from "leaflet";
import { createBaseMap, drawRegions, fitView, getJson, screenScale } from "./base-map.js";

export async function createCameraMap(element, dotnet) {
  const map = createBaseMap(element);
  const scale = screenScale();
  const renderer = L.canvas({ padding: 0.3 });
  const dots = L.layerGroup().addTo(map);
  let chosen = null;

  const { countyBounds, labelled } = drawRegions(map, await getJson("/api/v1/map/regions"), scale);
  const fit = () => fitView(map, countyBounds, labelled, scale);
  fit();
  const resizeObserver = new ResizeObserver(fit);
  resizeObserver.observe(element);

  map.on("click", (event) => dotnet.invokeMethodAsync("MapClicked", event.latlng.lat, event.latlng.lng).catch(() => {}));

  const api = {
    show(cameras) {
      dots.clearLayers();
      for (const camera of cameras) {
        L.circleMarker([camera.latitude, camera.longitude], {
          renderer,
          radius: 4 * scale,
          weight: scale,
          color: "#07111f",
          fillColor: camera.online ? "#40a9ff" : "#ff4d4f",
          fillOpacity: 0.95,
        })
          .bindTooltip(`${camera.code} ${camera.name}`)
          .on("click", () => dotnet.invokeMethodAsync("CameraClicked", camera.id).catch(() => {}))
          .addTo(dots);
      }
      element.dataset.cameras = String(cameras.length);
    },
    choose(latitude, longitude) {
      chosen?.remove();
      chosen = latitude == null ? null : L.circleMarker([latitude, longitude], { radius: 10 * scale, color: "#ffc53d", weight: 3 * scale, fill: false, interactive: false }).addTo(map);
    },
    dispose() {
      resizeObserver.disconnect();
      map.remove();
    },
  };
  return api;
}
