// What this build of libzmq can do: zmq_has() for each capability, plus the WebSocket
// transports, which libzmq 4.3.4's zmq_has does not know about, and udp (a draft transport).
import {binding} from "./native"
import {ZMQ_LINGER, ZMQ_PAIR} from "./generated/zmq"

/** What this build of libzmq can do: a flag per transport and feature. */
export interface Capability {
  /** The ipc:// transport (Unix domain sockets). */
  ipc: boolean
  /** The pgm:// and epgm:// reliable multicast transports (OpenPGM). */
  pgm: boolean
  /** The tipc:// transport (Linux TIPC). */
  tipc: boolean
  /** The norm:// reliable multicast transport (NACK-Oriented Reliable Multicast). */
  norm: boolean
  /** The CURVE security mechanism (encryption and authentication). */
  curve: boolean
  /** The GSSAPI security mechanism (Kerberos). */
  gssapi: boolean
  /** libzmq's draft API: the draft socket types (`zmq-native/draft`) and options. */
  draft: boolean
  /** The ws:// WebSocket transport. */
  ws: boolean
  /** The wss:// WebSocket transport over TLS. */
  wss: boolean
  /** The udp:// transport (Radio, Dish and Datagram sockets). */
  udp: boolean
  /** The vmci:// transport (VMware guest–host sockets). */
  vmci: boolean
}

// A connect is asynchronous and harmless; libzmq refuses it at once with EPROTONOSUPPORT when
// the transport is not compiled in.
function hasTransport(scheme: "ws" | "wss"): boolean {
  if (binding.has(scheme)) return true
  // In a context of its own: a first socket of the shared default one would start its I/O
  // threads now, before a program could set its ioThreads or thread scheduling options.
  const context = new binding.Context()
  const probe = new binding.Socket(context, ZMQ_PAIR, () => undefined)
  try {
    probe.setInt32(ZMQ_LINGER, 0)
    probe.connect(`${scheme}://127.0.0.1:1`)
    return true
  } catch {
    return false
  } finally {
    probe.close()
    // No promise: one still pending when a worker that loaded the package ends is never freed.
    context.terminateInBackground()
  }
}

/** What this build of libzmq can do, e.g. `capability.curve`. */
export const capability: Readonly<Capability> = Object.freeze({
  ipc: binding.has("ipc"),
  pgm: binding.has("pgm"),
  tipc: binding.has("tipc"),
  norm: binding.has("norm"),
  curve: binding.has("curve"),
  gssapi: binding.has("gssapi"),
  draft: binding.has("draft"),
  ws: hasTransport("ws"),
  wss: hasTransport("wss"),
  udp: binding.has("draft"),
  vmci: binding.has("vmci"),
})
