// The desk's map of one alert: the subject's fences (the alert's own bold), the last hours of track, the
// place, the cameras within reach and the squads' bases. Zoomed to the place, not to the county.
import L from "leaflet";
import { asText, fenceStyle, getJson, mountMap } from "./base-map.js";

const trackColour = "#ffc53d";
const cameraColour = "#b37feb";
const freeSquad = "#3ddc97";
const busySquad = "#fa8c16";

export function createCaseMap(element, fencesUrl, fenceId) {
  return mountMap(element, { controls: true }, async ({ map, scale, renderer, regions, load, onResize }) => {
    const { countyBounds } = await regions();
    map.fitBounds(countyBounds);

    let alertFence = null;
    const fences = await load(getJson(fencesUrl).catch(() => ({ type: "FeatureCollection", features: [] })));
    L.geoJSON(fences, {
      style: (feature) => {
        const own = feature.properties.id === fenceId;
        return fenceStyle(feature.properties.kind, scale, { bold: own, faint: !own });
      },
      onEachFeature: (feature, layer) => {
        layer.bindTooltip(asText(feature.properties.name), { sticky: true });
        if (feature.properties.id === fenceId) {
          alertFence = layer;
        }
      },
    }).addTo(map);
    element.dataset.fences = String(fences.features.length);

    const overlay = L.layerGroup().addTo(map);
    let focus = null;
    const fit = () => {
      if (focus) {
        map.invalidateSize();
        map.fitBounds(focus, { padding: [30 * scale, 30 * scale], maxZoom: 16 });
      }
    };
    onResize(fit);

    return {
      show(picture, refocus) {
        overlay.clearLayers();
        const points = picture.track.map((p) => [p.latitude, p.longitude]);
        if (points.length > 0) {
          L.polyline(points, { renderer, color: trackColour, weight: 3 * scale, opacity: 0.9, interactive: false }).addTo(overlay);
          for (const point of points) {
            L.circleMarker(point, { renderer, radius: 2.5 * scale, weight: 0, fillColor: trackColour, fillOpacity: 0.9, interactive: false }).addTo(overlay);
          }
        }
        for (const camera of picture.cameras) {
          L.circleMarker([camera.latitude, camera.longitude], {
            renderer, radius: 6 * scale, weight: 2 * scale, color: cameraColour, fillColor: camera.online ? cameraColour : "#434343", fillOpacity: 0.8,
          }).bindTooltip(asText(camera.name)).addTo(overlay);
        }
        for (const squad of picture.squads) {
          L.circleMarker([squad.latitude, squad.longitude], {
            renderer, radius: 7 * scale, weight: 2 * scale, color: "#07111f", fillColor: squad.available ? freeSquad : busySquad, fillOpacity: 1,
          }).bindTooltip(asText(squad.name), { permanent: true, direction: "right", className: "squad-label" }).addTo(overlay);
        }
        if (picture.place) {
          const at = [picture.place.latitude, picture.place.longitude];
          const icon = L.divIcon({ className: "alert-pulse sev-critical", iconSize: [26 * scale, 26 * scale] });
          L.marker(at, { icon, keyboard: false, title: element.dataset.placeLabel ?? "" }).addTo(overlay);
        }
        element.dataset.track = String(points.length);
        element.dataset.cameras = String(picture.cameras.length);
        element.dataset.squads = String(picture.squads.length);
        if (refocus) {
          // The track, the place, the cameras and the alert's fence; the squads' bases may be far and are left to zooming out.
          const bounds = L.latLngBounds(points);
          if (picture.place) {
            bounds.extend([picture.place.latitude, picture.place.longitude]);
          }
          for (const camera of picture.cameras) {
            bounds.extend([camera.latitude, camera.longitude]);
          }
          if (alertFence && bounds.isValid() && alertFence.getBounds().getNorthEast().distanceTo(alertFence.getBounds().getSouthWest()) < 20000) {
            bounds.extend(alertFence.getBounds());
          }
          focus = bounds.isValid() ? bounds : countyBounds;
          fit();
        }
        element.dataset.ready = "true";
      },
    };
  });
}
