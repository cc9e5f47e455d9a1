// Copies the front-end libraries the web UI needs from node_modules (installed by `npm ci`) into
// static/vendor, so the server works offline: no CDN, no tile server. Run by `make install`.
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..", "..");
const modules = join(root, "node_modules");
const vendor = join(here, "static", "vendor");

const files = {
  leaflet: ["dist/leaflet.js", "dist/leaflet.css", "dist/images", "LICENSE"],
  "topojson-client": ["dist/topojson-client.min.js", "LICENSE"],
  "world-atlas": ["countries-50m.json", "countries-110m.json", "LICENSE"],
  cytoscape: ["dist/cytoscape.min.js", "LICENSE"],
  "swagger-ui-dist": ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"],
};
const target = { "swagger-ui-dist": "swagger-ui" };

rmSync(vendor, { recursive: true, force: true });
for (const [pkg, paths] of Object.entries(files)) {
  for (const path of paths) {
    const from = join(modules, pkg, path);
    if (!existsSync(from)) {
      console.error(`vendor.mjs: ${from} is missing; run \`npm ci\` first`);
      process.exit(1);
    }
    const to = join(vendor, target[pkg] ?? pkg, path.replace(/^dist\//, ""));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, { recursive: true });
  }
}
console.log(`vendored ${Object.keys(files).length} packages into ${vendor}`);
