/**
 * zmq-native/v5-compat: the callback and EventEmitter API of zeromq v5 (and of the `zmq`
 * package before it), so `require("zeromq")` code runs unchanged with
 * `require("zmq-native/v5-compat")`. Built on the same core sockets as zmq-native itself.
 * Start with {@link socket} and {@link Socket}; where it differs from zeromq v6's
 * `zeromq/v5-compat`: [Coming from zeromq v5 or zmq](../README.md#coming-from-zeromq-v5-or-zmq).
 *
 * @packageDocumentation
 */
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
  /** The public key: give it to peers (`curve_serverkey` on a client of this server). */
  public: string
  /** The secret key: keep it on this side (`curve_secretkey`). */
  secret: string
}

/** The `types` table's type: zeromq v5's socket type names and their ZMQ_* numbers. */
export type SocketTypes = Readonly<Record<SocketType, number>>

/** The `options` table's type: zeromq v5's short option names and their ZMQ_* ids. */
export type SocketOptions = typeof shortOptions

/** The version of the libzmq this package runs on, e.g. "4.3.4". */
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

/** The event names `Socket.monitor()` emits ("connect", "connect_delay", …, "disconnect"). */
export const events: readonly string[] = monitorEventNames

/**
 * A new socket of `type` (a name such as "req", or a ZMQ_* type number such as `ZMQ_REQ`);
 * every key of `options` is assigned to it (`{identity: "a", linger: 0}` sets those options;
 * a key that names no option becomes a plain property, as in v5). `socket()` is the same
 * function. How this differs from zeromq v6's v5-compat:
 * [Coming from zeromq v5 or zmq](../README.md#coming-from-zeromq-v5-or-zmq).
 *
 * @throws Error "Invalid socket type: …" for an unknown type; what setting each option throws
 * (TypeError, RangeError, or Error with `code` `EINVAL`; see {@link Socket.setsockopt}).
 */
export function createSocket(type: SocketType | number, options?: {[key: string]: any}): Socket {
  const socket = new Socket(type)
  if (options !== undefined && options !== null) {
    for (const key of Object.keys(options)) socket[key] = options[key]
  }
  return socket
}

export {createSocket as socket}

/**
 * A new CURVE key pair, Z85-encoded (40 characters each).
 *
 * @throws Nothing (this build of libzmq has CURVE).
 */
export function curveKeypair(): CurveKeyPair {
  const {publicKey, secretKey} = curveKeyPair()
  return {public: publicKey, secret: secretKey}
}

/**
 * The default context's settings, as zeromq v5 exposed them (every v5 socket uses that
 * context, the one zmq-native's own sockets use by default).
 *
 * @example
 * ```ts
 * import * as zmq from "zmq-native/v5-compat"
 * zmq.Context.setMaxThreads(2) // before the first socket is made
 * const push = zmq.socket("push")
 * console.log(zmq.Context.getMaxThreads(), zmq.Context.getMaxSockets()) // 2 1023
 * push.close()
 * ```
 */
export class Context {
  /**
   * Sets ZMQ_IO_THREADS, the number of libzmq I/O threads (default 1): effective only before
   * the first socket is made.
   *
   * @throws TypeError when `value` is not an integer; Error with `code` `EINVAL` when libzmq
   * refuses it (below 0).
   */
  static setMaxThreads(value: number): void {
    context.ioThreads = value
  }
  /**
   * ZMQ_IO_THREADS: the number of libzmq I/O threads (default 1).
   *
   * @throws Nothing.
   */
  static getMaxThreads(): number {
    return context.ioThreads
  }
  /**
   * Sets ZMQ_MAX_SOCKETS, how many sockets the context may hold at once (default 1023).
   *
   * @throws TypeError when `value` is not an integer; Error with `code` `EINVAL` when libzmq
   * refuses it (below 1).
   */
  static setMaxSockets(value: number): void {
    context.maxSockets = value
  }
  /**
   * ZMQ_MAX_SOCKETS: how many sockets the context may hold at once (default 1023).
   *
   * @throws Nothing.
   */
  static getMaxSockets(): number {
    return context.maxSockets
  }
}
