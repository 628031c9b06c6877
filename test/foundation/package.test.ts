// The shipped artefacts: the addon links libzmq and its dependencies statically (only the C/C++
// runtime is dynamic), and the packed npm package installs with no network and no compiler, from its
// prebuild and then talks ZeroMQ.
//
// Needs `npm run build:prebuilds` (and, for the round trip, `npm run build:ts`) beforehand.
import {execFileSync, spawnSync} from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

const root = path.resolve(__dirname, "..", "..")
const tuple = `${process.platform}-${process.arch}`
const prebuildDir = path.join(root, "prebuilds", tuple)

// This machine's loader (ldd) reads the binaries for its own C library: a Linux folder holds a
// glibc and a musl one, and test/platforms/built-only.test.ts reads the other.
const report = process.report.getReport() as {header: {glibcVersionRuntime?: string}}
const otherLibc = report.header.glibcVersionRuntime ? ".musl.node" : ".glibc.node"

function binaries(): string[] {
  const found: string[] = []
  const release = path.join(root, "build", "Release", "zmq_native.node")
  if (fs.existsSync(release)) found.push(release)
  if (fs.existsSync(prebuildDir)) {
    for (const file of fs.readdirSync(prebuildDir)) {
      if (file.endsWith(".node") && !file.endsWith(otherLibc)) found.push(path.join(prebuildDir, file))
    }
  }
  return found
}

// The shared libraries a Linux binary may need: glibc (libpthread, libdl apart before 2.34) or musl,
// libstdc++, libgcc_s, the vDSO.
const allowed = [
  /^linux-vdso\.so/,
  /^linux-gate\.so/,
  /^libc\.so/,
  /^libm\.so/,
  /^libpthread\.so/,
  /^libdl\.so/,
  /^libstdc\+\+\.so/,
  /^libgcc_s\.so/,
  /^(\/.*\/)?ld-linux[-\w.]*\.so/,
  /^(\/.*\/)?ld-musl-[\w.]+\.so/,
  /^libc\.musl-[\w.]+\.so/,
]
const vendored = /lib(zmq|sodium|pgm|norm|protokit)\b/

describe("linked libraries (ldd)", () => {
  const found = binaries()

  // The suite runs on Linux (as CI does); elsewhere this says so instead of skipping quietly.
  beforeAll(() => {
    if (process.platform !== "linux") {
      throw new Error(`the ldd check needs Linux; this machine is ${process.platform} (see README, Testing)`)
    }
  })

  it("has a binary to check (build/Release or this platform's prebuild)", () => {
    expect(found).not.toEqual([])
  })

  it.each(found.map(file => [path.relative(root, file), file]))(
    "%s links only the C/C++ runtime",
    (_name, file) => {
      const output = execFileSync("ldd", [file], {encoding: "utf8"})
      const needed = output
        .split("\n")
        .map(line => line.trim().split(/\s+/)[0])
        .filter(Boolean)
      expect(output).not.toMatch(vendored)
      expect(output).not.toMatch(/not found/)
      expect(needed.filter(library => !allowed.some(pattern => pattern.test(library)))).toEqual([])
    },
  )
})

// npm's own CLI script, to run npm with a PATH that holds nothing but node.
function npmCli(): string {
  const candidates = [
    process.env.npm_execpath,
    path.join(path.dirname(process.execPath), "..", "lib", "node_modules", "npm", "bin", "npm-cli.js"),
    path.join(path.dirname(process.execPath), "node_modules", "npm", "bin", "npm-cli.js"),
  ]
  const found = candidates.find(file => file && /npm-cli\.js$/.test(file) && fs.existsSync(file))
  if (!found) throw new Error(`npm-cli.js not found (looked at ${candidates.filter(Boolean).join(", ")})`)
  return found
}

// What the npm running these tests is configured with (from any of its config files or
// variables): the bare install below must use the same registry and configuration, or it
// would test another npm than the user's.
function outerConfig(npm: string, key: string): string {
  return execFileSync(process.execPath, [npm, "config", "get", key], {encoding: "utf8"}).trim()
}

// An environment with no compiler, no cmake and no settings inherited from a parent `npm run`
// (npm's lifecycle variables would change what the install script does): PATH is a folder
// holding only node and (for npm's scripts) the POSIX shell. npm's configuration is passed as
// explicit arguments instead (see outerConfig).
function bareEnvironment(scratch: string): NodeJS.ProcessEnv {
  const bin = path.join(scratch, "bin")
  fs.mkdirSync(bin)
  const node = path.join(bin, process.platform === "win32" ? "node.exe" : "node")
  if (process.platform === "win32") fs.copyFileSync(process.execPath, node)
  else {
    fs.symlinkSync(process.execPath, node)
    fs.symlinkSync("/bin/sh", path.join(bin, "sh"))
  }
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm_|PATH$|Path$|CC$|CXX$|ZMQ_|PREBUILD)/i.test(key)) env[key] = value
  }
  env.PATH = bin
  return env
}

// The bare install runs without any network (a new network namespace: only a loopback that
// is down), so it can fetch nothing at all: no Node headers, no libzmq source, no prebuilt
// binary, no package. What it needs from the registry — the package's own dependencies —
// is put into a brand-new cache beforehand by the npm running these tests, as a user's
// install would fetch it. Needs root (as the TIPC and multicast tests do).
function withoutNetwork(command: string, args: string[]): [string, string[]] {
  if (process.platform !== "linux") {
    throw new Error(`the packed-install test needs Linux network namespaces; this is ${process.platform}`)
  }
  // Found on the outer PATH: the bare environment's PATH holds only node and sh.
  const unshare = (process.env.PATH ?? "")
    .split(path.delimiter)
    .map(dir => path.join(dir, "unshare"))
    .find(file => fs.existsSync(file))
  const probe = spawnSync(unshare ?? "unshare", ["--net", "true"], {encoding: "utf8"})
  if (unshare === undefined || probe.status !== 0) {
    throw new Error(
      `the packed-install test runs npm in a network namespace of its own, which needs root and ` +
        `unshare(1): ${probe.error?.message ?? probe.stderr.trim()}`,
    )
  }
  return [unshare, ["--net", command, ...args]]
}

// The responses a cache holds (npm keys each fetched URL "make-fetch-happen:request-cache:<url>"),
// to show that the install added none.
function cachedResponses(npm: string, cache: string): string[] {
  const listing = execFileSync(process.execPath, [npm, "cache", "ls", "--cache", cache], {encoding: "utf8"})
  return listing
    .split("\n")
    .filter(key => key.startsWith("make-fetch-happen:request-cache:"))
    .sort()
}

describe("the packed package", () => {
  let scratch: string
  let env: NodeJS.ProcessEnv
  let installed: string
  let cached: string[]
  let cacheAfter: string[]

  beforeAll(() => {
    if (!binaries().some(file => file.startsWith(prebuildDir))) {
      throw new Error(
        `no prebuild in ${path.relative(root, prebuildDir)}: run \`npm run build:prebuilds\` first`,
      )
    }
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zmq-native-pack-"))
    env = bareEnvironment(scratch)
    const npm = npmCli()

    const packed = execFileSync(
      process.execPath,
      [npm, "pack", "--json", "--ignore-scripts", "--pack-destination", scratch],
      {cwd: root, encoding: "utf8", env: {...process.env, npm_config_loglevel: "error"}},
    )
    const tarball = path.join(scratch, JSON.parse(packed)[0].filename)

    // A cache no earlier install has touched, filled through the outer npm (its registry,
    // proxy and credentials) with just the dependencies the tarball declares.
    const cache = path.join(scratch, "cache")
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
    const dependencies = Object.entries(manifest.dependencies as Record<string, string>)
    execFileSync(
      process.execPath,
      [npm, "cache", "add", ...dependencies.map(([name, range]) => `${name}@${range}`), "--cache", cache],
      {cwd: scratch, encoding: "utf8", env: {...process.env, npm_config_loglevel: "error"}},
    )
    cached = cachedResponses(npm, cache)

    const project = path.join(scratch, "project")
    fs.mkdirSync(project)
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({name: "consumer", private: true}))
    const [command, args] = withoutNetwork(process.execPath, [
      npm,
      "install",
      "--offline",
      "--no-audit",
      "--no-fund",
      "--foreground-scripts",
      `--cache=${cache}`,
      `--registry=${outerConfig(npm, "registry")}`,
      `--userconfig=${outerConfig(npm, "userconfig")}`,
      `--globalconfig=${outerConfig(npm, "globalconfig")}`,
      tarball,
    ])
    const install = spawnSync(command, args, {cwd: project, encoding: "utf8", env})
    if (install.status !== 0) {
      throw new Error(`npm install failed (${install.status}):\n${install.stdout}\n${install.stderr}`)
    }
    cacheAfter = cachedResponses(npm, cache)
    installed = path.join(project, "node_modules", "zmq-native")
  }, 120_000)

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
  })

  it("installed from a fresh cache holding only the declared dependencies, fetching nothing", () => {
    expect(cached.length).toBeGreaterThan(0)
    expect(cacheAfter).toEqual(cached)
  })

  it("ships the prebuild with its license notices, and did not compile anything", () => {
    const shipped = fs.readdirSync(path.join(installed, "prebuilds", tuple))
    expect(shipped).toEqual(expect.arrayContaining(["THIRD_PARTY_NOTICES.md"]))
    expect(shipped.some(file => file.startsWith("libzmq-"))).toBe(true)
    expect(shipped.some(file => file.endsWith(".node"))).toBe(true)
    expect(fs.existsSync(path.join(installed, "build"))).toBe(false)
    expect(fs.existsSync(path.join(installed, "deps"))).toBe(false)
    for (const file of ["LICENSE", "THIRD_PARTY_NOTICES.md", "binding.gyp", "CMakeLists.txt"]) {
      expect(fs.existsSync(path.join(installed, file))).toBe(true)
    }
  })

  it("sends and receives through PUSH/PULL with the v6 API", () => {
    if (!fs.existsSync(path.join(installed, "dist", "index.js"))) {
      throw new Error("the package has no dist/index.js: run `npm run build:ts` before this test")
    }
    const script = `
      const path = require("node:path")
      const {Push, Pull} = require("zmq-native")
      const loaded = require("node-gyp-build").path(path.dirname(require.resolve("zmq-native/package.json")))
      ;(async () => {
        const push = new Push()
        await push.bind("tcp://127.0.0.1:*")
        const pull = new Pull()
        pull.connect(push.lastEndpoint)
        await push.send("x")
        const [message] = await pull.receive()
        push.close()
        pull.close()
        process.stdout.write(JSON.stringify({message: message.toString(), loaded}))
        process.exit(0)
      })().catch(error => {
        console.error(error)
        process.exit(1)
      })
    `
    const run = spawnSync(process.execPath, ["-e", script], {
      cwd: path.dirname(path.dirname(installed)),
      encoding: "utf8",
      env,
      timeout: 30_000,
    })
    expect(run.stderr).toBe("")
    expect(run.status).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.message).toBe("x")
    expect(path.relative(installed, result.loaded)).toMatch(/^prebuilds[\\/]/)
  })
})
