/**
 * Puts the browser-image-compression UMD build at public/vendor/, where the photo worker loads it
 * from (lib/photos/compress.ts): the phone must never need a CDN. public/vendor/ is a build artefact
 * (gitignored), so this runs after every install. It only copies.
 */
import fs from "node:fs";
import path from "node:path";

const FILE = "browser-image-compression.js";
const source = path.join(process.cwd(), "node_modules/browser-image-compression/dist", FILE);
const targetDir = path.join(process.cwd(), "public/vendor");

fs.mkdirSync(targetDir, { recursive: true });
fs.copyFileSync(source, path.join(targetDir, FILE));
