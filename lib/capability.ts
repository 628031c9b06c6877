// What this build of libzmq can do: zmq_has() for each capability, plus the WebSocket
// transports, which libzmq 4.3.4's zmq_has does not know about, and udp (a draft transport).
import {binding} from "./native"

export interface Capability {
  ipc: boolean
  pgm: boolean
  tipc: boolean
  norm: boolean
  curve: boolean
  gssapi: boolean
  draft: boolean
  ws: boolean
  wss: boolean
  udp: boolean
  vmci: boolean
}

// A connect is asynchronous and harmless; libzmq refuses it at once with EPROTONOSUPPORT when
// the transport is not compiled in.
function hasTransport(scheme: "ws" | "wss"): boolean {
  if (binding.has(scheme)) return true
  // In a context of its own: a first socket of the shared default one would start its I/O
  // threads now, before a program could set its ioThreads or thread scheduling options.
  const context = new binding.Context()
  const probe = new binding.Socket(context, 0, () => undefined)
  try {
    probe.setInt32(17, 0)
    probe.connect(`${scheme}://127.0.0.1:1`)
    return true
  } catch {
    return false
  } finally {
    probe.close()
    void context.terminate()
  }
}

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
