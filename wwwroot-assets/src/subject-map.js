// One subject's map: the fences that apply to them, their home, and a replayed track with a cursor that
// the timeline slider moves. On the intake form a click on the map proposes the home position; on the
// subject page it picks a leave permit's destination, marked apart from the home.
import L from "leaflet";
import { asText, colours, fenceStyle, fitView, getJson, mountMap } from "./base-map.js";

const trackColour = "#ffc53d";
const travelledColour = "#3ddc97";
const homeColour = colours.home;
const destinationColour = "#40a9ff";

export function createSubjectMap(element, dotnet, fencesUrl) {
  return mountMap(element, { controls: true }, async ({ map, scale, renderer, regions, load, onResize }) => {
    const { countyBounds, labelled } = await regions();

    let focus = null;
    let home = null;
    let destination = null;
    let points = [];
    const trackLayer = L.layerGroup().addTo(map);
    let travelled = null;
    let cursor = null;
    let picking = false;

    const fit = () => {
      if (focus) {
        map.invalidateSize();
        map.fitBounds(focus, { padding: [40 * scale, 40 * scale], maxZoom: 15 });
      } else {
        fitView(map, countyBounds, labelled, scale);
      }
    };
    fit();
    onResize(fit);

    if (fencesUrl) {
      const fences = await load(getJson(fencesUrl));
      L.geoJSON(fences, {
        style: (feature) => fenceStyle(feature.properties.kind, scale),
        onEachFeature: (feature, layer) => layer.bindTooltip(asText(feature.properties.name), { sticky: true }),
      }).addTo(map);
      element.dataset.fences = String(fences.features.length);
    }

    // A ringed dot with its name: the home, or a destination being picked (named all the time, as it was just placed).
    const place = (latlng, colour, fill, label, named) =>
      L.circleMarker(latlng, { renderer, radius: 7 * scale, weight: 3 * scale, color: colour, fillColor: fill, fillOpacity: 0.9 })
        .bindTooltip(asText(label), { direction: "top", permanent: named });

    map.on("click", (event) => {
      if (picking) {
        dotnet.invokeMethodAsync("MapClicked", event.latlng.lat, event.latlng.lng).catch(() => {});
      }
    });

    const api = {
      picking(enabled) {
        picking = enabled;
        element.style.cursor = enabled ? "crosshair" : "";
      },
      home(latitude, longitude, zoomTo) {
        home?.remove();
        home = null;
        if (latitude == null || longitude == null) {
          return;
        }
        home = place([latitude, longitude], homeColour, "#1d0f33", element.dataset.homeLabel, false).addTo(map);
        if (zoomTo && points.length === 0) {
          // A few kilometres around the home: enough to see the fences nearby on the offline map.
          focus = L.latLngBounds([[latitude - 0.07, longitude - 0.09], [latitude + 0.07, longitude + 0.09]]);
          fit();
        }
      },
      // The view stays where the officer is looking: they may click again to move the place. The disc is a
      // preview; the permit's area itself is computed on the server in metres.
      destination(latitude, longitude, radiusMetres) {
        destination?.remove();
        destination = null;
        delete element.dataset.destination;
        if (latitude == null || longitude == null) {
          return;
        }
        destination = L.layerGroup().addTo(map);
        if (radiusMetres > 0) {
          L.circle([latitude, longitude], { renderer, radius: radiusMetres, color: destinationColour, weight: 2 * scale, fillOpacity: 0.12, interactive: false })
            .addTo(destination);
        }
        place([latitude, longitude], destinationColour, "#0b2a4a", element.dataset.destinationLabel, true).addTo(destination);
        element.dataset.destination = `${latitude},${longitude}`;
      },
      track(fixes) {
        trackLayer.clearLayers();
        points = fixes.map((f) => [f.latitude, f.longitude]);
        travelled = null;
        cursor = null;
        element.dataset.track = String(points.length);
        if (points.length === 0) {
          return;
        }
        L.polyline(points, { renderer, color: trackColour, weight: 2 * scale, opacity: 0.55, interactive: false }).addTo(trackLayer);
        travelled = L.polyline([], { renderer, color: travelledColour, weight: 3 * scale, opacity: 0.95, interactive: false }).addTo(trackLayer);
        L.circleMarker(points[0], { renderer, radius: 5 * scale, color: "#07111f", weight: scale, fillColor: "#ffffff", fillOpacity: 1, interactive: false }).addTo(trackLayer);
        cursor = L.circleMarker(points[0], { renderer, radius: 8 * scale, color: "#07111f", weight: 2 * scale, fillColor: travelledColour, fillOpacity: 1, interactive: false }).addTo(trackLayer);
        focus = L.latLngBounds(points);
        if (home) {
          focus.extend(home.getLatLng());
        }
        fit();
        api.cursor(0);
      },
      cursor(index) {
        if (!cursor || points.length === 0) {
          return;
        }
        const at = Math.max(0, Math.min(points.length - 1, index));
        cursor.setLatLng(points[at]);
        travelled.setLatLngs(points.slice(0, at + 1));
        element.dataset.cursor = String(at);
      },
    };
    return api;
  });
}
