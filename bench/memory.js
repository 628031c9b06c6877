#!/usr/bin/env node
// RSS stays flat under load: PUSH→PULL over inproc with the standard API (await send,
// for await receive), RSS read (after a full GC) once `first` messages have passed and again
// after `total`. Run with --expose-gc (bench/run.js also fixes V8's young generation size):
//   node --expose-gc bench/memory.js <first> <total> <size>
"use strict"

const path = require("node:path")
const zmq = require(path.join(__dirname, "..", "dist"))

const [first, total, size] = process.argv.slice(2).map(Number)

function settledRss() {
  global.gc()
  global.gc()
  return process.memoryUsage().rss
}

async function main() {
  const pull = new zmq.Pull()
  const push = new zmq.Push()
  await pull.bind("inproc://memory")
  push.connect("inproc://memory")
  const samples = {}
  const receiving = (async () => {
    let received = 0
    for await (const [frame] of pull) {
      received++
      if (frame.length !== size) throw new Error(`frame of ${frame.length} bytes`)
      if (received === first) samples.first = settledRss()
      if (received === total) break
    }
  })()
  const msg = Buffer.alloc(size, 0x61)
  for (let i = 0; i < total; i++) await push.send(msg)
  await receiving
  samples.last = settledRss()
  push.close()
  pull.close()
  const growth = samples.last / samples.first - 1
  process.stdout.write(
    JSON.stringify({
      first,
      total,
      size,
      rssFirst: samples.first,
      rssLast: samples.last,
      growth,
      maxRSS: process.resourceUsage().maxRSS * 1024,
    }) + "\n",
  )
}

main().then(
  () => process.exit(0),
  error => {
    process.stderr.write(`${error.stack || error}\n`)
    process.exit(1)
  },
)
