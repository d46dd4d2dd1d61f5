// The one area editor of the product: Geoman's drawing tools on a draft layer (draw polygons and rectangles,
// reshape, drag, cut holes, remove), reporting after every change the area they leave as one GeoJSON
// Polygon or MultiPolygon in RFC 7946 winding, or null when nothing is drawn. The fence editor and the
// squads' set-up page both draw their areas with it.
import L from "leaflet";
import "@geoman-io/leaflet-geoman-free";
import "./fence-editor.css";

// The polygons' rings of a layer or group, however Geoman left them (a cut may yield a MultiPolygon).
function polygonsOf(layer) {
  const geometry = layer.toGeoJSON(7);
  const features = geometry.type === "FeatureCollection" ? geometry.features : [geometry];
  const polygons = [];
  for (const feature of features) {
    const shape = feature.geometry ?? feature;
    if (shape.type === "Polygon") {
      polygons.push(shape.coordinates);
    } else if (shape.type === "MultiPolygon") {
      polygons.push(...shape.coordinates);
    }
  }
  return polygons;
}

// Twice the signed area of a ring of [lon, lat]: positive when it runs counter-clockwise.
function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum;
}

// RFC 7946 winding (outer rings counter-clockwise, holes clockwise), which Geoman does not keep: the
// server would otherwise report a repair for every shape drawn the other way round.
function rewound(rings) {
  return rings.map((ring, i) => (signedArea(ring) > 0 === (i === 0) ? ring : [...ring].reverse()));
}

function areaOf(group) {
  const polygons = [];
  group.eachLayer((layer) => polygons.push(...polygonsOf(layer).map(rewound)));
  if (polygons.length === 0) {
    return null;
  }
  return polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons };
}

/**
 * Puts the drawing tools on the map. `onArea(json)` hears the draft's area (GeoJSON text or null) after each
 * change; the element's data-drawn and data-rings say how many polygons and rings are drawn. Answers the
 * draft group, whether a tool is in use (a click then belongs to it), and `load(areaJson, { fit })`, which
 * replaces the draft without reporting it back.
 */
export function attachAreaDraft(map, element, scale, onArea) {
  const draft = L.featureGroup().addTo(map);
  let quiet = false;

  map.pm.setLang(document.documentElement.lang.startsWith("zh") ? "zh" : "en");
  map.pm.setGlobalOptions({
    layerGroup: draft,
    allowSelfIntersection: false,
    snappable: true,
    pathOptions: { color: "#ffc53d", weight: 2 * scale, fillOpacity: 0.2 },
  });
  map.pm.addControls({
    position: "topleft",
    drawMarker: false,
    drawCircleMarker: false,
    drawPolyline: false,
    drawCircle: false,
    drawText: false,
    rotateMode: false,
  });

  const toolInUse = () =>
    map.pm.globalDrawModeEnabled() || map.pm.globalEditModeEnabled() || map.pm.globalDragModeEnabled() ||
    map.pm.globalRemovalModeEnabled() || map.pm.globalCutModeEnabled();

  const report = () => {
    if (quiet) {
      return;
    }
    const area = areaOf(draft);
    const polygons = area ? (area.type === "Polygon" ? [area.coordinates] : area.coordinates) : [];
    element.dataset.drawn = String(polygons.length);
    element.dataset.rings = String(polygons.reduce((sum, rings) => sum + rings.length, 0));
    onArea(area ? JSON.stringify(area) : null);
  };
  // The draft group hears its members' edits; adding and removing covers drawing, cutting and removal.
  draft.on("layeradd layerremove pm:edit pm:dragend", report);

  const load = (areaJson, { fit = true } = {}) => {
    quiet = true;
    map.pm.disableDraw();
    draft.clearLayers();
    if (areaJson) {
      const area = JSON.parse(areaJson);
      const polygons = area.type === "MultiPolygon" ? area.coordinates : [area.coordinates];
      for (const rings of polygons) {
        L.polygon(rings.map((ring) => ring.map(([lon, lat]) => [lat, lon])), map.pm.getGlobalOptions().pathOptions).addTo(draft);
      }
      if (fit) {
        map.fitBounds(draft.getBounds(), { padding: [60 * scale, 60 * scale], maxZoom: 16 });
      }
    }
    quiet = false;
    element.dataset.drawn = String(draft.getLayers().length);
  };

  return { draft, toolInUse, load };
}
