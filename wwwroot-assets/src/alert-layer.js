// The open alerts the wall shows: one entry, and at most one pulsing marker, per alert id. A message about an
// alert already shown updates it rather than drawing it again, and a message older than what is shown is
// ignored: after a reconnect the replay of what was missed can overlap what had already arrived live.
import L from "leaflet";

const closedStates = new Set(["Resolved", "Dismissed"]);

// Enough pulsing markers to see where trouble is; more would only hide the map.
const markerLimit = 30;

// Alert ids remembered after they closed, so a late replay of an old message is recognised as old.
const memoryLimit = 20000;

export class AlertLayer {
  constructor(map, scale) {
    this.map = map;
    this.scale = scale;
    this.open = new Map();
    this.markers = new Map();
    this.versions = new Map();
    this.openPerSubject = new Map();
  }

  /** Applies one alert message; answers "new" (never seen before), "updated", "closed" or "ignored". */
  apply(alert) {
    const id = alert.alertId;
    const known = this.versions.get(id);
    if (known !== undefined && alert.sequence < known) {
      return "ignored";
    }
    this.versions.set(id, alert.sequence);
    this.forgetOldest();

    if (closedStates.has(alert.state)) {
      this.close(id);
      return "closed";
    }
    if (!this.open.has(id)) {
      this.openPerSubject.set(alert.subjectId, (this.openPerSubject.get(alert.subjectId) ?? 0) + 1);
    }
    this.open.set(id, alert);
    this.place(alert);
    return known === undefined ? "new" : "updated";
  }

  /**
   * Takes a fresh picture from the API, read when the server's numbering stood at `sequence`: alerts it
   * does not list were closed meanwhile, unless a newer message about them arrived while it was read.
   */
  reconcile(openAlerts, sequence) {
    const listed = new Set(openAlerts.map((alert) => alert.alertId));
    const closed = [];
    for (const [id, alert] of [...this.open]) {
      if (!listed.has(id) && (this.versions.get(id) ?? -Infinity) <= sequence) {
        this.close(id);
        closed.push({ alert, outcome: "closed" });
      }
    }
    return [...closed, ...openAlerts.map((alert) => ({ alert, outcome: this.apply({ ...alert, sequence }) }))];
  }

  /** The server started afresh and numbers from 1 again: what is known stays known, but no longer counts as newer. */
  restartNumbering() {
    for (const id of this.versions.keys()) {
      this.versions.set(id, -Infinity);
    }
  }

  /** The state of an open alert as last heard, or undefined once it closed or if it was never shown. */
  stateOf(alertId) {
    return this.open.get(alertId)?.state;
  }

  hasOpenAlert(subjectId) {
    return (this.openPerSubject.get(subjectId) ?? 0) > 0;
  }

  /** The subjects with at least one open alert. */
  subjectsWithOpenAlerts() {
    return this.openPerSubject.keys();
  }

  ids() {
    return [...this.open.keys()].sort((a, b) => a - b);
  }

  latLngs() {
    return [...this.markers.values()].map((marker) => marker.getLatLng());
  }

  close(id) {
    const alert = this.open.get(id);
    if (!alert) {
      return;
    }
    this.open.delete(id);
    const left = (this.openPerSubject.get(alert.subjectId) ?? 1) - 1;
    if (left > 0) {
      this.openPerSubject.set(alert.subjectId, left);
    } else {
      this.openPerSubject.delete(alert.subjectId);
    }
    this.markers.get(id)?.remove();
    this.markers.delete(id);
  }

  place(alert) {
    if (alert.latitude == null || alert.longitude == null) {
      return;
    }
    const icon = L.divIcon({ className: `alert-pulse sev-${alert.severity.toLowerCase()}`, iconSize: [28 * this.scale, 28 * this.scale] });
    const existing = this.markers.get(alert.alertId);
    if (existing) {
      existing.setLatLng([alert.latitude, alert.longitude]);
      existing.setIcon(icon);
    } else {
      this.markers.set(alert.alertId, L.marker([alert.latitude, alert.longitude], { icon, interactive: false, keyboard: false }).addTo(this.map));
      for (const [id, marker] of this.markers) {
        if (this.markers.size <= markerLimit) {
          break;
        }
        marker.remove();
        this.markers.delete(id);
      }
    }
    // Tests count the markers of one alert by this attribute; setIcon makes a new element, so it is set each time.
    this.markers.get(alert.alertId)?.getElement()?.setAttribute("data-alert-id", String(alert.alertId));
  }

  forgetOldest() {
    for (const id of this.versions.keys()) {
      if (this.versions.size <= memoryLimit) {
        return;
      }
      if (!this.open.has(id)) {
        this.versions.delete(id);
      }
    }
  }
}
