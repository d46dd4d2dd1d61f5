// All people on one canvas: a position update only marks the layer dirty, and the next animation frame
// draws every dot in one path per colour. Where many people share a small patch of screen they are
// drawn as one bubble with their number, so 10,000 moving markers stay cheap and legible.
import L from "leaflet";

const colours = {
  normal: "#3ddc97",
  pending: "#ffc53d",
  alert: "#ff4d4f",
};

export const PeopleLayer = L.Layer.extend({
  initialize(options) {
    this._scale = options.scale ?? 1;
    this._clusterCell = options.clusterCell ?? 28;
    this._clusterAt = options.clusterAt ?? 6;
    this._people = new Map();
    this._frame = null;
    this.stats = { draws: 0, lastDrawMs: 0, maxDrawMs: 0 };
  },

  onAdd(map) {
    this._canvas = L.DomUtil.create("canvas", "people-layer leaflet-zoom-hide");
    this._context = this._canvas.getContext("2d");
    map.getPanes().overlayPane.appendChild(this._canvas);
    map.on("moveend zoomend resize viewreset", this._reset, this);
    this._reset();
  },

  onRemove(map) {
    map.off("moveend zoomend resize viewreset", this._reset, this);
    if (this._frame) {
      cancelAnimationFrame(this._frame);
    }
    this._canvas.remove();
  },

  /** Places or moves one person; state is normal, pending (a transition being confirmed) or alert. */
  set(id, latitude, longitude, state = "normal") {
    const known = this._people.get(id);
    if (known) {
      known.lat = latitude;
      known.lng = longitude;
      known.state = state ?? known.state;
    } else {
      this._people.set(id, { lat: latitude, lng: longitude, state: state ?? "normal" });
    }
    this._schedule();
  },

  setState(id, state) {
    const known = this._people.get(id);
    if (known && known.state !== state) {
      known.state = state;
      this._schedule();
    }
  },

  // A method, not a getter: Leaflet copies class members by value when it builds the class.
  size() {
    return this._people.size;
  },

  _schedule() {
    if (!this._frame && this._map) {
      this._frame = requestAnimationFrame(() => {
        this._frame = null;
        this._draw();
      });
    }
  },

  _reset() {
    const map = this._map;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    L.DomUtil.setPosition(this._canvas, map.containerPointToLayerPoint([0, 0]));
    this._canvas.width = size.x * ratio;
    this._canvas.height = size.y * ratio;
    this._canvas.style.width = `${size.x}px`;
    this._canvas.style.height = `${size.y}px`;
    this._context.setTransform(ratio, 0, 0, ratio, 0, 0);
    this._draw();
  },

  _draw() {
    const started = performance.now();
    const map = this._map;
    const context = this._context;
    const size = map.getSize();
    context.clearRect(0, 0, size.x, size.y);

    // Project once, and count people per screen cell to decide where to cluster.
    const cell = this._clusterCell * this._scale;
    const cells = new Map();
    const projected = [];
    for (const person of this._people.values()) {
      const point = map.latLngToContainerPoint([person.lat, person.lng]);
      if (point.x < -cell || point.y < -cell || point.x > size.x + cell || point.y > size.y + cell) {
        continue;
      }
      const key = Math.floor(point.x / cell) * 100000 + Math.floor(point.y / cell);
      let group = cells.get(key);
      if (!group) {
        group = { x: 0, y: 0, count: 0, alert: 0, pending: 0 };
        cells.set(key, group);
      }
      group.x += point.x;
      group.y += point.y;
      group.count++;
      if (person.state === "alert") group.alert++;
      if (person.state === "pending") group.pending++;
      projected.push({ point, state: person.state, group });
    }

    // Single dots: one path per colour. People in crowded cells are left to their cluster bubble,
    // except those in alert, who are always drawn on their own.
    const radius = 4 * this._scale;
    for (const state of ["normal", "pending", "alert"]) {
      context.beginPath();
      for (const { point, state: personState, group } of projected) {
        if (personState !== state || (group.count >= this._clusterAt && state !== "alert")) {
          continue;
        }
        context.moveTo(point.x + radius, point.y);
        context.arc(point.x, point.y, radius, 0, Math.PI * 2);
      }
      context.fillStyle = colours[state];
      context.fill();
    }

    // Bubbles of neighbouring cells would overlap: the larger swallows the smaller until none touch.
    const bubbles = [];
    const bubbleRadius = (count) => (9 + Math.min(14, Math.sqrt(count) * 1.6)) * this._scale;
    const crowded = [...cells.values()].filter((g) => g.count >= this._clusterAt).sort((a, b) => b.count - a.count);
    for (const group of crowded) {
      const x = group.x / group.count;
      const y = group.y / group.count;
      const into = bubbles.find((b) => Math.hypot(b.x - x, b.y - y) < bubbleRadius(b.count) + bubbleRadius(group.count));
      if (into) {
        into.x = (into.x * into.count + x * group.count) / (into.count + group.count);
        into.y = (into.y * into.count + y * group.count) / (into.count + group.count);
        into.count += group.count;
        into.pending += group.pending;
      } else {
        bubbles.push({ x, y, count: group.count, pending: group.pending });
      }
    }

    context.font = `700 ${Math.round(11 * this._scale)}px sans-serif`;
    context.textAlign = "center";
    context.textBaseline = "middle";
    for (const bubble of bubbles) {
      const r = bubbleRadius(bubble.count);
      context.beginPath();
      context.arc(bubble.x, bubble.y, r, 0, Math.PI * 2);
      context.fillStyle = bubble.pending > 0 ? "rgba(255, 197, 61, 0.85)" : "rgba(61, 220, 151, 0.85)";
      context.fill();
      context.lineWidth = 2 * this._scale;
      context.strokeStyle = "rgba(7, 17, 31, 0.9)";
      context.stroke();
      context.fillStyle = "#07111f";
      context.fillText(String(bubble.count), bubble.x, bubble.y + 0.5);
    }

    const elapsed = performance.now() - started;
    this.stats.draws++;
    this.stats.lastDrawMs = elapsed;
    this.stats.maxDrawMs = Math.max(this.stats.maxDrawMs, elapsed);
  },
});
