// The squads' set-up map: every squad's area in its own colour with its base and name (a click chooses the
// squad), the chosen squad's area under the shared drawing tools, its base placed by a click after "pick the
// base", and the part of the county no squad covers hatched in red. The view stays on the county while the
// commander moves between squads, so an edge drawn along another squad's edge lands on the same places.
import L from "leaflet";
import { attachAreaDraft } from "./area-draft.js";
import { asText, fitView, mountMap } from "./base-map.js";

const palette = ["#36cfc9", "#73d13d", "#9254de", "#ff9c6e", "#4096ff", "#f759ab", "#bae637", "#ffd666"];

export function createSquadEditor(element, dotnet) {
  element.classList.add("fence-editor");
  return mountMap(element, { controls: true }, async ({ map, scale, regions, onResize }) => {
    const { countyBounds, labelled } = await regions();
    // A site whose county is not set yet has no regions: show China until it is.
    if (countyBounds.isValid()) {
      fitView(map, countyBounds, labelled, scale);
    } else {
      map.setView([35, 105], 4);
    }
    onResize(() => map.invalidateSize());

    const overview = L.layerGroup().addTo(map);
    const gap = L.layerGroup().addTo(map);
    const { toolInUse, load } = attachAreaDraft(map, element, scale, (area) =>
      dotnet.invokeMethodAsync("AreaChanged", area).catch(() => {}),
    );
    let baseMarker = null;
    let pickingBase = false;

    const placeBase = (latitude, longitude) => {
      if (baseMarker) {
        baseMarker.remove();
        baseMarker = null;
      }
      if (latitude !== null && longitude !== null) {
        baseMarker = L.circleMarker([latitude, longitude], {
          pmIgnore: true,
          radius: 8 * scale,
          color: "#ffc53d",
          weight: 3 * scale,
          fillColor: "#ffffff",
          fillOpacity: 0.9,
        }).addTo(map);
      }
      element.dataset.base = baseMarker ? "1" : "0";
    };

    map.on("click", (event) => {
      if (!pickingBase || toolInUse()) {
        return;
      }
      pickingBase = false;
      element.classList.remove("picking-base");
      const { lat, lng } = event.latlng;
      placeBase(lat, lng);
      dotnet.invokeMethodAsync("BaseChanged", lat, lng).catch(() => {});
    });

    return {
      show(squads, editingId) {
        overview.clearLayers();
        squads.forEach((squad, i) => {
          if (squad.id === editingId) {
            return;
          }
          const colour = palette[i % palette.length];
          L.geoJSON(JSON.parse(squad.area), {
            pmIgnore: true,
            style: () => ({ color: colour, weight: 2 * scale, fillColor: colour, fillOpacity: 0.18 }),
          })
            .bindTooltip(asText(squad.name), { sticky: true })
            .on("click", () => {
              if (!toolInUse() && !pickingBase) {
                dotnet.invokeMethodAsync("SquadClicked", squad.id).catch(() => {});
              }
            })
            .addTo(overview);
          L.circleMarker([squad.baseLatitude, squad.baseLongitude], {
            pmIgnore: true,
            interactive: false,
            radius: 5 * scale,
            color: colour,
            weight: 2 * scale,
            fillColor: "#ffffff",
            fillOpacity: 0.9,
          }).addTo(overview);
        });
        element.dataset.squads = String(squads.length);
      },
      // The chosen squad's area (GeoJSON text, or null for a new squad) and base (or nulls), replacing the draft.
      edit(areaJson, latitude, longitude) {
        load(areaJson, { fit: false });
        placeBase(latitude, longitude);
      },
      pickBase() {
        map.pm.disableDraw();
        pickingBase = true;
        element.classList.add("picking-base");
      },
      // The part of the county no squad covers (GeoJSON text), or null when there is none worth naming.
      showGap(gapJson) {
        gap.clearLayers();
        if (gapJson) {
          L.geoJSON(JSON.parse(gapJson), {
            pmIgnore: true,
            interactive: false,
            style: () => ({ color: "#ff4d4f", weight: 2 * scale, dashArray: `${4 * scale} ${3 * scale}`, fillColor: "#ff4d4f", fillOpacity: 0.35 }),
          }).addTo(gap);
        }
        element.dataset.gap = gapJson ? "1" : "0";
      },
    };
  });
}
