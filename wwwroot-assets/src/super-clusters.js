// The same picture as the own grid clustering, computed by supercluster: a KD-tree of the people in Web
// Mercator, clustered at the map's zoom within the same screen radius. Loaded only when asked for (the wall
// benchmark compares the two in one run), so the wall does not carry it otherwise.
import Supercluster from "supercluster";
import { alert, pending } from "./grid-clusters.js";

// Leaflet's tiles are 256 pixels: with the same extent a radius in supercluster's pixels is one on the screen.
const tileExtent = 256;

export function superClusters(points, { map, width, cell, clusterAt }) {
  const { count, lats, lngs, states } = points;
  // Supercluster clusters at whole zooms; the wall's zoom moves in quarters, so the radius shrinks to match.
  const zoom = map.getZoom();
  const whole = Math.floor(zoom);
  const index = new Supercluster({
    minZoom: whole,
    maxZoom: whole,
    minPoints: clusterAt,
    radius: cell / 2 ** (zoom - whole),
    extent: tileExtent,
    map: (properties) => ({ pending: properties.pending }),
    reduce: (sum, properties) => {
      sum.pending += properties.pending;
    },
  });

  const dots = [];
  const features = [];
  for (let i = 0; i < count; i++) {
    if (states[i] === alert) {
      dots.push(i);
    } else {
      features.push({ type: "Feature", properties: { index: i, pending: states[i] === pending ? 1 : 0 }, geometry: { type: "Point", coordinates: [lngs[i], lats[i]] } });
    }
  }
  index.load(features);

  const view = map.getBounds().pad(cell / Math.max(1, width));
  const bubbles = [];
  for (const feature of index.getClusters([view.getWest(), view.getSouth(), view.getEast(), view.getNorth()], whole)) {
    if (feature.properties.cluster) {
      const [lng, lat] = feature.geometry.coordinates;
      const point = map.latLngToContainerPoint([lat, lng]);
      bubbles.push({ x: point.x, y: point.y, count: feature.properties.point_count, pending: feature.properties.pending });
    } else {
      dots.push(feature.properties.index);
    }
  }
  return { dots, bubbles };
}
