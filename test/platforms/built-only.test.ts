// The prebuilds this machine builds but cannot run with Node: macOS (no macOS here) and musl
// (no Node for musl reaches this machine: Node's official builds are glibc ones, and Bun's
// musl builds stub the libuv functions the addon calls). They are read instead, with LLVM's
// tools: each must be a binary of its platform exporting Node-API's entry point and needing
// nothing its platform lacks. The musl ones are also loaded by musl's own dynamic loader
// (Debian 11's musl; arm64 under qemu-user), which resolves every symbol and runs every static
// constructor at load, with a small C host standing in for Node (test/platforms/musl-host.c).
import {execFileSync} from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {binaryTarget} from "../../lib/load-error"
import {run, transcript} from "../helpers"
import {muslRoot, prebuild, zigCompiler} from "./foreign"

const {targets} = require("../../scripts/lib/prebuild-targets.js")

// Node's own functions: Node-API and libuv, which the addon finds in the node binary.
const fromNode = /^_?(napi_|node_api_|uv_)/

function llvm(tool: string, args: string[]): string {
  return execFileSync(tool, args, {encoding: "utf8", maxBuffer: 64 << 20})
}

/** Defined (`defined`) or undefined dynamic symbols of an ELF or Mach-O binary. */
function dynamicSymbols(file: string, defined: boolean): string[] {
  const args = [defined ? "--defined-only" : "--undefined-only", "--extern-only", "--format=just-symbols"]
  const macho = binaryTarget(file)?.startsWith("darwin-")
  return llvm("llvm-nm", [...args, ...(macho ? [] : ["--dynamic"]), file])
    .split("\n")
    .filter(Boolean)
}

/** The shared libraries a binary names (ELF NEEDED, Mach-O LC_LOAD_DYLIB). */
function neededLibraries(file: string): string[] {
  const output = llvm("llvm-readobj", ["--needed-libs", file])
  const list = /NeededLibraries \[([^\]]*)\]/.exec(output)
  if (!list) throw new Error(`llvm-readobj printed no NeededLibraries for ${file}:\n${output}`)
  return list[1]
    .split("\n")
    .map(line => line.trim())
    .filter(Boolean)
}

interface Target {
  target: string
  tuple: string
  builder: string
  builtOnly?: boolean
}
const builtHere: Target[] = (targets as Target[]).filter(
  entry => entry.builtOnly && entry.builder === "cmake",
)

describe.each(builtHere)("the $target prebuild (built, not run-tested)", entry => {
  let file: string
  beforeAll(() => {
    file = prebuild(entry.target)
  })

  it(`is a ${entry.tuple} binary`, () => {
    expect(binaryTarget(file)).toBe(entry.tuple)
  })

  it("exports Node-API's entry points", () => {
    const exported = dynamicSymbols(file, true).map(name => name.replace(/^_/, ""))
    const entryPoints = ["napi_register_module_v1", "node_api_module_get_api_version_v1"]
    if (entry.target.startsWith("darwin-")) {
      // zig 0.11's Mach-O linker takes no list of exports, so libzmq's and libc++'s symbols are
      // exported too: harmless under macOS's two-level namespace, where another image binds only
      // to the library it was linked against.
      expect(exported).toEqual(expect.arrayContaining(entryPoints))
    } else {
      expect(exported.sort()).toEqual(entryPoints)
    }
  })

  if (entry.target.startsWith("darwin-")) {
    it("links only the system library (libSystem), the C++ library inside; its id names no build folder", () => {
      // llvm-readobj lists the binary's own install name (LC_ID_DYLIB) among them.
      expect(neededLibraries(file).sort()).toEqual(["/usr/lib/libSystem.B.dylib", "@rpath/zmq_native.node"])
    })
    it("imports Node-API and no C++ library function (libc++ is linked in)", () => {
      const imported = dynamicSymbols(file, false)
      expect(imported).toContain("_napi_create_function")
      expect(imported.filter(name => name.startsWith("__Z"))).toEqual([])
    })
    return
  }

  const arch = entry.target.startsWith("linux-arm64") ? "arm64" : "amd64"
  let musl: string
  beforeAll(async () => {
    musl = await muslRoot(arch)
  }, 300_000)

  function muslLibrary(): string {
    const folders = [path.join(musl, "lib"), path.join(musl, "usr", "lib")].flatMap(dir =>
      fs.existsSync(dir) ? fs.readdirSync(dir).map(name => path.join(dir, name)) : [],
    )
    const found = folders.map(dir => path.join(dir, "libc.so")).find(candidate => fs.existsSync(candidate))
    if (!found) throw new Error(`no libc.so in the musl package unpacked in ${musl}`)
    return found
  }

  it("links only the C library (libc.so: musl's loader is it), the C++ library inside", () => {
    expect(neededLibraries(file)).toEqual(["libc.so"])
  })

  it("calls only functions musl 1.2.2 (Debian 11's) has, and Node's", () => {
    const provided = new Set(dynamicSymbols(muslLibrary(), true))
    const missing = dynamicSymbols(file, false).filter(name => !provided.has(name) && !fromNode.test(name))
    expect(missing).toEqual([])
  })

  it("loads with musl's dynamic loader, its static constructors run, and reports Node-API 8", async () => {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-musl-"))
    try {
      const stubs = dynamicSymbols(file, false)
        .filter(name => fromNode.test(name))
        .map(name => `void ${name}(void) { abort(); }\n`)
      fs.writeFileSync(path.join(scratch, "musl-stubs.c"), `#include <stdlib.h>\n${stubs.join("")}`)
      const host = path.join(scratch, "musl-host")
      const compiled = await run(
        zigCompiler(entry.target),
        [
          "-w",
          "-rdynamic",
          "-o",
          host,
          path.join(__dirname, "musl-host.c"),
          path.join(scratch, "musl-stubs.c"),
          muslLibrary(),
        ],
        {timeout: 300_000},
      )
      if (compiled.status !== 0) throw new Error(`compiling the musl host failed:\n${transcript(compiled)}`)
      const loader = fs
        .readdirSync(path.join(musl, "lib"))
        .filter(name => /^ld-musl-.+\.so\.1$/.test(name))
        .map(name => path.join(musl, "lib", name))[0]
      const [command, args] =
        arch === "arm64" ? ["qemu-aarch64", [loader, host, file]] : [loader, [host, file]]
      const loaded = await run(command, args as string[], {timeout: 120_000})
      expect({status: loaded.status, stdout: loaded.stdout.trim()}).toEqual({status: 0, stdout: "loaded 8"})
    } finally {
      fs.rmSync(scratch, {recursive: true, force: true})
    }
  }, 420_000)
})
