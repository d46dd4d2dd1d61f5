// All people on one canvas: a position update only marks the layer dirty, and the next animation frame
// draws every dot in one path per colour. Where many people share a small patch of screen they are
// drawn as one bubble with their number, so 50,000 moving markers stay cheap and legible.
import L from "leaflet";
import { gridClusters } from "./grid-clusters.js";

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
    this._cluster = gridClusters;
    this.clustering = "grid";
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

    const bubbleRadius = (count) => (9 + Math.min(14, Math.sqrt(count) * 1.6)) * this._scale;
    const { dots, bubbles } = this._cluster(this._people.values(), map, size, {
      cell: this._clusterCell * this._scale,
      clusterAt: this._clusterAt,
      bubbleRadius,
    });

    // Single dots: one path per colour.
    const radius = 4 * this._scale;
    for (const state of ["normal", "pending", "alert"]) {
      context.beginPath();
      for (const dot of dots) {
        if (dot.state !== state) {
          continue;
        }
        context.moveTo(dot.x + radius, dot.y);
        context.arc(dot.x, dot.y, radius, 0, Math.PI * 2);
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

    const elapsed = performance.now() - started;
    this.stats.draws++;
    this.stats.lastDrawMs = elapsed;
    this.stats.maxDrawMs = Math.max(this.stats.maxDrawMs, elapsed);
  },
});
