// Endpoint concerns libzmq leaves to its callers: errors that say which transport, capability
// flag or limit an endpoint ran into, and the socket files of bound ipc endpoints. libzmq 4.3
// leaves a bound path's file behind on unbind and close (it removes only those it made for
// `ipc://*`); we remove it, but only while it is still the file our bind created.
import * as fs from "node:fs"
import {capability} from "./capability"
import {errnoError} from "./errors"
import {normWordReason} from "./norm-endpoints"
import {pgmWordReason} from "./pgm-endpoints"

// Transports a libzmq build may leave out, and the capability flag that tells.
const transportFlags: Record<string, string> = {
  ipc: "ipc",
  tipc: "tipc",
  pgm: "pgm",
  epgm: "pgm",
  norm: "norm",
  ws: "ws",
  wss: "wss",
  udp: "udp",
  vmci: "vmci",
}

// A Unix socket address holds this many bytes of path, the terminating NUL included.
const ipcPathSize = process.platform === "linux" ? 108 : 104

// Transports whose address ends in a port (ws and wss may follow it with a path).
const portTransports = new Set(["tcp", "ws", "wss", "udp", "pgm", "epgm", "norm"])

// What is missing from an endpoint libzmq refused with a bare EINVAL, when it is plain to see.
function malformed(address: string, scheme: string | undefined): string | undefined {
  if (scheme === undefined)
    return "the endpoint has no transport (transport://address, as in tcp://127.0.0.1:5555)"
  const rest = address.slice(scheme.length + "://".length)
  if (rest === "") return `the ${scheme} endpoint has no address after "${scheme}://"`
  if (!portTransports.has(scheme)) return undefined
  // The last host:port of the address ("source;host:port" for a connect from a source address).
  const target = rest.slice(rest.lastIndexOf(";") + 1).split("/")[0]
  const port = /^(?:\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(target)?.[1]
  if (port === undefined || port === "") {
    const wildcard =
      scheme === "tcp" || scheme === "ws" || scheme === "wss"
        ? "; a bind may use port * for any free one"
        : ""
    return `the ${scheme} endpoint has no port (${scheme}://host:port${wildcard})`
  }
  return undefined
}

// libzmq answers a missing or unknown transport with a bare EPROTONOSUPPORT, a malformed
// address, a pgm interface or group or a norm address it cannot use with a bare EINVAL, and a
// long ipc path with a bare ENAMETOOLONG; say which transport, flag, missing part, word or limit
// is meant.
export function transportError(error: unknown, address: string): unknown {
  const original = error as {code?: unknown; errno?: number}
  const scheme = /^([^:]*):\/\//.exec(address)?.[1]
  if (original?.code === "EINVAL") {
    const reason =
      malformed(address, scheme) ??
      (scheme === "pgm" || scheme === "epgm" ? pgmWordReason(address) : undefined) ??
      (scheme === "norm" ? normWordReason(address) : undefined)
    return reason === undefined ? error : explain(original, reason, address)
  }
  // The native layer tries a multicast engine before libzmq starts it (native/transport-trial.h).
  if (
    (scheme === "pgm" || scheme === "epgm" || scheme === "norm") &&
    !["EPROTONOSUPPORT", "EINVAL"].includes(original?.code as string)
  ) {
    const raw =
      original?.code === "EPERM" && scheme === "pgm"
        ? " (pgm:// needs raw sockets, the CAP_NET_RAW capability; epgm:// does not)"
        : ""
    return explain(original, `the ${scheme} transport cannot start here${raw}`, address)
  }
  if (original?.code === "ENAMETOOLONG" && scheme === "ipc") {
    const length = Buffer.byteLength(address) - "ipc://".length
    const reason = `the ipc path is ${length} bytes long; a Unix socket address holds at most ${ipcPathSize - 1}`
    return explain(original, reason, address)
  }
  if (original?.code !== "EPROTONOSUPPORT") return error
  const transport = scheme ?? address
  const flag = transportFlags[transport]
  const available = flag !== undefined && (capability as unknown as Record<string, boolean>)[flag] === true
  if (available) return error
  const reason =
    flag === undefined
      ? `the "${transport}" transport is unknown to libzmq (not one of tcp, ipc, inproc, tipc, pgm, epgm, norm, udp, ws, wss, vmci)`
      : `the "${transport}" transport is not available in this build (capability.${flag} is false)`
  return explain(original, reason, address)
}

// libzmq's message (as zeromq v6 reports it: "Protocol not supported"), then what is meant.
function explain(
  original: {code?: unknown; errno?: number; message?: unknown},
  reason: string,
  address: string,
): Error {
  const explained = errnoError(original.code as string, `${original.message}: ${reason}: ${address}`, address)
  if (typeof original.errno === "number") explained.errno = original.errno
  return explained
}

interface BoundFile {
  path: string
  dev: number
  ino: number
}

export class IpcFiles {
  private readonly files = new Map<string, BoundFile>()

  /** After a successful bind: remembers the file an `ipc://<path>` endpoint created. */
  bound(address: string): void {
    const path = filePath(address)
    if (path === undefined) return
    try {
      const {dev, ino} = fs.statSync(path)
      this.files.set(address, {path, dev, ino})
    } catch {
      // Gone already (removed by someone else): nothing of ours to clean up.
    }
  }

  /** After a successful unbind: removes that endpoint's file. */
  unbound(address: string): void {
    const file = this.files.get(address)
    if (file === undefined) return
    this.files.delete(address)
    remove(file)
  }

  /** On close: removes every file still bound. */
  closed(): void {
    for (const file of this.files.values()) remove(file)
    this.files.clear()
  }
}

// The file behind an endpoint, or undefined for other transports, abstract names (`@name`)
// and libzmq's own wildcard files (`*`).
function filePath(address: string): string | undefined {
  if (!address.startsWith("ipc://")) return undefined
  const path = address.slice("ipc://".length)
  if (path === "" || path.startsWith("@") || path.startsWith("*")) return undefined
  return path
}

function remove(file: BoundFile): void {
  try {
    const now = fs.statSync(file.path)
    if (now.dev === file.dev && now.ino === file.ino) fs.unlinkSync(file.path)
  } catch {
    // Already removed, or not ours to remove: either way nothing is left to do.
  }
}
