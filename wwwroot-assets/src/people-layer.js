// All people on one canvas. They are kept in flat typed arrays, one slot per person, with their Web Mercator
// position worked out once when they move: a frame of 50,000 positions only writes numbers and marks the layer
// dirty, and the next animation frame turns every position into a screen point with one multiply-add per axis,
// clusters them and draws what is in view, one path per colour. Frames arriving while one is being drawn only
// overwrite the arrays, so the wall always draws the newest picture and never a stale one. Where many people
// share a small patch of screen they are drawn as one bubble with their number.
import L from "leaflet";
import { alert, gridClusters, normal, pending } from "./grid-clusters.js";

const codes = { normal, pending, alert };
const colours = ["#3ddc97", "#ffc53d", "#ff4d4f"];

// Leaflet's default projection (EPSG:3857, spherical Mercator), the one the wall's map uses.
const earthRadius = 6378137;
const maxLatitude = 85.0511287798;
const radians = Math.PI / 180;
const mercatorX = (longitude) => earthRadius * longitude * radians;
const mercatorY = (latitude) => {
  const sin = Math.sin(Math.max(Math.min(maxLatitude, latitude), -maxLatitude) * radians);
  return (earthRadius * Math.log((1 + sin) / (1 - sin))) / 2;
};

// Where the arrays start and how they grow: a county's people fit without regrowing more than a few times.
const firstCapacity = 1024;

// Subject ids below this find their slot in a flat array (4 bytes an id, 64 MB at most); larger ones in a Map.
const denseIds = 1 << 24;

// Which slot holds a subject: a frame looks up every one of its 50,000 people, and a typed array indexed by the
// id answers several times faster than a Map. Ids are database keys, small and dense in practice.
class SlotIndex {
  constructor() {
    this._dense = new Int32Array(0);
    this._sparse = new Map();
  }

  get(id) {
    if (id >= 0 && id < this._dense.length) {
      const slot = this._dense[id];
      return slot >= 0 ? slot : undefined;
    }
    return this._sparse.get(id);
  }

  set(id, slot) {
    if (Number.isInteger(id) && id >= 0 && id < denseIds) {
      if (id >= this._dense.length) {
        const grown = new Int32Array(Math.min(denseIds, Math.max(firstCapacity, id + 1, this._dense.length * 2))).fill(-1);
        grown.set(this._dense);
        this._dense = grown;
      }
      this._dense[id] = slot;
    } else {
      this._sparse.set(id, slot);
    }
  }
}

export const PeopleLayer = L.Layer.extend({
  initialize(options) {
    this._scale = options.scale ?? 1;
    this._clusterCell = options.clusterCell ?? 28;
    this._clusterAt = options.clusterAt ?? 6;
    this._slots = new SlotIndex();
    this._count = 0;
    this._grow(firstCapacity);
    this._frame = null;
    this._cluster = gridClusters;
    this.clustering = "grid";
    this.stats = { draws: 0, lastDrawMs: 0, maxDrawMs: 0, lastClusterMs: 0 };
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
    const slot = this._slotOf(id);
    this._place(slot, latitude, longitude);
    this._states[slot] = codes[state] ?? normal;
    this._schedule();
  },

  /**
   * Moves many people at once, as a positions frame packs them: subjects[i] is at latitudes[i] and
   * longitudes[i], each in 1/divisor of a degree. Everyone moved is drawn as normal: the caller then marks the
   * few pending or in alert with setState. A person whose place did not change keeps their Mercator metres.
   */
  moveMany(count, subjects, latitudes, longitudes, divisor) {
    for (let i = 0; i < count; i++) {
      const slot = this._slotOf(subjects[i]);
      const latitude = latitudes[i] / divisor;
      const longitude = longitudes[i] / divisor;
      if (this._lats[slot] !== latitude || this._lngs[slot] !== longitude) {
        this._place(slot, latitude, longitude);
      }
      this._states[slot] = normal;
    }
    this._schedule();
  },

  setState(id, state) {
    const slot = this._slots.get(id);
    const code = codes[state];
    if (slot !== undefined && this._states[slot] !== code) {
      this._states[slot] = code;
      this._schedule();
    }
  },

  /**
   * Chooses how crowded people are bubbled: "grid" (the own clustering) or "supercluster", loaded on demand.
   * The wall benchmark switches between them to measure both on the same page.
   */
  async useClustering(name) {
    if (name === "supercluster") {
      const { superClusters } = await import("./super-clusters.js");
      this._cluster = superClusters;
    } else {
      this._cluster = gridClusters;
    }
    this.clustering = name;
    this.stats.maxDrawMs = 0;
    this._schedule();
  },

  // A method, not a getter: Leaflet copies class members by value when it builds the class.
  size() {
    return this._count;
  },

  _slotOf(id) {
    let slot = this._slots.get(id);
    if (slot === undefined) {
      if (this._count === this._ids.length) {
        this._grow(this._ids.length * 2);
      }
      slot = this._count++;
      this._slots.set(id, slot);
      this._ids[slot] = id;
    }
    return slot;
  },

  _place(slot, latitude, longitude) {
    this._lats[slot] = latitude;
    this._lngs[slot] = longitude;
    this._mercatorX[slot] = mercatorX(longitude);
    this._mercatorY[slot] = mercatorY(latitude);
  },

  _grow(capacity) {
    const copy = (Type, old) => {
      const grown = new Type(capacity);
      if (old) grown.set(old);
      return grown;
    };
    this._ids = copy(Int32Array, this._ids);
    this._lats = copy(Float64Array, this._lats);
    this._lngs = copy(Float64Array, this._lngs);
    this._mercatorX = copy(Float64Array, this._mercatorX);
    this._mercatorY = copy(Float64Array, this._mercatorY);
    this._states = copy(Uint8Array, this._states);
    this._xs = new Float64Array(capacity);
    this._ys = new Float64Array(capacity);
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

  // The screen point of every person. Leaflet's pixel position is linear in Mercator metres at a given zoom,
  // so two points Leaflet projects itself give the scale and offset of each axis.
  _toScreen() {
    const map = this._map;
    const origin = map.getPixelOrigin();
    const pane = map.containerPointToLayerPoint([0, 0]);
    const zero = map.project([0, 0]);
    const reference = map.project([45, 90]);
    const scaleX = (reference.x - zero.x) / mercatorX(90);
    const scaleY = (reference.y - zero.y) / mercatorY(45);
    const offsetX = zero.x - origin.x - pane.x;
    const offsetY = zero.y - origin.y - pane.y;
    const { _mercatorX: mx, _mercatorY: my, _xs: xs, _ys: ys } = this;
    for (let i = 0; i < this._count; i++) {
      xs[i] = mx[i] * scaleX + offsetX;
      ys[i] = my[i] * scaleY + offsetY;
    }
  },

  _draw() {
    const started = performance.now();
    const map = this._map;
    const context = this._context;
    const size = map.getSize();
    context.clearRect(0, 0, size.x, size.y);

    this._toScreen();
    const bubbleRadius = (count) => (9 + Math.min(14, Math.sqrt(count) * 1.6)) * this._scale;
    const points = { count: this._count, xs: this._xs, ys: this._ys, states: this._states, lats: this._lats, lngs: this._lngs };
    const { dots, bubbles } = this._cluster(points, {
      map,
      width: size.x,
      height: size.y,
      cell: this._clusterCell * this._scale,
      clusterAt: this._clusterAt,
      bubbleRadius,
    });
    const clustered = performance.now();

    // Single dots: one path per colour.
    const radius = 4 * this._scale;
    const { _xs: xs, _ys: ys, _states: states } = this;
    for (const state of [normal, pending, alert]) {
      context.beginPath();
      for (const i of dots) {
        if (states[i] !== state) {
          continue;
        }
        context.moveTo(xs[i] + radius, ys[i]);
        context.arc(xs[i], ys[i], radius, 0, Math.PI * 2);
      }
      context.fillStyle = colours[state];
      context.fill();
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

    const finished = performance.now();
    this.stats.draws++;
    this.stats.lastClusterMs = clustered - started;
    this.stats.lastDrawMs = finished - started;
    this.stats.maxDrawMs = Math.max(this.stats.maxDrawMs, finished - started);
  },
});
