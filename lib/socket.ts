// The Socket base class: endpoints, lifetime and the socket's observer. Its send and receive
// operations are the engine's (lib/core/engine.ts), reached through the methods each socket
// type's generated class (lib/generated/sockets.ts) has; its options are generated accessors
// too (lib/generated/options.ts for those every type has).
import {binding, type NativeSocket} from "./native"
import {context as defaultContext, isContext, trackSocket, untrackSocket, type Context} from "./context"
import {describe, errnoError, rangeError, typeError} from "./errors"
import {Observer} from "./observer"
import {IpcFiles, transportError} from "./endpoints"
import * as zmq from "./generated/zmq"
import {SocketBase} from "./generated/options"
import {socketTypes, type SocketKind} from "./socket-types"
import {codecs} from "./core/codecs"
import {Engine} from "./core/engine"
import {closeWithin, engine, native, proxied} from "./core/handles"
import {applyOptions, checkOptions, endpointsChanged} from "./core/option-values"
import {checkHandshakeOptions} from "./auth/handshake-guard"
import type {MessageWithMetadata, MetadataReceiveOptions} from "./metadata"
import {receiveScratch, type Message, type MessageLike} from "./core/frames"
import type {OperationOptions} from "./core/pending"

export type {Message, MessageLike} from "./core/frames"
export type {OperationOptions} from "./core/pending"

/**
 * What a socket type that sends can do. M: what one message is; O: the options after it, as a
 * tuple — optional for most types, required where libzmq needs an address (a draft Server's
 * routing id, a Radio's group).
 */
export interface Writable<M = MessageLike | MessageLike[], O extends unknown[] = [OperationOptions?]> {
  /**
   * Queues a message — one frame, or an array of frames for a multipart message. Resolves once
   * libzmq accepted it; waits while the high-water mark is reached (up to sendTimeout, or
   * `options.timeout`). Several sends may be pending; they go out in call order.
   *
   * A frame is a Buffer, any TypedArray or DataView, an ArrayBuffer or SharedArrayBuffer, a
   * string (sent as UTF-8), a number (its decimal text) or `null` (an empty frame). Any other
   * value is sent as its text, as zeromq v6 does (`true` as "true", an object as its
   * `toString()`, a nested array as its elements joined by commas).
   *
   * A send that completes at once resolves at once, but after 512 of those in a row on this
   * socket the next ones resolve after one turn of the event loop, so that a loop of
   * `await send()` lets timers, I/O and other sockets run.
   *
   * @example
   * ```ts
   * import {Push} from "zmq-native"
   * declare const push: Push
   * await push.send("one frame")
   * await push.send(["topic", Buffer.from([1, 2, 3])], {timeout: 1000})
   * ```
   * @throws Throws at once, as zeromq v6 does: a TypeError "Message must be present" without a
   * message (or with `undefined`), "Expected 1 argument but received 3" (2 where the options
   * are required) for extra arguments, "Cannot convert a Symbol value to a string" (or what a
   * frame's `toString()` throws) for a frame that has no text, one naming `message` for an
   * empty array; an Error with `code` `EBADF` when the socket is closed. Rejects with an Error
   * whose `code` is `EAGAIN` when the send timed out (the socket's `sendTimeout`, or
   * `options.timeout`) or the socket was closed while it waited; `EFSM` when the socket's
   * pattern forbids sending now (a Request awaiting its reply); `EHOSTUNREACH` when a mandatory
   * Router names an unknown peer; `EBUSY` while a Proxy runs with the socket; an `AbortError`
   * when `options.signal` aborts; a TypeError or RangeError naming `options.timeout` when it is
   * not an integer from -1 to 2^31-1.
   */
  send(message: M, ...options: O): Promise<void>
  /**
   * Sends messages in order with as few native calls as possible; resolves when all are
   * queued. The fast path for many small messages.
   *
   * @throws Throws an Error with `code` `EBADF` at once when the socket is closed. Rejects
   * with an Error whose `code` is `EAGAIN` when the send timed out (the socket's `sendTimeout`,
   * or `options.timeout`) or the socket was closed while it waited; `EFSM` when the socket's
   * pattern forbids sending now (a Request awaiting its reply); `EHOSTUNREACH` when a mandatory
   * Router names an unknown peer; `EBUSY` while a Proxy runs with the socket; an `AbortError`
   * when `options.signal` aborts. A TypeError for an empty message or a frame that has no text
   * (frames are converted as send() converts them), a TypeError or RangeError naming
   * `options.timeout` when it is not an integer from -1 to 2^31-1. When one message fails,
   * those before it are sent and those after it are not.
   */
  sendMany(messages: M[], ...options: O): Promise<void>
}

/**
 * What a socket type that receives can do. R: what receive() gives for one message (its
 * frames; draft sockets add the routing id or group).
 */
export interface Readable<R = Message[]> {
  /**
   * With `options.metadata`: the message and its metadata (socket made with `receiveMetadata: true`).
   *
   * @throws What the other form throws and rejects with, and a TypeError when the socket was
   * not made with `receiveMetadata: true`.
   */
  receive(options: MetadataReceiveOptions): Promise<MessageWithMetadata>
  /**
   * Receives one message. Several receives may be pending, served in order; waits up to
   * receiveTimeout, or `options.timeout`. A timed-out or aborted receive takes nothing. A
   * message already waiting resolves at once, but after 512 immediate completions in a row the
   * next ones resolve after one turn of the event loop (as for send()).
   *
   * @example
   * ```ts
   * import {Pull} from "zmq-native"
   * declare const pull: Pull
   * const [first, ...rest] = await pull.receive({timeout: 1000})
   * ```
   * @throws Throws an Error with `code` `EBADF` at once when the socket is closed, as zeromq v6
   * does. Rejects with an Error whose `code` is `EAGAIN` when the receive timed out (the
   * socket's `receiveTimeout`, or `options.timeout`) or the socket was closed while it waited;
   * `EFSM` when the socket's pattern forbids receiving now (a Request that has not sent);
   * `EBUSY` while a Proxy runs with the socket; an `AbortError` when `options.signal` aborts. A
   * TypeError or RangeError naming `options.timeout` when it is not an integer from -1 to
   * 2^31-1.
   */
  receive(options?: OperationOptions): Promise<R>
  /**
   * Every message ready now (waiting for at least one), at most `max` (default 1024), in one
   * call. The fast path for many small messages.
   *
   * @throws Throws an Error with `code` `EBADF` at once when the socket is closed. Rejects with
   * an Error whose `code` is `EAGAIN` when the receive timed out (the socket's
   * `receiveTimeout`, or `options.timeout`) or the socket was closed while it waited; `EFSM`
   * when the socket's pattern forbids receiving now (a Request that has not sent); `EBUSY`
   * while a Proxy runs with the socket; an `AbortError` when `options.signal` aborts. A
   * TypeError or RangeError naming `options.timeout` when it is not an integer from -1 to
   * 2^31-1. A RangeError naming `max` when it is not a positive integer.
   */
  receiveMany(max?: number, options?: OperationOptions): Promise<R[]>
  /**
   * `for await (const message of socket)`: ends when the socket is closed.
   *
   * @throws The loop throws what `receive()` would reject with, `EAGAIN` and `EBADF` from
   * closing excepted (those end it).
   */
  [Symbol.asyncIterator](): AsyncIterator<R, undefined>
}

/**
 * What a socket type whose messages are plain frames can do besides {@link Readable}: receive
 * into memory the caller owns. R: what receive() gives for one message.
 */
export interface ReadableInto<R = Message[]> {
  /**
   * Receives one message into `buffer` when it is one frame that fits there: its bytes are
   * copied to the start of `buffer` and the promise resolves with their count. Any other message
   * (several frames, or a frame longer than `buffer`) resolves as `receive()` would, with its
   * frames, so nothing is cut short or lost. Made for large frames read into one reused buffer:
   * libzmq's copy of each message is freed at once, where a received Buffer holds it until V8
   * collects the Buffer (docs/performance.md, "receiveInto"). Queued with `receive()` calls, in
   * call order, with the same timeouts and options.
   *
   * @example
   * ```ts
   * import {Pull} from "zmq-native"
   * declare const pull: Pull
   * const buffer = Buffer.alloc(1 << 20)
   * const received = await pull.receiveInto(buffer)
   * const bytes = typeof received === "number" ? buffer.subarray(0, received) : Buffer.concat(received)
   * ```
   * @throws What `receive()` throws and rejects with, and rejects with a TypeError naming
   * `buffer` when it is not a Buffer, TypedArray or DataView.
   */
  receiveInto(buffer: ArrayBufferView, options?: OperationOptions): Promise<number | R>
}

/** What every socket constructor takes besides the type's options. */
export interface BaseSocketOptions {
  /** The context to make the socket in; default: the shared default context. */
  context?: Context
  /**
   * Lets `receive({metadata})` read each message's metadata (User-Id, Peer-Address, …; see
   * docs/security.md). Messages are then read from libzmq one at a time, never ahead.
   * Standard socket types only.
   */
  receiveMetadata?: boolean
  /**
   * Low-latency receives, opt-in: a receive (or `for await` step) that finds no message spins
   * for up to this many microseconds, polling libzmq, before it waits on the event loop. A
   * reply that comes within the window then costs no thread wake-up, at the price of a busy
   * CPU and an event loop blocked for the window (timers and other I/O wait). For a peer in
   * another thread or process; 0 to 1,000,000; default 0 (never spin).
   */
  busyPoll?: number
}

function checkBusyPoll(value: unknown): number {
  if (value === undefined) return 0
  if (typeof value !== "number") throw typeError("options.busyPoll", "a number of microseconds", value)
  if (!Number.isInteger(value) || value < 0 || value > 1e6) {
    throw rangeError("options.busyPoll", "an integer from 0 to 1000000 (microseconds)", value)
  }
  return value
}

type IfEquals<X, Y, A, B> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B
/** The names of S's writable, non-method properties. */
type WritableKeys<S> = {
  [P in keyof S]-?: S[P] extends (...args: never[]) => unknown
    ? never
    : IfEquals<{[Q in P]: S[P]}, {-readonly [Q in P]: S[P]}, P, never>
}[keyof S]

/**
 * What a socket's constructor takes, as zeromq v6's `SocketOptions<Dealer>`: `context` and the
 * socket's writable option properties.
 */
export type SocketOptions<S extends object = Socket> = BaseSocketOptions & Partial<Pick<S, WritableKeys<S>>>

/**
 * The state every socket type shares; each type is a subclass (Pair, Publisher, ...). As in
 * zeromq v6 a socket can also be made by libzmq type number, `new Socket(5)` (ZMQ_DEALER), and
 * the class extended: `class Mine extends Socket { constructor(o) { super(1, o) } }` (without
 * fields of its own: sockets are sealed).
 *
 * @example
 * ```ts
 * import {Pull, Push, type Socket} from "zmq-native"
 *
 * function describe(socket: Socket): string {
 *   return `${socket.constructor.name}${socket.closed ? " (closed)" : ""}`
 * }
 * const sockets: Socket[] = [new Push(), new Pull()]
 * console.log(sockets.map(describe))
 * for (const socket of sockets) socket.close()
 * ```
 */
export class Socket extends SocketBase {
  /** @internal the native socket; throws EBADF once closed */
  readonly [native]: NativeSocket
  /** @internal */
  readonly [engine]: Engine;
  /** @internal the proxy running with this socket, stopped before the socket closes */
  [proxied]?: {halt(): void}
  readonly #context: Context
  readonly #registration: ReturnType<typeof trackSocket>
  #observer?: Observer
  // Files of the ipc endpoints this socket bound, removed on unbind and close.
  #ipcFiles?: IpcFiles
  // A bind() or unbind() runs on the thread pool: as in zeromq v6 the socket is the call's
  // until it settles (the native layer refuses other endpoint calls, sends and receives with
  // EBUSY; options wait), and close() is done when it settles.
  #endpointWork = false
  #closeRequested = false

  /**
   * A socket of libzmq type `type` (ZMQ_PAIR = 0, ...; the subclasses pass their kind), in
   * `options.context` or the default context, with the other options set.
   */
  constructor(type: number | SocketKind, options?: SocketOptions) {
    super()
    // v6's checks, in its order: each argument, then their count.
    if (typeof type !== "number" && !(typeof type === "string" && Object.hasOwn(socketTypes, type))) {
      throw new TypeError("Socket type must be a number")
    }
    checkOptions(options)
    if (arguments.length > 2) throw new TypeError(`Expected 2 arguments but received ${arguments.length}`)
    const kind = typeof type === "number" ? kindOfType(type) : type
    // libzmq's answer to a type number it does not have.
    if (kind === undefined) throw errnoError("EINVAL", "Invalid argument")
    this.#context = contextOf(options)
    const spec = socketTypes[kind]
    const handle = this.#context[native]
    const metadata = options?.receiveMetadata ?? false
    const busyPoll = checkBusyPoll(options?.busyPoll)
    this[engine] = new Engine(
      (onReady, large) => new binding.Socket(handle, zmq[spec.zmq], onReady, large, receiveScratch),
      codecs[spec.frames],
      // Read one at a time, never ahead, where each message's metadata is to be read.
      metadata === true ? 1 : spec.batch,
      this,
      metadata === true,
      busyPoll,
    )
    this[native] = this[engine].native
    this.#registration = trackSocket(this.#context, this)
    try {
      if (typeof metadata !== "boolean") throw typeError("options.receiveMetadata", "a boolean", metadata)
      // Draft types shape their messages themselves and have no metadata receive.
      if (metadata && spec.draft) {
        throw new TypeError(`The "receiveMetadata" option is for the standard socket types, not ${kind}`)
      }
      // As zeromq v6's: a misspelt option set as a property (push.sendHighWaterMarc = 10)
      // throws a TypeError (in strict code) instead of being silently kept as a new property.
      Object.seal(this)
      applyOptions(this, "Socket", options, ["context", "receiveMetadata", "busyPoll"])
    } catch (error) {
      this.close()
      throw error
    }
  }

  // ---- state ----

  /** The context this socket belongs to. */
  get context(): Context {
    return this.#context
  }

  /** Whether the socket was closed (by close(), or by closing its context). */
  get closed(): boolean {
    return this[native].closed
  }

  /**
   * The socket's event observer, made on first use (do that before bind/connect to see their
   * events). It closes shortly after the socket: libzmq reports what closing did ("close" for
   * each bound endpoint, "disconnect"s), then a final "end" event.
   */
  get events(): Observer {
    return (this.#observer ??= new Observer(this))
  }

  /** Whether a receive would complete now. */
  get readable(): boolean {
    return this[engine].readable
  }

  /** Whether a send would complete now. */
  get writable(): boolean {
    return this[engine].writable
  }

  // ---- endpoints ----

  /**
   * Binds to an endpoint (e.g. `tcp://127.0.0.1:*`; read the port chosen from lastEndpoint).
   * Resolves once bound; rejects with libzmq's error, whose `address` is the endpoint.
   *
   * @example
   * ```ts
   * import {Reply} from "zmq-native"
   * const server = new Reply()
   * await server.bind("tcp://127.0.0.1:*")
   * console.log(server.lastEndpoint) // "tcp://127.0.0.1:41023"
   * server.close()
   * ```
   * @throws Rejects with an Error with `code` and `address` (the endpoint): `EADDRINUSE` when the address is
   * taken, `EADDRNOTAVAIL` or `ENODEV` when no local interface has it, `EINVAL` for a malformed
   * endpoint, `EPROTONOSUPPORT` for a transport this build lacks (see `capability`),
   * `ENOCOMPATPROTO` for a transport this socket type cannot use, `ENAMETOOLONG` for an ipc
   * path over 107 bytes. Throws at once, as zeromq v6's does, a TypeError when `address` is not
   * a string, `EBADF` when the socket is closed, and `EBUSY` while a Proxy runs with it or
   * another bind() or unbind() is pending (one at a time, as in v6).
   */
  bind(address: string): Promise<void> {
    checkAddress(address, this[native])
    if (!this.#endpointWork) {
      try {
        checkHandshakeOptions(this, address)
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return this.#whileEndpointWork(
      this[native].bindAsync(address),
      () => this.#bound(address),
      error => transportError(error, address),
    )
  }

  /**
   * bind(), synchronously: throws libzmq's error.
   *
   * @throws Error with `code` and `address` (the endpoint): `EADDRINUSE` when the address is
   * taken, `EADDRNOTAVAIL` or `ENODEV` when no local interface has it, `EINVAL` for a malformed
   * endpoint, `EPROTONOSUPPORT` for a transport this build lacks (see `capability`),
   * `ENOCOMPATPROTO` for a transport this socket type cannot use, `ENAMETOOLONG` for an ipc
   * path over 107 bytes, `EBADF` when the socket is closed, `EBUSY` while a Proxy runs with it
   * or a bind() or unbind() is pending. A TypeError when `address` is not a string.
   */
  bindSync(address: string): void {
    checkAddress(address)
    // (While a bind or unbind is pending the native call refuses first, EBUSY.)
    if (!this.#endpointWork) checkHandshakeOptions(this, address)
    try {
      this[native].bind(address)
    } catch (error) {
      throw transportError(error, address)
    }
    this.#bound(address)
  }

  #bound(address: string): void {
    endpointsChanged(this[native], 1)
    if (address.startsWith("ipc://")) (this.#ipcFiles ??= new IpcFiles()).bound(address)
    // Closed meanwhile (its context was closed while the bind ran): nothing to attach.
    if (this[native].closed) this.#ipcFiles?.closed()
    else this[engine].attached()
  }

  // The outcome of a bind or unbind running on the thread pool: its bookkeeping, then a close()
  // asked for meanwhile, then the caller's promise settles (as in zeromq v6).
  #whileEndpointWork(
    work: Promise<void>,
    done: () => void,
    failed: (error: unknown) => unknown,
  ): Promise<void> {
    this.#endpointWork = true
    const finish = () => {
      this.#endpointWork = false
      if (this.#closeRequested) this.close()
    }
    return work.then(
      () => {
        this.#endpointWork = false
        done()
        finish()
      },
      (error: unknown) => {
        finish()
        throw failed(error)
      },
    )
  }

  /**
   * Stops listening on a bound endpoint (removing a bound ipc path's socket file).
   *
   * @throws Rejects with an Error with `code` and `address`: `ENOENT` when the socket is not bound
   * there. Throws at once, as zeromq v6's does, a TypeError when `address` is not a string,
   * `EBADF` when the socket is closed, and `EBUSY` while a Proxy runs with it or another bind()
   * or unbind() is pending.
   */
  unbind(address: string): Promise<void> {
    checkAddress(address, this[native])
    return this.#whileEndpointWork(
      this[native].unbindAsync(address),
      () => this.#unbound(address),
      error => error,
    )
  }

  /**
   * unbind(), synchronously: throws libzmq's error.
   *
   * @throws Error with `code` and `address`: `ENOENT` when the socket is not bound there,
   * `EBADF` when the socket is closed, `EBUSY` while a bind() or unbind() is pending. A
   * TypeError when `address` is not a string.
   */
  unbindSync(address: string): void {
    checkAddress(address)
    this[native].unbind(address)
    this.#unbound(address)
  }

  #unbound(address: string): void {
    endpointsChanged(this[native], -1)
    this.#ipcFiles?.unbound(address)
  }

  /**
   * Connects to an endpoint; libzmq connects (and reconnects) in the background, so this
   * succeeds before any peer is there, and messages sent meanwhile wait in the queue.
   *
   * @throws Error with `code` and `address`: `EINVAL` for a malformed endpoint,
   * `EPROTONOSUPPORT` for a transport this build lacks (see `capability`), `ENOCOMPATPROTO`
   * for a transport this socket type cannot use, `EBADF` when the socket is closed, `EBUSY`
   * while a Proxy runs with it or a bind() or unbind() is pending. A TypeError when `address`
   * is not a string.
   */
  connect(address: string): void {
    checkAddress(address)
    // (While a bind or unbind is pending the native call refuses first, EBUSY.)
    if (!this.#endpointWork) checkHandshakeOptions(this, address)
    try {
      this[native].connect(address)
    } catch (error) {
      throw transportError(error, address)
    }
    endpointsChanged(this[native], 1)
    this[engine].attached()
  }

  /**
   * Disconnects from an endpoint connect() was given.
   *
   * @throws Error with `code` and `address`: `ENOENT` when the socket has not connected there,
   * `EBADF` when the socket is closed, `EBUSY` while a bind() or unbind() is pending. A
   * TypeError when `address` is not a string.
   */
  disconnect(address: string): void {
    checkAddress(address)
    this[native].disconnect(address)
    endpointsChanged(this[native], -1)
  }

  // ---- lifetime ----

  /**
   * Closes the socket. Idempotent. Pending sends and receives reject with EAGAIN (as in
   * zeromq v6); later calls reject with EBADF. Queued outgoing messages are delivered for up
   * to `linger` ms. While a bind() or unbind() is pending the socket closes when it settles, as
   * in zeromq v6 (`closed` stays false until then).
   *
   * @throws Nothing: closing a closed socket does nothing.
   */
  close(): void {
    this.#closeRequested = this.#endpointWork
    if (!this.#endpointWork) this[closeWithin](undefined)
  }

  /**
   * @internal closes, lingering at most maxLinger ms when given: at once, for its context's
   * close and the process's exit (a bind or unbind running is waited for natively)
   */
  [closeWithin](maxLinger: number | undefined): void {
    const socket = this[native]
    if (socket.closed) return
    this[proxied]?.halt()
    this.#observer?.socketClosing()
    if (maxLinger !== undefined) {
      const linger = socket.getInt32(zmq.ZMQ_LINGER)
      if (linger < 0 || linger > maxLinger) socket.setInt32(zmq.ZMQ_LINGER, maxLinger)
    }
    socket.close()
    this.#ipcFiles?.closed()
    untrackSocket(this.#context, this.#registration)
    this[engine].close()
  }

  /**
   * `await using socket = new Pull()`: closes the socket at the end of the scope.
   *
   * @throws Nothing.
   */
  [Symbol.asyncDispose](): Promise<void> {
    this.close()
    return Promise.resolve()
  }
}

// options.context when given (v6 takes the key's presence, so `context: undefined` fails too),
// else the default context.
function contextOf(options: SocketOptions | undefined): Context {
  if (options === undefined || !("context" in options)) return defaultContext
  const {context} = options
  if (!isContext(context)) {
    // v6's words, with the code and errno every error of ours carries (docs/compat.md).
    throw errnoError(
      "EINVAL",
      `Invalid argument: options.context must be a zmq-native Context (got ${describe(context)})`,
    )
  }
  return context
}

// The kind whose libzmq number is `type` (new Socket(5) makes a ZMQ_DEALER socket, as in v6).
function kindOfType(type: number): SocketKind | undefined {
  return (Object.keys(socketTypes) as SocketKind[]).find(kind => zmq[socketTypes[kind].zmq] === type)
}

/**
 * @internal an endpoint argument, checked as zeromq v6 checks it ("Address must be a string"),
 * and the socket it is for open (EBADF): bind() and unbind() throw these at once, as v6's do.
 */
export function checkAddress(address: unknown, socket?: NativeSocket): asserts address is string {
  if (typeof address !== "string") throw new TypeError(`Address must be a string (got ${describe(address)})`)
  if (socket?.closed) throw errnoError("EBADF", "Socket is closed")
}

/**
 * @internal a socket argument that is no object: zeromq v6's TypeError (`words`: its text for
 * the argument, e.g. "Front-end must be a socket object").
 */
export function checkObject(words: string, value: unknown): void {
  if ((typeof value !== "object" || value === null) && typeof value !== "function")
    throw new TypeError(`${words} (got ${describe(value)})`)
}

/**
 * @internal an object that is no Socket: zeromq v6's "Invalid argument", with the code and
 * errno every error of ours carries (docs/compat.md), then which argument.
 */
export function checkSocket(argument: string, value: unknown): asserts value is Socket {
  if (!(value instanceof Socket)) {
    throw errnoError(
      "EINVAL",
      `Invalid argument: ${argument} must be a zmq-native Socket (got ${describe(value)})`,
    )
  }
}
