// The fences editor's map: every fence in its colour (a click chooses it), and the fence being edited as
// Geoman layers that can be drawn, reshaped, cut (holes) and removed. Whatever the drawing tools do, the
// page is told the resulting area as one GeoJSON Polygon or MultiPolygon, or null when nothing is drawn.
import L from "leaflet";
import { attachAreaDraft } from "./area-draft.js";
import { asText, fenceStyle, fitView, mountMap } from "./base-map.js";

const inactive = { color: "#8c8c8c", dashArray: "4 4", fillOpacity: 0.05 };

export function createFenceEditor(element, dotnet) {
  element.classList.add("fence-editor");
  return mountMap(element, { controls: true }, async ({ map, scale, regions, onResize }) => {
    const { countyBounds, labelled } = await regions();
    fitView(map, countyBounds, labelled, scale);
    onResize(() => map.invalidateSize());

    const overview = L.layerGroup().addTo(map);
    const { toolInUse, load } = attachAreaDraft(map, element, scale, (area) =>
      dotnet.invokeMethodAsync("AreaChanged", area).catch(() => {}),
    );

    return {
      show(fences, editingId) {
        overview.clearLayers();
        for (const fence of fences) {
          if (fence.id === editingId) {
            continue;
          }
          L.geoJSON(fence.area, {
            pmIgnore: true,
            style: () => ({ ...fenceStyle(fence.kind, scale), ...(fence.active ? {} : inactive) }),
          })
            .bindTooltip(asText(fence.name), { sticky: true })
            .on("click", () => {
              if (!toolInUse()) {
                dotnet.invokeMethodAsync("FenceClicked", fence.id).catch(() => {});
              }
            })
            .addTo(overview);
        }
        element.dataset.fences = String(fences.length);
      },
      // Puts an area (GeoJSON text, or null for a new fence) into the draft, replacing what was there.
      edit(areaJson) {
        load(areaJson);
      },
    };
  });
}
