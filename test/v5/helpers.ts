// Shared by the v5-compat suites: both implementations of the v5 API (ours, and zeromq@6's
// v5-compat as the differential reference), sockets closed after each test, endpoints per
// transport, and events turned into promises.
import {once} from "node:events"
import * as ours from "../../lib/v5-compat"
import {bindAddress, transports, type Transport} from "../sockets/helpers"

export {bindAddress, transports, type Transport}

export {ours}
/** zeromq@6's v5-compat: the reference for events, their order, arguments and errors. */
export const theirs: typeof ours = require("zeromq/v5-compat")

export type V5 = typeof ours
export type V5Socket = ours.Socket

/** Makes sockets of `zmq` that afterEach closes. */
export function socketsClosedAfterEach(
  zmq: V5 = ours,
): (type: ours.SocketType, options?: object) => V5Socket {
  const open: V5Socket[] = []
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close()
  })
  return (type, options) => {
    const socket = zmq.socket(type, options)
    open.push(socket)
    return socket
  }
}

/** Calls `action` every `ms` until the returned stop() or the end of the test. */
export function every(ms: number, action: () => void): () => void {
  const timer = setInterval(action, ms)
  const stop = () => clearInterval(timer)
  timers.push(stop)
  return stop
}
const timers: (() => void)[] = []
afterEach(() => {
  for (const stop of timers.splice(0)) stop()
})

/** Binds `server` (bindSync) and connects `client` to where it landed. */
export function link(transport: Transport, server: V5Socket, client: V5Socket): string {
  server.bindSync(bindAddress(transport))
  const endpoint = server.last_endpoint!
  client.connect(endpoint)
  return endpoint
}

/** The next "message" event's frames, as text. */
export async function nextMessage(socket: V5Socket): Promise<string[]> {
  const frames = (await once(socket, "message")) as Buffer[]
  return frames.map(frame => frame.toString())
}

/** Resolves with the frames (as text) of the next `count` messages. */
export function messages(socket: V5Socket, count: number): Promise<string[][]> {
  return new Promise(resolve => {
    const received: string[][] = []
    const listener = (...frames: Buffer[]) => {
      received.push(frames.map(frame => frame.toString()))
      if (received.length < count) return
      socket.off("message", listener)
      resolve(received)
    }
    socket.on("message", listener)
  })
}

/** What a callback or listener got, with errors reduced to what is compared. */
export function shape(value: unknown): unknown {
  // Errors made by an addon come from Node's realm, not jest's: no instanceof.
  if (typeof value === "object" && value !== null && "message" in value && "stack" in value) {
    const {code, errno, message} = value as Error & {code?: string; errno?: number}
    return {error: value.constructor.name, message, code, errno}
  }
  if (Buffer.isBuffer(value)) return `<${value.toString()}>`
  return value
}
