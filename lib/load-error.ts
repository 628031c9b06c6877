// What a user reads when the compiled addon cannot be loaded: which binary, why (the system's
// own loader error, translated: a missing glibc version, another architecture), and what to do.
import * as fs from "node:fs"
import * as path from "node:path"

const rebuild =
  "To build it for this machine instead: `npm rebuild zmq-native` with CMake (3.16+), a C++17 " +
  "compiler and Python for node-gyp installed (README, 'Building from source')."

function thisPlatform(): string {
  const report = process.report?.getReport?.() as {header?: {glibcVersionRuntime?: string}} | undefined
  const glibc = report?.header?.glibcVersionRuntime
  const libc = process.platform === "linux" ? (glibc ? `, glibc ${glibc}` : ", musl") : ""
  return `${process.platform}-${process.arch}${libc}, Node ${process.version}`
}

/** The prebuilds/ folders the package ships, e.g. "linux-x64 (zmq-native.glibc.node)". */
export function shippedPrebuilds(root: string): string[] {
  const dir = path.join(root, "prebuilds")
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir).flatMap(tuple => {
    const files = fs.readdirSync(path.join(dir, tuple)).filter(file => file.endsWith(".node"))
    return files.length ? [`${tuple} (${files.join(", ")})`] : []
  })
}

/** No binary for this platform at all (node-gyp-build found nothing). */
export function noBinaryError(root: string, cause: unknown): Error {
  const shipped = shippedPrebuilds(root)
  return new Error(
    `zmq-native: no compiled addon for this platform (${thisPlatform()}). ` +
      `This package ships prebuilt binaries for: ${shipped.length ? shipped.join("; ") : "none"}. ` +
      rebuild,
    {cause},
  )
}

const machines: Record<string, Record<number, string>> = {
  elf: {0x3e: "x64", 0xb7: "arm64", 0x03: "ia32", 0x28: "arm"},
  pe: {0x8664: "x64", 0xaa64: "arm64", 0x14c: "ia32"},
  macho: {0x01000007: "x64", 0x0100000c: "arm64"},
}

/** The platform and architecture a binary is for, read from its header ("linux-arm64"). */
export function binaryTarget(file: string): string | undefined {
  const header = Buffer.alloc(4096)
  const fd = fs.openSync(file, "r")
  try {
    fs.readSync(fd, header, 0, header.length, 0)
  } finally {
    fs.closeSync(fd)
  }
  if (header.readUInt32BE(0) === 0x7f454c46)
    return `linux-${machines.elf[header.readUInt16LE(18)] ?? "unknown"}`
  if (header.readUInt32LE(0) === 0xfeedfacf)
    return `darwin-${machines.macho[header.readUInt32LE(4)] ?? "unknown"}`
  if (header.toString("latin1", 0, 2) === "MZ") {
    const pe = header.readUInt32LE(0x3c)
    if (pe + 6 <= header.length) return `win32-${machines.pe[header.readUInt16LE(pe + 4)] ?? "unknown"}`
  }
  return undefined
}

/** Why the system's loader refused `file`, in words, from its header and the loader's message. */
function diagnose(file: string, message: string): string {
  let built: string | undefined
  try {
    built = binaryTarget(file)
  } catch {
    // unreadable: the loader's message says why
  }
  const here = `${process.platform}-${process.arch}`
  if (built && built !== here) return `it is a ${built} binary and this system is ${here}`
  const glibc = /GLIBC_(\d+\.\d+(?:\.\d+)?)' not found/.exec(message)
  if (glibc) return `it needs glibc ${glibc[1]} or newer, and this system has an older one`
  const cxx = /(GLIBCXX|CXXABI)_([\d.]+)' not found/.exec(message)
  if (cxx) return `it needs a newer C++ runtime (libstdc++ with ${cxx[1]}_${cxx[2]}) than this system has`
  if (
    /wrong ELF class|invalid ELF header|Exec format error|not a valid Win32 application|%1 is not|incompatible architecture|mach-o file, but is an incompatible/i.test(
      message,
    )
  ) {
    return "it was built for another architecture or operating system"
  }
  if (
    /cannot open shared object file|Library not loaded|specified module could not be found/i.test(message)
  ) {
    return "a library it links is missing on this system"
  }
  return "the system's loader refused it"
}

/** A binary was found but does not load here. */
export function loadFailureError(root: string, file: string, cause: unknown): Error {
  const message = String((cause as Error)?.message ?? cause)
  return new Error(
    `zmq-native: the compiled addon ${path.relative(root, file)} does not load on this system ` +
      `(${thisPlatform()}): ${diagnose(file, message)}. The loader said: ${message.trim()} ${rebuild}`,
    {cause},
  )
}
