// The wall's own clustering: every person already on the screen is counted per square cell; a cell holding
// clusterAt people or more becomes one bubble with their number, and bubbles that would overlap are merged,
// the larger swallowing the smaller. One pass over flat arrays, no index to build and no object per person:
// at 50,000 people this is a few milliseconds, where building supercluster's tree each frame is tens. The
// wall benchmark measures both in the same run.
//
// points: { count, xs, ys, states }, the screen position of person i at xs[i], ys[i] and their state at
// states[i] (0 normal, 1 pending, 2 alert). Returns the people drawn on their own (indices into the arrays)
// and the bubbles ({ x, y, count, pending }).
export const normal = 0;
export const pending = 1;
export const alert = 2;

export function gridClusters(points, { width, height, cell, clusterAt, bubbleRadius }) {
  const { count, xs, ys, states } = points;
  // People up to one cell beyond the edges still count, so a bubble at the edge has its true number.
  const columns = Math.ceil(width / cell) + 3;
  const rows = Math.ceil(height / cell) + 3;
  const counts = new Int32Array(columns * rows);
  const pendings = new Int32Array(columns * rows);
  const sumX = new Float64Array(columns * rows);
  const sumY = new Float64Array(columns * rows);
  const cellOf = new Int32Array(count);

  for (let i = 0; i < count; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!(x >= -cell && y >= -cell && x <= width + cell && y <= height + cell)) {
      cellOf[i] = -1;
      continue;
    }
    const at = (Math.floor(x / cell) + 1) * rows + Math.floor(y / cell) + 1;
    cellOf[i] = at;
    counts[at]++;
    sumX[at] += x;
    sumY[at] += y;
    if (states[i] === pending) pendings[at]++;
  }

  // People in crowded cells are left to their bubble, except those in alert, who are always drawn on their own.
  const dots = [];
  for (let i = 0; i < count; i++) {
    const at = cellOf[i];
    if (at >= 0 && (states[i] === alert || counts[at] < clusterAt)) {
      dots.push(i);
    }
  }

  const crowded = [];
  let counted = 0;
  for (let at = 0; at < counts.length; at++) {
    counted += counts[at];
    if (counts[at] >= clusterAt) crowded.push(at);
  }
  crowded.sort((a, b) => counts[b] - counts[a]);
  return { dots, bubbles: mergeBubbles(crowded, { counts, pendings, sumX, sumY }, bubbleRadius, bubbleRadius(counted)) };
}

// Each crowded cell, largest first, joins the first bubble made before it that it would overlap, or becomes a
// bubble of its own. Looking through every bubble made so far is quadratic (a 4K wall has thousands of
// crowded cells), so bubbles are kept in buckets as wide as two of the largest bubbles can reach: any bubble
// a cell can overlap lies in the cell's bucket or the eight around it. bubbleRadius grows with the count, so
// the radius of everyone counted together bounds every bubble's.
function mergeBubbles(crowded, { counts, pendings, sumX, sumY }, bubbleRadius, largestRadius) {
  const bucket = 2 * largestRadius;
  const buckets = new Map();
  const keyOf = (x, y) => Math.floor(x / bucket) * 65536 + Math.floor(y / bucket);
  const file = (bubble) => {
    bubble.key = keyOf(bubble.x, bubble.y);
    let list = buckets.get(bubble.key);
    if (!list) {
      list = [];
      buckets.set(bubble.key, list);
    }
    list.push(bubble);
  };
  const bubbles = [];
  for (const at of crowded) {
    const n = counts[at];
    const x = sumX[at] / n;
    const y = sumY[at] / n;
    const reach = bubbleRadius(n);
    const column = Math.floor(x / bucket);
    const row = Math.floor(y / bucket);
    let into = null;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const b of buckets.get((column + dx) * 65536 + row + dy) ?? []) {
          if ((into === null || b.order < into.order) && Math.hypot(b.x - x, b.y - y) < bubbleRadius(b.count) + reach) {
            into = b;
          }
        }
      }
    }
    if (into) {
      into.x = (into.x * into.count + x * n) / (into.count + n);
      into.y = (into.y * into.count + y * n) / (into.count + n);
      into.count += n;
      into.pending += pendings[at];
      // A bubble that grew moves towards the cell it took in: file it where it now lies.
      if (keyOf(into.x, into.y) !== into.key) {
        const list = buckets.get(into.key);
        list.splice(list.indexOf(into), 1);
        file(into);
      }
    } else {
      const bubble = { x, y, count: n, pending: pendings[at], order: bubbles.length, key: 0 };
      bubbles.push(bubble);
      file(bubble);
    }
  }
  return bubbles.map(({ x, y, count, pending }) => ({ x, y, count, pending }));
}

