#!/usr/bin/env node
// `npm run generate`: writes the generated sources of lib/generated/ from their one home each —
// zmq.ts from the vendored libzmq's include/zmq.h, options.ts and sockets.ts from the option and
// socket-type tables (lib/options.ts, lib/socket-types.ts). Idempotent; `--check` writes nothing
// and exits non-zero listing what is out of date; `--list` prints the generated files' names.
"use strict"

const fs = require("node:fs")
const path = require("node:path")
const {generatedSources} = require("./lib/generated-sources")

async function main() {
  const check = process.argv.includes("--check")
  const stale = []
  const sources = await generatedSources()
  // --list: print the files generated, one a line.
  if (process.argv.includes("--list")) {
    for (const {file} of sources)
      process.stdout.write(`${path.relative(path.resolve(__dirname, ".."), file)}\n`)
  }
  for (const {file, text} of sources) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined
    if (current === text) continue
    stale.push(path.relative(path.resolve(__dirname, ".."), file))
    if (!check) fs.writeFileSync(file, text)
  }
  if (check && stale.length > 0) {
    process.stderr.write(`generate-sources: out of date (run \`npm run generate\`): ${stale.join(", ")}\n`)
    process.exit(1)
  }
  for (const file of stale) process.stderr.write(`generate-sources: wrote ${file}\n`)
}

main().catch(error => {
  process.stderr.write(`generate-sources: ${error.stack ?? error}\n`)
  process.exit(1)
})
