// The desk's map of one alert: the subject's fences (the alert's own bold), the last hours of track, the
// place, the cameras within reach and the squads' bases. Zoomed to the place, not to the county.
import L from "leaflet";
import { colours, createBaseMap, drawRegions, getJson, screenScale } from "./base-map.js";

const trackColour = "#ffc53d";
const cameraColour = "#b37feb";
const freeSquad = "#3ddc97";
const busySquad = "#fa8c16";

export async function createCaseMap(element, fencesUrl, fenceId) {
  const map = createBaseMap(element);
  L.control.zoom({ position: "topright" }).addTo(map);
  L.control.scale({ position: "bottomleft", imperial: false }).addTo(map);
  const scale = screenScale();
  const renderer = L.canvas({ padding: 0.3 });
  const { countyBounds } = drawRegions(map, await getJson("/api/v1/map/regions"), scale);
  map.fitBounds(countyBounds);

  let alertFence = null;
  const fences = await getJson(fencesUrl).catch(() => ({ type: "FeatureCollection", features: [] }));
  L.geoJSON(fences, {
    style: (feature) => {
      const own = feature.properties.id === fenceId;
      const colour = feature.properties.kind === "Exclusion" ? colours.exclusion : colours.inclusion;
      return { color: colour, weight: (own ? 4 : 1.5) * scale, fillColor: colour, fillOpacity: own ? 0.2 : 0.05, dashArray: own ? null : `${6 * scale} ${4 * scale}` };
    },
    onEachFeature: (feature, layer) => {
      layer.bindTooltip(feature.properties.name, { sticky: true });
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
  const resizeObserver = new ResizeObserver(fit);
  resizeObserver.observe(element);

  const api = {
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
        }).bindTooltip(camera.name).addTo(overlay);
      }
      for (const squad of picture.squads) {
        L.circleMarker([squad.latitude, squad.longitude], {
          renderer, radius: 7 * scale, weight: 2 * scale, color: "#07111f", fillColor: squad.available ? freeSquad : busySquad, fillOpacity: 1,
        }).bindTooltip(squad.name, { permanent: true, direction: "right", className: "squad-label" }).addTo(overlay);
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
    dispose() {
      resizeObserver.disconnect();
      map.remove();
    },
  };
  return api;
}
