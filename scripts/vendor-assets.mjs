// Copies the browser bundle of Scalar's API reference (an npm package) into public/vendor, so that /api/docs
// loads it from the console itself: nothing is fetched from a CDN (air-gapped installs, CSP 'self').
import fs from "node:fs";
import path from "node:path";

const from = path.resolve("node_modules/@scalar/api-reference/dist/browser/standalone.js");
const to = path.resolve("public/vendor/scalar-api-reference.js");
if (!fs.existsSync(from)) {
  console.error(`vendor-assets: ${from} is missing (is @scalar/api-reference installed?)`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(to), { recursive: true });
fs.copyFileSync(from, to);
