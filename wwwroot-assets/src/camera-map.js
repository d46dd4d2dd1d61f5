// The camera registry's map: every camera as a dot (red when offline), the chosen one ringed; a click on
// the map proposes that place for the camera being edited.
import L from "leaflet";
import { asText, fitView, mountMap } from "./base-map.js";

export function createCameraMap(element, dotnet) {
  return mountMap(element, {}, async ({ map, scale, renderer, regions, onResize }) => {
    const dots = L.layerGroup().addTo(map);
    let chosen = null;

    const { countyBounds, labelled } = await regions();
    const fit = () => fitView(map, countyBounds, labelled, scale);
    fit();
    onResize(fit);

    map.on("click", (event) => dotnet.invokeMethodAsync("MapClicked", event.latlng.lat, event.latlng.lng).catch(() => {}));

    return {
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
            .bindTooltip(asText(`${camera.code} ${camera.name}`))
            .on("click", () => dotnet.invokeMethodAsync("CameraClicked", camera.id).catch(() => {}))
            .addTo(dots);
        }
        element.dataset.cameras = String(cameras.length);
      },
      choose(latitude, longitude) {
        chosen?.remove();
        chosen = latitude == null ? null : L.circleMarker([latitude, longitude], { radius: 10 * scale, color: "#ffc53d", weight: 3 * scale, fill: false, interactive: false }).addTo(map);
      },
    };
  });
}
