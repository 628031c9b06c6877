// Where node-gyp is and which Node headers it builds against, for the scripts that run it
// outside `npm run` or on machines without a configured nodedir: npm's bundled node-gyp, and
// the running Node's own headers (official builds ship them in <prefix>/include/node), so no
// header download is ever needed.
"use strict"

const fs = require("node:fs")
const path = require("node:path")

/** Sets npm_config_nodedir (when unset and the headers exist); returns node-gyp's script. */
function prepareNodeGyp() {
  const prefix = path.resolve(path.dirname(process.execPath), "..")
  if (!process.env.npm_config_nodedir && fs.existsSync(path.join(prefix, "include", "node", "node_api.h"))) {
    process.env.npm_config_nodedir = prefix
  }
  if (process.env.npm_config_node_gyp) return process.env.npm_config_node_gyp
  const candidates = [
    path.join(prefix, "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"),
    path.join(
      path.dirname(process.execPath),
      "node_modules",
      "npm",
      "node_modules",
      "node-gyp",
      "bin",
      "node-gyp.js",
    ),
  ]
  try {
    candidates.unshift(require.resolve("node-gyp/bin/node-gyp.js"))
  } catch {
    // not installed as a package: npm's bundled copy it is
  }
  return candidates.find(file => fs.existsSync(file))
}

module.exports = {prepareNodeGyp}
