// zeromq v5's proxy(frontend, backend, capture?): forwards messages between two v5 sockets
// from their "message" events (so the sockets stay usable, as they were in v5), for the pairs
// v5 accepted. Whole messages go through, every frame of them, and `capture` gets a copy of
// each in both directions, as libzmq's zmq_proxy() does.
import {typeError} from "../errors"
import {Socket, type SocketType} from "./socket"

// v5's accepted "frontend/backend" pairs, by canonical type (xrep is router, xreq dealer).
const pairs = new Set(["push/pull", "pull/push", "xpub/xsub", "router/dealer"])
const canonical: Partial<Record<SocketType, SocketType>> = {xrep: "router", xreq: "dealer"}

function forward(from: Socket, to: Socket, capture: Socket | undefined): void {
  from.on("message", (...frames: Buffer[]) => {
    to.send(frames)
    capture?.send(frames)
  })
}

/**
 * Forwards frontend ↔ backend (push/pull, pull/push, xpub/xsub, router/dealer; xrep and xreq
 * as router and dealer), copying every message to `capture` when given. Returns at once;
 * forwarding goes on while the sockets are open, from their "message" events, so the sockets
 * stay usable.
 *
 * @throws TypeError when `frontend`, `backend` or a given `capture` is not a Socket; Error
 * "This socket type order is not supported in compatibility mode" for another pair.
 */
export function proxy(frontend: Socket, backend: Socket, capture?: Socket): void {
  if (!(frontend instanceof Socket)) throw typeError("frontend", "a Socket", frontend)
  if (!(backend instanceof Socket)) throw typeError("backend", "a Socket", backend)
  if (capture !== undefined && !(capture instanceof Socket)) throw typeError("capture", "a Socket", capture)
  const order = `${canonical[frontend.type] ?? frontend.type}/${canonical[backend.type] ?? backend.type}`
  if (!pairs.has(order)) throw new Error("This socket type order is not supported in compatibility mode")
  forward(frontend, backend, capture)
  forward(backend, frontend, capture)
}
