/*
 * Preload (`--require`) for scripts run outside Next and Vitest (a child "server process" in a test):
 * "server-only" resolves to this file, which exports nothing, instead of throwing.
 */
const Module = process.getBuiltinModule("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "server-only") return __filename;
  return resolve.call(this, request, ...rest);
};
