// zmq-native/v5-compat: the callback and EventEmitter API of zeromq v5 (and of the `zmq`
// package before it), so `require("zeromq")` code runs unchanged with
// `require("zmq-native/v5-compat")`. Built on the same core sockets as zmq-native itself.
import {context} from "./context"
import {curveKeyPair, version as libzmqVersion} from "./index"
import {Socket, type SocketType} from "./v5/socket"
import {shortOptions} from "./v5/options"
import {monitorEventNames} from "./v5/monitor"
import * as zmq from "./v5/constants"

export {Socket, type SocketType, type Callback} from "./v5/socket"
export {type OptionValue, type ShortOption} from "./v5/options"
export {proxy} from "./v5/proxy"
export * from "./v5/constants"

/** A CURVE key pair, Z85-encoded (40 characters each): what curveKeypair() gives. */
export interface CurveKeyPair {
  public: string
  secret: string
}

/** The `types` table's type: zeromq v5's socket type names and their ZMQ_* numbers. */
export type SocketTypes = Readonly<Record<SocketType, number>>

/** The `options` table's type: zeromq v5's short option names and their ZMQ_* ids. */
export type SocketOptions = typeof shortOptions

/** libzmq's version, e.g. "4.3.4". */
export const version: string = libzmqVersion

/** zeromq v5's short option names and their ZMQ_* ids. */
export const options: SocketOptions = shortOptions

/** zeromq v5's socket type names and their ZMQ_* numbers. */
export const types: SocketTypes = Object.freeze({
  pub: zmq.ZMQ_PUB,
  xpub: zmq.ZMQ_XPUB,
  sub: zmq.ZMQ_SUB,
  xsub: zmq.ZMQ_XSUB,
  req: zmq.ZMQ_REQ,
  xreq: zmq.ZMQ_XREQ,
  rep: zmq.ZMQ_REP,
  xrep: zmq.ZMQ_XREP,
  push: zmq.ZMQ_PUSH,
  pull: zmq.ZMQ_PULL,
  dealer: zmq.ZMQ_DEALER,
  router: zmq.ZMQ_ROUTER,
  pair: zmq.ZMQ_PAIR,
  stream: zmq.ZMQ_STREAM,
})

/** The monitor event names monitor() emits. */
export const events: readonly string[] = monitorEventNames

/**
 * A new socket of `type` (a name such as "req", or a ZMQ_* type number); every key of
 * `options` is assigned to it (`{identity: "a", linger: 0}` sets those options).
 */
export function createSocket(type: SocketType | number, options?: {[key: string]: any}): Socket {
  const socket = new Socket(type)
  if (options !== undefined && options !== null) {
    for (const key of Object.keys(options)) socket[key] = options[key]
  }
  return socket
}

export {createSocket as socket}

/** A new CURVE key pair, Z85-encoded (40 characters each). */
export function curveKeypair(): CurveKeyPair {
  const {publicKey, secretKey} = curveKeyPair()
  return {public: publicKey, secret: secretKey}
}

/** The default context's settings, as zeromq v5 exposed them (every v5 socket uses it). */
export class Context {
  /** ZMQ_IO_THREADS: effective only before the first socket is made. */
  static setMaxThreads(value: number): void {
    context.ioThreads = value
  }
  static getMaxThreads(): number {
    return context.ioThreads
  }
  /** ZMQ_MAX_SOCKETS. */
  static setMaxSockets(value: number): void {
    context.maxSockets = value
  }
  static getMaxSockets(): number {
    return context.maxSockets
  }
}
