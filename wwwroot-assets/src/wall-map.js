// The wall's live map: the offline base map (county and neighbours), the fences, one marker per
// subject. Positions arrive from the hub in frames and move markers directly, without Blazor.
// After a cut it asks the hub for what it missed, or reloads its picture when the server cannot say.
// A region wall (one squad's area) asks the hub and the APIs for that squad's only: the server sends it
// nothing of the others.
import L from "leaflet";
import { AlertLayer } from "./alert-layer.js";
import { fenceStyle, fitView, getJson, mountMap } from "./base-map.js";
import { Chime } from "./chime.js";
import { connectToHub } from "./live-connection.js";
import { LiveCursor } from "./live-cursor.js";
import { PeopleLayer } from "./people-layer.js";
import { PositionsFrameReader } from "./positions-frame.js";

// Fences have a canvas of their own, laid between the regions and the people, so redrawing them after
// an edit keeps them under the markers.
// The most alerts the API gives in one page.
const alertPage = 500;

function drawFences(map, fences, scale, renderer) {
  return L.geoJSON(fences, {
    renderer,
    interactive: false,
    filter: (feature) => feature.properties.kind !== "Inclusion" || feature.properties.scope !== "AllSubjects",
    style: (feature) => fenceStyle(feature.properties.kind, scale),
  }).addTo(map);
}

// The frame times kept for the benchmark: from a hub frame's arrival to the canvas drawn after it.
const framesKept = 2000;

// A frame's coordinates are whole millionths of a degree (the server's PositionsFrame.Scale).
const wireScale = 1_000_000;

export function createWallMap(element, dotnet, soundHint, chimeSettings, region) {
  const scoped = (url) => (region == null ? url : `${url}${url.includes("?") ? "&" : "?"}squad=${region}`);
  element.dataset.region = region == null ? "" : String(region);
  return mountMap(element, {}, async ({ map, scale, regions, load, onResize, onClose }) => {
    const people = new PeopleLayer({ scale });
    const alerts = new AlertLayer(map, scale);
    const cursor = new LiveCursor(`wall-cursor:${region ?? "county"}`);
    const chime = new Chime(element, soundHint, chimeSettings);
    onClose(() => chime.dispose());

    const notify = (method, value) => dotnet.invokeMethodAsync(method, value).catch((error) => console.warn(`${method} did not reach the server`, error));
    let reported = -1;
    const reportCount = () => {
      if (people.size() !== reported) {
        reported = people.size();
        element.dataset.markers = String(people.size());
        notify("MarkersChanged", people.size());
      }
    };

    // A subject with an open alert stays red; one seen beyond a fence but not yet confirmed (GPS drift is
    // still possible) is amber, so the hall sees a crossing coming before it becomes an alert.
    const stateOf = (subjectId, pending) => (alerts.hasOpenAlert(subjectId) ? "alert" : pending ? "pending" : "normal");

    const seen = (sequence) => {
      cursor.see(sequence);
      element.dataset.sequence = String(cursor.lastSeen);
    };

    // One packed frame of positions from the hub: markers move without any Blazor render. Everyone in it is
    // drawn as normal, then the few pending and those with an open alert are marked (every subject with an open
    // alert is already red, so marking them all again changes only those the frame carried).
    const reader = new PositionsFrameReader();
    const applyFrame = (frame) => {
      const count = reader.read(frame);
      people.moveMany(count, reader.subjects, reader.latitudes, reader.longitudes, wireScale);
      for (const subjectId of frame.pending) {
        people.setState(subjectId, stateOf(subjectId, true));
      }
      for (const subjectId of alerts.subjectsWithOpenAlerts()) {
        people.setState(subjectId, "alert");
      }
      seen(frame.sequence);
      reportCount();
    };

    // Alert messages, live or replayed, in the order they were numbered. A batch of new critical alerts
    // (a replay after a cut) chimes once, not once for each. `raised` names the messages of a replay that
    // raised an alert: after a reload the first picture already shows those alerts, and a critical one still
    // unanswered chimes all the same.
    const applyAlerts = (results, { chimes, raised = null }) => {
      let critical = false;
      let outside = false;
      for (const { alert, outcome } of results) {
        critical ||= raised?.has(alert.sequence) === true && alert.severity === "Critical" && alerts.stateOf(alert.alertId) === "Raised";
        if (outcome === "ignored") {
          continue;
        }
        people.setState(alert.subjectId, stateOf(alert.subjectId, false));
        critical ||= outcome === "new" && alert.severity === "Critical" && alert.state === "Raised";
        outside ||= outcome === "new" && alert.latitude != null && !map.getBounds().contains([alert.latitude, alert.longitude]);
      }
      element.dataset.alerts = alerts.ids().join(",");
      if (critical && chimes) {
        chime.ring();
      }
      // Someone who left the county must still be on the wall: widen the view to take them in.
      if (outside) {
        fitToView();
      }
    };
    const receive = (messages, options) => {
      const results = [];
      for (const alert of messages) {
        seen(alert.sequence);
        results.push({ alert, outcome: alerts.apply(alert) });
      }
      applyAlerts(results, options);
    };

    const [{ countyBounds, labelled }, fences] = await Promise.all([regions(), load(getJson("/api/v1/map/fences"))]);
    const fenceRenderer = L.canvas();
    let fenceLayer = drawFences(map, fences, scale, fenceRenderer);
    element.dataset.fences = String(fences.features.length);
    people.addTo(map);

    // Where the region's people were at the first paint: a region wall shows their area rather than the county.
    let regionBounds = null;

    // Neighbours whose label would fall at the edge of the view stay unlabelled rather than cut off.
    function fitToView() {
      const around = regionBounds ?? countyBounds;
      const view = L.latLngBounds(around.getSouthWest(), around.getNorthEast());
      for (const point of alerts.latLngs()) {
        view.extend(point);
      }
      fitView(map, view, labelled, scale);
    }
    fitToView();
    onResize(fitToView);

    // Every open alert, newest first, page by page: a province can have more open than one page holds.
    const openAlertPages = async () => {
      const all = [];
      for (let page = await getJson(scoped(`/api/v1/alerts?limit=${alertPage}`)); ; ) {
        all.push(...page);
        if (page.length < alertPage) {
          return all;
        }
        page = await getJson(scoped(`/api/v1/alerts?limit=${alertPage}&before=${page[page.length - 1].alertId}`));
      }
    };

    // The latest positions and the open alerts from the API: the first paint, and the picture after a
    // gap too long to replay or numbers of another database. Nothing open before is chimed for again.
    const loadPicture = async ({ chimes }) => {
      const before = cursor.lastSeen;
      const [positions, openAlerts] = await load(Promise.all([getJson(scoped("/api/v1/map/positions")), openAlertPages()]));
      for (const update of positions) {
        people.set(update.subjectId, update.latitude, update.longitude, stateOf(update.subjectId, update.pending));
      }
      seen(0);
      reportCount();
      if (region != null && positions.length > 0 && regionBounds === null) {
        regionBounds = L.latLngBounds(positions.map((p) => [p.latitude, p.longitude])).pad(0.15);
      }
      const sequence = openAlerts[0]?.sequence ?? before;
      seen(sequence);
      applyAlerts(alerts.reconcile(openAlerts.reverse(), sequence), { chimes });
    };

    // After every (re)connect: what was missed, in order; one catch-up at a time.
    let catchingUp = Promise.resolve();
    const catchUp = () => {
      const mark = cursor.mark();
      catchingUp = catchingUp.then(async () => {
        try {
          const replay = await cursor.missed(live.connection, mark);
          if (replay.reset) {
            alerts.restartNumbering();
            await loadPicture({ chimes: true });
          } else {
            receive(replay.alerts, { chimes: true, raised: replay.raised });
          }
        } catch (error) {
          cursor.rewind(mark);
          console.warn("Could not catch up after connecting", error);
        }
      });
    };

    const live = connectToHub(
      scoped("/hubs/wall"),
      (state) => {
        element.dataset.connection = state;
        notify("ConnectionChanged", state);
      },
      { onConnected: catchUp },
    );
    onClose(() => live.stop());
    // Each hub frame is timed from its arrival to the canvas drawn after it (the layer's draw is the first
    // animation-frame callback it asked for, so the one asked for here runs after it), with the parts of it:
    // writing the frame into the layer, and the clustering and drawing of the canvas.
    const frameTimes = [];
    live.connection.on("positionsFrame", (frame) => {
      const began = performance.now();
      applyFrame(frame);
      const applyMs = performance.now() - began;
      requestAnimationFrame(() => {
        frameTimes.push({
          ms: performance.now() - began,
          applyMs,
          clusterMs: people.stats.lastClusterMs,
          drawMs: people.stats.lastDrawMs,
          updates: frame.count,
          delayMs: Date.now() - Date.parse(frame.at),
        });
        if (frameTimes.length > framesKept) {
          frameTimes.shift();
        }
      });
    });
    // Someone saved a fence: draw the fences as they now are.
    live.connection.on("fencesChanged", async () => {
      const changed = await getJson("/api/v1/map/fences");
      const next = drawFences(map, changed, scale, fenceRenderer);
      fenceLayer.remove();
      fenceLayer = next;
      element.dataset.fences = String(changed.features.length);
    });
    // The site chose another county: the base map, the view and the header all change, so the wall starts afresh.
    live.connection.on("mapChanged", () => window.location.reload());
    live.connection.on("alertRaised", (alert) => receive([alert], { chimes: true }));
    // A closed alert stops pulsing and its subject turns back from red; the desk keeps the record.
    live.connection.on("alertChanged", (alert) => receive([alert], { chimes: false }));
    live.connection.on("transitionPending", (transition) => {
      seen(transition.sequence);
      people.setState(transition.subjectId, stateOf(transition.subjectId, transition.change === "Started"));
    });

    // First paint; the hub then keeps it current, and its first catch-up covers what happened in between.
    await loadPicture({ chimes: false });
    if (regionBounds !== null) {
      fitToView();
    }
    reportCount();
    element.dataset.ready = "true";
    live.start();

    const api = {
      stats: people.stats,
      setChime: (settings) => chime.configure(settings),
      // For the wall benchmark: the clustering in use, and the frame times heard since the last call.
      useClustering: (name) => people.useClustering(name),
      takeFrameTimes: () => frameTimes.splice(0, frameTimes.length),
    };
    element.wallMap = api;
    return api;
  });
}
