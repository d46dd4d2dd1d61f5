// The who-was-there map: an area drawn with the fence editor's tools, or a centre picked with a click and a
// circle of the radius typed beside the map; then the people found, each at their fix closest to the centre.
// The page hears the drawn area (GeoJSON text or null) and the picked centre; the element's data-mode,
// data-drawn, data-centre and data-found say what the map holds, for the tests.
import L from "leaflet";
import { attachAreaDraft } from "./area-draft.js";
import { asText, colours, fitView, mountMap } from "./base-map.js";

const circleStyle = { color: "#ffc53d", weight: 2, fillOpacity: 0.15, dashArray: null };

export function createWhoWasThereMap(element, dotnet) {
  element.classList.add("fence-editor");
  return mountMap(element, { controls: true }, async ({ map, scale, regions, onResize, renderer }) => {
    const { countyBounds, labelled } = await regions();
    fitView(map, countyBounds, labelled, scale);
    onResize(() => map.invalidateSize());

    const { draft, toolInUse, load } = attachAreaDraft(map, element, scale, (area) => {
      // For a drawn area, data-centre is the middle of its bounds (the server measures from its centroid).
      const middle = area ? draft.getBounds().getCenter() : null;
      element.dataset.centre = middle ? `${middle.lat.toFixed(6)},${middle.lng.toFixed(6)}` : "";
      dotnet.invokeMethodAsync("AreaChanged", area).catch(() => {});
    });
    const circleLayer = L.layerGroup().addTo(map);
    const found = L.layerGroup().addTo(map);
    let mode = "area";
    let centre = null;
    let radius = 500;

    const drawCircle = () => {
      circleLayer.clearLayers();
      if (mode === "circle" && centre) {
        L.circle(centre, { ...circleStyle, weight: 2 * scale, radius, pmIgnore: true, interactive: false }).addTo(circleLayer);
        L.circleMarker(centre, { radius: 4 * scale, color: circleStyle.color, fillOpacity: 1, pmIgnore: true, interactive: false }).addTo(circleLayer);
      }
      element.dataset.centre = centre ? `${centre.lat.toFixed(6)},${centre.lng.toFixed(6)}` : "";
    };

    // In circle mode a click on the map (no drawing tool in use) picks the centre.
    map.on("click", (event) => {
      if (mode !== "circle" || toolInUse()) {
        return;
      }
      centre = event.latlng;
      drawCircle();
      dotnet.invokeMethodAsync("CentrePicked", centre.lat, centre.lng).catch(() => {});
    });

    element.dataset.mode = mode;
    element.dataset.found = "";
    return {
      // "area": the drawing tools' polygon or rectangle; "circle": the picked centre and the radius.
      setMode(newMode, newRadius) {
        if (newMode !== mode) {
          mode = newMode;
          element.dataset.mode = mode;
          map.pm.disableDraw();
          if (mode === "circle") {
            load(null);
            map.pm.removeControls();
          } else {
            centre = null;
            map.pm.addControls({
              position: "topleft", drawMarker: false, drawCircleMarker: false, drawPolyline: false, drawCircle: false, drawText: false, rotateMode: false,
            });
          }
        }
        radius = newRadius;
        drawCircle();
      },
      // The people found: a dot at each one's closest fix, with their case number.
      showPeople(people) {
        found.clearLayers();
        for (const person of people) {
          L.circleMarker([person.latitude, person.longitude], {
            renderer, radius: 6 * scale, color: "#0b1726", weight: 1.5 * scale, fillColor: colours.person, fillOpacity: 0.95, pmIgnore: true,
          })
            .bindTooltip(asText(person.code), { direction: "top" })
            .addTo(found);
        }
        element.dataset.found = String(people.length);
        const shape = mode === "circle" ? circleLayer : draft;
        if (shape.getLayers().length > 0) {
          map.fitBounds(L.featureGroup(shape.getLayers()).getBounds(), { padding: [60 * scale, 60 * scale], maxZoom: 17 });
        }
      },
    };
  });
}
