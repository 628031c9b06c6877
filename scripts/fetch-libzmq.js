#!/usr/bin/env node
// Puts a pinned, checksummed libzmq source tree into deps/libzmq (never committed).
//
// Sources, first that works wins:
//   1. ZMQ_NATIVE_LIBZMQ_SOURCE: a release tarball or an unpacked source directory (air-gapped builds)
//   2. the upstream release download (libzmq 4.3.5)
//   3. the distribution's source package (Debian/Ubuntu `zeromq3`, libzmq 4.3.4)
// A second run with the source present does nothing.
"use strict"

const crypto = require("node:crypto")
const fs = require("node:fs")
const path = require("node:path")
const https = require("node:https")
const {spawnSync} = require("node:child_process")

const root = path.resolve(__dirname, "..")
// ZMQ_NATIVE_FETCH_DIR: fetch into another folder than deps/ (the tests use a scratch one;
// the build itself always reads deps/libzmq).
const depsDir = process.env.ZMQ_NATIVE_FETCH_DIR
  ? path.resolve(process.env.ZMQ_NATIVE_FETCH_DIR)
  : path.join(root, "deps")
const downloadsDir = path.join(depsDir, "downloads")
const sourceDir = path.join(depsDir, "libzmq")
const stampFile = path.join(sourceDir, ".zmq-native-source.json")

// Every tarball we accept, by checksum. Debian's orig tarball is GitHub's tag archive,
// so it differs from the release tarball of the same version.
const knownTarballs = {
  "6653ef5910f17954861fe72332e68b03ca6e4d9c7160eb3a8de5a5a913bfab43": "4.3.5 release",
  c593001a89f5a85dd2ddf564805deb860e02471171b3f204944857336295c3e5: "4.3.4 release",
  "0ff5a531c9ffaf0dfdc7dc78d13d1383088f454896d252934c429b2554d10559": "4.3.4 Debian orig",
}
const upstream = {
  version: "4.3.5",
  // ZMQ_NATIVE_LIBZMQ_URL: a mirror of the same release tarball (the checksum still applies).
  url:
    process.env.ZMQ_NATIVE_LIBZMQ_URL ||
    "https://github.com/zeromq/libzmq/releases/download/v4.3.5/zeromq-4.3.5.tar.gz",
  sha256: "6653ef5910f17954861fe72332e68b03ca6e4d9c7160eb3a8de5a5a913bfab43",
}
const debianSource = {package: "zeromq3", file: "zeromq3_4.3.4.orig.tar.gz"}

function log(message) {
  process.stderr.write(`fetch-libzmq: ${message}\n`)
}

function sha256(file) {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")
}

function versionOf(dir) {
  const header = fs.readFileSync(path.join(dir, "include", "zmq.h"), "utf8")
  const part = name => header.match(new RegExp(`#define ZMQ_VERSION_${name} (\\d+)`))[1]
  return `${part("MAJOR")}.${part("MINOR")}.${part("PATCH")}`
}

function looksLikeSource(dir) {
  return fs.existsSync(path.join(dir, "include", "zmq.h")) && fs.existsSync(path.join(dir, "CMakeLists.txt"))
}

function present() {
  if (!fs.existsSync(stampFile) || !looksLikeSource(sourceDir)) return undefined
  return JSON.parse(fs.readFileSync(stampFile, "utf8"))
}

// Unpacks a verified tarball into deps/libzmq through a temporary folder, so an
// interrupted run never leaves a half-filled source tree behind.
function unpack(tarball, origin) {
  const digest = sha256(tarball)
  if (!knownTarballs[digest]) {
    throw new Error(
      `checksum mismatch for ${tarball}: sha256 ${digest} is none of the pinned releases ` +
        `(${Object.entries(knownTarballs)
          .map(([sum, name]) => `${name} ${sum}`)
          .join("; ")})`,
    )
  }
  const staging = fs.mkdtempSync(path.join(depsDir, "unpack-"))
  try {
    const tar = spawnSync("tar", ["-xzf", tarball, "-C", staging], {stdio: "inherit"})
    if (tar.status !== 0) throw new Error(`tar could not unpack ${tarball}`)
    const [top] = fs.readdirSync(staging)
    install(path.join(staging, top), {origin, sha256: digest, name: knownTarballs[digest]})
  } finally {
    fs.rmSync(staging, {recursive: true, force: true})
  }
}

function install(dir, facts) {
  if (!looksLikeSource(dir)) throw new Error(`${dir} does not look like a libzmq source tree`)
  fs.rmSync(sourceDir, {recursive: true, force: true})
  if (facts.copy) {
    fs.cpSync(dir, sourceDir, {recursive: true})
  } else {
    fs.renameSync(dir, sourceDir)
  }
  const stamp = {version: versionOf(sourceDir), origin: facts.origin, sha256: facts.sha256 ?? null}
  fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + "\n")
  log(`libzmq ${stamp.version} from ${stamp.origin} is in ${path.relative(root, sourceDir)}`)
}

function fromUserPath(given) {
  const resolved = path.resolve(given)
  if (!fs.existsSync(resolved)) throw new Error(`ZMQ_NATIVE_LIBZMQ_SOURCE=${given} does not exist`)
  if (fs.statSync(resolved).isDirectory()) {
    install(resolved, {origin: `directory ${resolved}`, copy: true})
  } else {
    unpack(resolved, `tarball ${resolved}`)
  }
}

function download(url, file, redirects = 5) {
  return new Promise((resolve, reject) => {
    const request = https.get(url, {timeout: 20000}, response => {
      const {statusCode, headers} = response
      if (statusCode >= 300 && statusCode < 400 && headers.location && redirects > 0) {
        response.resume()
        resolve(download(new URL(headers.location, url).href, file, redirects - 1))
        return
      }
      if (statusCode !== 200) {
        response.resume()
        reject(new Error(`HTTP ${statusCode} from ${url}`))
        return
      }
      const partial = `${file}.partial`
      const out = fs.createWriteStream(partial)
      response.pipe(out)
      out.on("finish", () => {
        fs.renameSync(partial, file)
        resolve(file)
      })
      out.on("error", reject)
      response.on("error", reject)
    })
    request.on("timeout", () => request.destroy(new Error(`timed out downloading ${url}`)))
    request.on("error", reject)
  })
}

async function fromUpstream() {
  const file = path.join(downloadsDir, path.basename(upstream.url))
  if (!fs.existsSync(file) || sha256(file) !== upstream.sha256) await download(upstream.url, file)
  unpack(file, upstream.url)
}

function fromDistribution() {
  const probe = spawnSync("apt-get", ["--version"], {stdio: "ignore"})
  if (probe.error || probe.status !== 0) throw new Error("apt-get is not available")
  const file = path.join(downloadsDir, debianSource.file)
  if (!fs.existsSync(file)) {
    const fetched = spawnSync("apt-get", ["source", "--download-only", debianSource.package], {
      cwd: downloadsDir,
      encoding: "utf8",
    })
    if (fetched.status !== 0 || !fs.existsSync(file)) {
      const why = (fetched.stderr || "").trim().split("\n").pop()
      throw new Error(
        `apt-get source ${debianSource.package} failed (${why || "no output"}); ` +
          "it needs a deb-src entry in the apt sources",
      )
    }
  }
  unpack(file, `distribution source package ${debianSource.package}`)
}

async function main() {
  const have = present()
  if (have) {
    log(`libzmq ${have.version} already present (from ${have.origin}); nothing to do`)
    return
  }
  fs.mkdirSync(downloadsDir, {recursive: true})

  const attempts = []
  const given = process.env.ZMQ_NATIVE_LIBZMQ_SOURCE
  if (given) attempts.push([`the path in ZMQ_NATIVE_LIBZMQ_SOURCE (${given})`, () => fromUserPath(given)])
  attempts.push([`the upstream release ${upstream.url}`, fromUpstream])
  attempts.push([`the distribution source package '${debianSource.package}'`, fromDistribution])

  const failures = []
  for (const [what, attempt] of attempts) {
    try {
      await attempt()
      return
    } catch (error) {
      failures.push(`  - ${what}: ${error.message}`)
      log(`could not use ${what}: ${error.message}`)
    }
  }
  log(
    [
      "no libzmq source could be obtained. Tried:",
      ...failures,
      "Supply it by hand: download zeromq-4.3.5.tar.gz (sha256 " + upstream.sha256 + ")",
      "on a connected machine, copy it here and run:",
      "  ZMQ_NATIVE_LIBZMQ_SOURCE=/path/to/zeromq-4.3.5.tar.gz npm rebuild zmq-native",
      "(in a clone of zmq-native itself: ... npm run build).",
      "An unpacked libzmq source directory works too.",
    ].join("\n"),
  )
  process.exitCode = 1
}

main().catch(error => {
  log(error.stack || String(error))
  process.exitCode = 1
})
