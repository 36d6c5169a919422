// Lets the bench load lib/server and the route handlers in plain Node, as vitest does with its
// alias: `server-only` resolves to the empty stub. (The react-server condition, which the CLI scripts
// use instead, cannot load next/navigation, which the route handlers' auth imports.) tsx compiles
// the sources to CommonJS, so the hook is on require's resolver.
import Module from "node:module";
import { fileURLToPath } from "node:url";

const stub = fileURLToPath(new URL("../helpers/server-only-stub.ts", import.meta.url));
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === "server-only" ? stub : request, ...rest);
};
