// zeromq v5's Socket: an EventEmitter around one of our core sockets. Messages arrive as
// "message" events (one argument per frame); send() hands a message to libzmq at once when
// libzmq can take it, as v5 did, and otherwise queues it in order. Everything reaches libzmq
// through the core socket (lib/socket.ts) and its Observer: there is no second native path.
import {EventEmitter} from "node:events"
import {checkString, errnoError} from "../errors"
import {engine} from "../core/handles"
import {Queue} from "../core/queue"
import type {Observer} from "../observer"
import type {Message, MessageLike, Readable, Socket as CoreSocket, Writable} from "../socket"
import * as sockets from "../sockets"
import * as zmq from "./constants"
import {monitor} from "./monitor"
import {getOption, optionId, setOption, type OptionValue, type ShortOption} from "./options"

/** The socket type names zeromq v5 accepted. */
export type SocketType =
  | "pair"
  | "req"
  | "rep"
  | "pub"
  | "sub"
  | "dealer"
  | "xreq"
  | "router"
  | "xrep"
  | "pull"
  | "push"
  | "xpub"
  | "xsub"
  | "stream"

/** A send callback: called with no argument once libzmq took the message, or with the error. */
export type Callback = (error?: Error) => void

type CoreClass = new () => CoreSocket
type ReadableCore = CoreSocket & Readable
type WritableCore = CoreSocket & Writable

const coreClasses: Record<SocketType, CoreClass> = {
  pair: sockets.Pair,
  pub: sockets.Publisher,
  sub: sockets.Subscriber,
  req: sockets.Request,
  rep: sockets.Reply,
  dealer: sockets.Dealer,
  xreq: sockets.Dealer,
  router: sockets.Router,
  xrep: sockets.Router,
  pull: sockets.Pull,
  push: sockets.Push,
  xpub: sockets.XPublisher,
  xsub: sockets.XSubscriber,
  stream: sockets.Stream,
}

// zeromq v5 took type numbers too (ZMQ_PUB, …): the name each stands for.
const typeNames: readonly SocketType[] = [
  "pair",
  "pub",
  "sub",
  "req",
  "rep",
  "dealer",
  "router",
  "pull",
  "push",
  "xpub",
  "xsub",
  "stream",
]

// Messages taken from libzmq per receive: REQ/REP alternate anyway, and a subscriber must see
// an unsubscribe() take effect on the very next message (libzmq filters as it is read).
const receiveBatch = 1024
const oneAtATime: readonly SocketType[] = ["req", "rep", "sub"]

/** One message on its way out: its frames and the callbacks given with them. */
interface Batch {
  frames: MessageLike[]
  callbacks: Callback[]
  dontWait: boolean
}

function closedError(): Error {
  return errnoError("EBADF", "Socket is closed")
}

function wouldBlockError(): Error {
  return errnoError("EAGAIN", "Resource temporarily unavailable")
}

function unsentError(): Error {
  return errnoError("EAGAIN", "Socket was closed before the message was sent")
}

// v5 sent what is not bytes as its text (String(value)); null is an empty frame, as in v6.
function toFrame(value: unknown): MessageLike {
  if (typeof value === "string" || value instanceof Uint8Array || value === null) return value
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || typeof value === "number") return value
  return String(value)
}

// A throw from a user's listener or callback, where it cannot propagate to the user's own
// code (a promise reaction): report it as the uncaught exception it is, as zeromq v5 did.
function rethrow(error: unknown): void {
  process.nextTick(() => {
    throw error
  })
}

/**
 * A zeromq v5 socket: an EventEmitter that emits each message it receives and takes messages
 * with `send()`. Made by `socket(type, options)` (or `new Socket(type)`); its options are the
 * short-named properties (`linger`, `identity`, `rate`, …) and `setsockopt()`/`getsockopt()`.
 * Where this differs from zeromq v6's `zeromq/v5-compat` (it follows v5):
 * [Coming from zeromq v5 or zmq](../../README.md#coming-from-zeromq-v5-or-zmq).
 *
 * Events:
 * - `"message"` `(...frames: Buffer[])`: a message received, one argument per frame.
 * - `"bind"` / `"unbind"` `(address)`: `bind()` / `unbind()` completed.
 * - `"error"` `(error)`: a failure no callback was given for (a send, a bind, a receive), an
 *   Error with `code` (errno name) and `errno`.
 * - after `monitor()`: `"connect"`, `"connect_delay"`, `"connect_retry"`, `"listen"`,
 *   `"bind_error"`, `"accept"`, `"accept_error"`, `"close"`, `"close_error"`, `"disconnect"`,
 *   each `(value, endpoint, error)`: value is the reconnect interval (ms) for connect_retry and
 *   the errno for the *_error events, error an Error with `code` for the *_error events.
 *
 * @example
 * ```ts
 * import * as zmq from "zmq-native/v5-compat"
 * const rep = zmq.socket("rep")
 * rep.on("message", (request: Buffer) => rep.send(`${request.toString()} world`))
 * rep.bindSync("tcp://127.0.0.1:*")
 * const req = zmq.socket("req", {linger: 0})
 * req.on("message", (reply: Buffer) => {
 *   console.log(reply.toString()) // hello world
 *   req.close()
 *   rep.close()
 * })
 * req.connect(rep.last_endpoint!)
 * req.send("hello")
 * ```
 */
export class Socket extends EventEmitter {
  /** v5 programs keep their own properties on sockets (createSocket's options land there too). */
  [key: string]: any

  /** The socket type, as named when it was created. */
  type: SocketType

  readonly #core: CoreSocket
  readonly #oneAtATime: boolean
  // REQ and REP refuse a send in the wrong state (EFSM); v5 held the message until the state
  // allowed it: a reply received (REQ), a request received (REP).
  readonly #alternates: boolean
  #maySend: boolean
  #paused = false
  #receiving = false
  // Messages received but not yet emitted (a listener paused the socket, or threw).
  #inbox: Message[][] = []
  #inboxHead = 0
  // The frames of a message sent with ZMQ_SNDMORE so far.
  #partial?: Batch
  // Complete messages held back: while paused, while REQ/REP must wait, behind others.
  readonly #queue = new Queue<Batch>()
  #flushing = false
  // close() was called (the hot path's check, without a native call).
  #closed = false
  // A message waits in the core's queue for libzmq to take it: the others wait behind it here
  // (one promise per stall, not per message).
  #waiting = false
  #observer?: Observer

  /**
   * A new socket of `type`, a name ("req") or a ZMQ_* type number (`ZMQ_REQ`). A socket that
   * receives starts receiving at once, and keeps the process running until closed.
   *
   * @throws Error "Invalid socket type: …" for an unknown type.
   */
  constructor(type: SocketType | number) {
    super()
    const name = typeof type === "number" ? typeNames[type] : type
    const Core = typeof name === "string" && Object.hasOwn(coreClasses, name) ? coreClasses[name] : undefined
    if (Core === undefined) throw new Error(`Invalid socket type: ${String(type)}`)
    this.type = name
    this.#core = new Core()
    this.#oneAtATime = oneAtATime.includes(name)
    this.#alternates = name === "req" || name === "rep"
    this.#maySend = name !== "rep"
    // Readable sockets read from the start, as v5's did (and so keep the process running).
    this.#receive()
  }

  /** Whether close() was called. */
  get closed(): boolean {
    return this.#core.closed
  }

  // ---- endpoints ----

  /**
   * Binds; emits "bind" with the address, then calls `callback()`. A libzmq failure goes to
   * `callback(error)` (an "error" event without one): an Error with `code` and `address`,
   * `EADDRINUSE`, `EINVAL` (a malformed address), `EPROTONOSUPPORT` (an unknown transport),
   * `ENODEV` (an unknown interface or host). The bind is complete on return, so peers may
   * connect at once (inproc included).
   *
   * @throws TypeError when `address` is not a string or `callback` not a function; Error with
   * `code` `EBADF` when the socket is closed.
   */
  bind(address: string, callback?: Callback): this {
    this.#endpointCall(address, callback, "bind", () => this.#core.bindSync(address))
    return this
  }

  /**
   * Binds now; `tcp://127.0.0.1:*` picks a free port (read it from `last_endpoint`).
   *
   * @throws TypeError when `address` is not a string; Error with `code` and `address`:
   * `EADDRINUSE`, `EINVAL` (a malformed address), `EPROTONOSUPPORT` (an unknown transport),
   * `ENODEV` (an unknown interface or host), `EBADF` (the socket is closed).
   */
  bindSync(address: string): this {
    this.#core.bindSync(address)
    return this
  }

  /**
   * Unbinds; emits "unbind" with the address, then calls `callback()`. A libzmq failure goes to
   * `callback(error)` (an "error" event without one): `ENOENT` for an endpoint not bound.
   *
   * @throws TypeError when `address` is not a string or `callback` not a function; Error with
   * `code` `EBADF` when the socket is closed.
   */
  unbind(address: string, callback?: Callback): this {
    this.#endpointCall(address, callback, "unbind", () => this.#core.unbindSync(address))
    return this
  }

  /**
   * Unbinds now.
   *
   * @throws TypeError when `address` is not a string; Error with `code` and `address`:
   * `ENOENT` (an endpoint not bound), `EBADF` (the socket is closed).
   */
  unbindSync(address: string): this {
    this.#core.unbindSync(address)
    return this
  }

  /**
   * Connects to `address` (libzmq connects in the background and reconnects when the peer goes;
   * `monitor()` tells when).
   *
   * @throws TypeError when `address` is not a string; Error with `code` and `address`: `EINVAL`
   * (a malformed address), `EPROTONOSUPPORT` (an unknown transport), `EBADF` (the socket is
   * closed).
   */
  connect(address: string): this {
    this.#core.connect(address)
    return this
  }

  /**
   * Disconnects from `address`, given as to `connect()`.
   *
   * @throws TypeError when `address` is not a string; Error with `code` and `address`: `ENOENT`
   * (not connected to it, as in v5), `EBADF` (the socket is closed).
   */
  disconnect(address: string): this {
    this.#core.disconnect(address)
    return this
  }

  // Arguments and a closed socket throw at once, as in v5; libzmq's verdict arrives later.
  #endpointCall(address: string, callback: Callback | undefined, event: string, call: () => void): void {
    if (this.closed) throw closedError()
    checkString("address", address)
    if (callback !== undefined && typeof callback !== "function") {
      throw new TypeError("Callback must be a function")
    }
    let failure: unknown
    try {
      call()
    } catch (error) {
      failure = error
    }
    process.nextTick(() => {
      if (failure !== undefined) {
        if (callback !== undefined) callback.call(this, failure as Error)
        else this.emit("error", failure)
        return
      }
      this.emit(event, address)
      callback?.call(this)
    })
  }

  // ---- sending ----

  /**
   * Sends a message: a frame, or an array of frames (multipart). With ZMQ_SNDMORE in `flags`
   * the frame waits for the rest of its message. The message goes to libzmq at once when
   * libzmq can take it (the callback is then called before send() returns); otherwise it is
   * queued, in order. ZMQ_DONTWAIT: fail with EAGAIN instead of queueing. Errors go to the
   * callback, or to an "error" event when there is none, with `code`: `EAGAIN` (ZMQ_DONTWAIT
   * and libzmq could not take it; or the socket closed before it went), `EBADF` (the socket is
   * closed), `ENOTSUP` (a socket type that cannot send), `EHOSTUNREACH` (a ROUTER with
   * `ZMQ_ROUTER_MANDATORY` and no such peer); an empty array gets a TypeError. A frame that is
   * not a string or bytes is sent as its text.
   *
   * @throws TypeError when `callback` is given and not a function.
   */
  send(message: unknown, flags?: number | null, callback?: Callback): this {
    const bits = (flags as number) | 0
    if (callback !== undefined && typeof callback !== "function") {
      throw new TypeError("Callback must be a function")
    }
    // The common case, a one-frame message that can go now, with nothing to allocate.
    if (
      bits === 0 &&
      this.#partial === undefined &&
      this.#queue.length === 0 &&
      !Array.isArray(message) &&
      this.#mayHandOver()
    ) {
      const frame = toFrame(message)
      let sent: boolean
      try {
        sent = this.#core[engine].sendNow(frame)
      } catch (error) {
        this.#fail({frames: [frame], callbacks: callback ? [callback] : [], dontWait: false}, error)
        return this
      }
      if (sent) {
        this.#awaitAnswer()
        callback?.call(this)
      } else {
        this.#waitFor({frames: [frame], callbacks: callback ? [callback] : [], dontWait: false}, frame)
      }
      return this
    }
    let batch = this.#partial
    if (Array.isArray(message)) {
      if (message.length === 0) {
        this.#fail(
          {frames: [], callbacks: callback ? [callback] : [], dontWait: false},
          new TypeError('The "message" argument must not be an empty array'),
        )
        return this
      }
      batch ??= {frames: [], callbacks: [], dontWait: false}
      for (const frame of message) batch.frames.push(toFrame(frame))
    } else if (batch === undefined) {
      batch = {frames: [toFrame(message)], callbacks: [], dontWait: false}
    } else {
      batch.frames.push(toFrame(message))
    }
    if (callback !== undefined) batch.callbacks.push(callback)
    if (bits & zmq.ZMQ_SNDMORE) {
      this.#partial = batch
      return this
    }
    this.#partial = undefined
    batch.dontWait = (bits & zmq.ZMQ_DONTWAIT) !== 0
    if (this.#closed) {
      this.#fail(batch, closedError())
      return this
    }
    // Behind other messages it cannot go now.
    if (batch.dontWait && (this.#queue.length !== 0 || !this.#mayHandOver())) {
      this.#fail(batch, wouldBlockError())
      return this
    }
    this.#queue.push(batch)
    this.#flush()
    return this
  }

  #flush(): void {
    if (this.#flushing) return
    this.#flushing = true
    try {
      while (this.#queue.length !== 0 && this.#mayHandOver()) this.#handOver(this.#queue.shift()!)
    } finally {
      this.#flushing = false
      // A callback threw out of the loop: the rest still goes, in order.
      if (this.#queue.length !== 0 && this.#mayHandOver()) process.nextTick(() => this.#flush())
    }
  }

  #mayHandOver(): boolean {
    return !this.#paused && this.#maySend && !this.#waiting && !this.#closed
  }

  #handOver(batch: Batch): void {
    const message = batch.frames.length === 1 ? batch.frames[0] : batch.frames
    let sent: boolean
    try {
      sent = this.#core[engine].sendNow(message)
    } catch (error) {
      return this.#fail(batch, error)
    }
    if (sent) {
      this.#awaitAnswer()
      for (const callback of batch.callbacks) callback.call(this)
      return
    }
    if (batch.dontWait) return this.#fail(batch, wouldBlockError())
    this.#waitFor(batch, message)
  }

  #waitFor(batch: Batch, message: MessageLike | MessageLike[]): void {
    // libzmq cannot take it now: the core holds it until libzmq can (high-water mark, no peer
    // yet). A REQ or REP then receives its answer.
    this.#waiting = true
    ;(this.#core as WritableCore).send(message).then(
      () => {
        this.#waiting = false
        this.#awaitAnswer()
        try {
          for (const callback of batch.callbacks) callback.call(this)
        } catch (error) {
          rethrow(error)
        }
        this.#flush()
      },
      error => {
        this.#waiting = false
        // Closing drops unsent messages silently, as in v5, unless a callback waits to know.
        if (this.closed && batch.callbacks.length === 0) return
        try {
          this.#fail(batch, this.closed ? unsentError() : error)
        } catch (thrown) {
          rethrow(thrown)
        }
        this.#flush()
      },
    )
  }

  // A REQ's request or a REP's reply is on its way: now comes the other side's turn.
  #awaitAnswer(): void {
    if (!this.#alternates) return
    this.#maySend = false
    this.#receive()
  }

  // As v5: the message's callbacks get the error; without any, the socket emits "error".
  #fail(batch: Batch, error: unknown): void {
    if (batch.callbacks.length === 0) {
      this.emit("error", error)
      return
    }
    for (const callback of batch.callbacks) callback.call(this, error as Error)
  }

  // ---- receiving ----

  #receive(): void {
    if (this.#receiving || this.#paused || this.closed) return
    // REQ and REP receive only in their turn (libzmq refuses with EFSM otherwise).
    if (this.#alternates && this.#maySend) return
    const core = this.#core as ReadableCore
    if (typeof core.receive !== "function") return
    this.#receiving = true
    if (this.#oneAtATime) core.receive().then(this.#onMessage, this.#onReceiveError)
    else core.receiveMany(receiveBatch).then(this.#onMessages, this.#onReceiveError)
  }

  readonly #onMessage = (message: Message[]): void => {
    this.#receiving = false
    this.#inbox.push(message)
    this.#deliver()
  }

  readonly #onMessages = (messages: Message[][]): void => {
    this.#receiving = false
    if (this.#inboxHead === this.#inbox.length) {
      this.#inbox = messages
      this.#inboxHead = 0
    } else {
      this.#inbox.push(...messages)
    }
    this.#deliver()
  }

  readonly #onReceiveError = (error: unknown): void => {
    this.#receiving = false
    // Closing ends the pending receive; that is no error.
    if (this.closed) return
    try {
      this.emit("error", error)
    } catch (thrown) {
      rethrow(thrown)
    }
    // Read on, after other events: an error that repeats must not hold the thread.
    setImmediate(() => this.#receive())
  }

  // Emits what the inbox holds until empty or paused, then reads on.
  #deliver(): void {
    try {
      while (this.#inboxHead < this.#inbox.length && !this.#paused && !this.#closed) {
        const frames = this.#inbox[this.#inboxHead++]
        if (this.#alternates) this.#maySend = true
        if (frames.length === 1) this.emit("message", frames[0])
        else this.emit("message", ...frames)
        // What was sent while REQ/REP had to wait may go now.
        if (this.#queue.length !== 0) this.#flush()
      }
    } catch (error) {
      rethrow(error)
    }
    if (this.#inboxHead === this.#inbox.length) {
      this.#inbox = []
      this.#inboxHead = 0
      this.#receive()
    } else if (!this.#paused && !this.#closed) {
      // A listener threw: the remaining messages go on the next turn.
      setImmediate(() => this.#deliver())
    }
  }

  /**
   * zeromq v5's read() was removed in its compatibility mode; so it is here: listen to
   * "message" instead.
   *
   * @throws Error "read() has been removed from compatibility mode; use on('message', ...)
   * instead.", always.
   */
  read(): never {
    throw new Error("read() has been removed from compatibility mode; use on('message', ...) instead.")
  }

  /**
   * Holds messages back: none is emitted, and none sent, until resume().
   *
   * @throws Nothing.
   */
  pause(): void {
    this.#paused = true
  }

  /**
   * Emits the messages that waited, then goes on; sends what was queued meanwhile.
   *
   * @throws What the callback of a message sent now throws (a "message" listener's throw is
   * an uncaught exception instead, as in v5).
   */
  resume(): void {
    if (!this.#paused) return
    this.#paused = false
    this.#flush()
    this.#deliver()
  }

  // ---- lifetime ----

  /**
   * Closes the socket (it lingers to deliver what libzmq holds, for `linger` ms). Messages not
   * yet handed to libzmq are dropped; their callbacks get an EAGAIN error. Closing twice does
   * nothing.
   *
   * @throws What a callback of an unsent message throws.
   */
  close(): this {
    if (this.#closed) return this
    this.#closed = true
    this.#core.close()
    this.#inbox = []
    this.#inboxHead = 0
    const unsent = this.#queue.drain()
    if (this.#partial !== undefined) unsent.push(this.#partial)
    this.#partial = undefined
    for (const batch of unsent) {
      if (batch.callbacks.length !== 0) this.#fail(batch, unsentError())
    }
    return this
  }

  // ---- monitoring ----

  /**
   * Emits libzmq's monitor events under v5's names (connect, connect_delay, connect_retry,
   * listen, bind_error, accept, accept_error, close, close_error, disconnect), each with
   * `(value, endpoint, error)`. The arguments are accepted for v5's sake: every event is
   * delivered as it happens. Calling it again while monitoring does nothing.
   *
   * @throws Error with `code` `EBADF` when the socket is closed.
   */
  monitor(_interval?: number, _numberOfEvents?: number): this {
    if (this.#observer === undefined || this.#observer.closed) this.#observer = monitor(this.#core, this)
    return this
  }

  /**
   * Stops the monitor events (nothing when not monitoring).
   *
   * @throws Nothing.
   */
  unmonitor(): this {
    this.#observer?.close()
    this.#observer = undefined
    return this
  }

  // ---- options ----

  /**
   * Adds a subscription filter: a sub socket receives the messages whose first frame starts
   * with it ("" for every message). Same as `setsockopt(ZMQ_SUBSCRIBE, filter)`.
   *
   * @throws Error "Subscriber socket required" on a socket that is not sub; TypeError when
   * `filter` is not a string or Buffer; Error with `code` `EBADF` when the socket is closed.
   */
  subscribe(filter: string | Buffer): this {
    this.#subscription(filter, true)
    return this
  }

  /**
   * Removes a subscription filter added before (`setsockopt(ZMQ_UNSUBSCRIBE, filter)`).
   *
   * @throws Error "Subscriber socket required" on a socket that is not sub; TypeError when
   * `filter` is not a string or Buffer; Error with `code` `EBADF` when the socket is closed.
   */
  unsubscribe(filter: string | Buffer): this {
    this.#subscription(filter, false)
    return this
  }

  #subscription(filter: unknown, add: boolean): void {
    const core = this.#core
    if (!(core instanceof sockets.Subscriber)) throw new Error("Subscriber socket required")
    if (typeof filter !== "string" && !Buffer.isBuffer(filter)) {
      throw new TypeError("Option value must be a string or buffer")
    }
    if (add) core.subscribe(filter)
    else core.unsubscribe(filter)
  }

  /**
   * Sets an option by ZMQ_* id (`zmq.ZMQ_LINGER`), ZMQ_* name ("ZMQ_LINGER") or short name
   * ("linger"): numbers for numbers and flags (`true`/`false` for on/off ones), strings or
   * Buffers for text and bytes, null for an empty one. Any option libzmq 4.3 has is passed
   * through, whatever the socket type: libzmq decides what applies, as in v5.
   *
   * @throws Error "Unknown option"; Error "ZMQ_FD is not supported in compatibility mode" (also
   * ZMQ_RCVMORE); TypeError for a value of the wrong type; RangeError for a number out of the
   * option's range or not an integer; Error with `code` `EINVAL` when libzmq refuses the value,
   * `EBADF` when the socket is closed.
   */
  setsockopt(option: number | ShortOption, value: unknown): this {
    const id = optionId(option)
    if (id === zmq.ZMQ_SUBSCRIBE || id === zmq.ZMQ_UNSUBSCRIBE) {
      this.#subscription(value, id === zmq.ZMQ_SUBSCRIBE)
    } else {
      setOption(this.#core, id, value)
    }
    return this
  }

  /**
   * Reads an option by ZMQ_* id, ZMQ_* name or short name: a number (flags too), or text
   * (null if empty; CURVE keys as Z85).
   *
   * @throws Error "Unknown option" (ZMQ_SUBSCRIBE and ZMQ_UNSUBSCRIBE included); Error "ZMQ_FD
   * is not supported in compatibility mode" (also ZMQ_RCVMORE); Error with `code` `EINVAL` for
   * an option libzmq cannot read (a write-only one, such as ZMQ_ROUTER_MANDATORY), `EBADF` when
   * the socket is closed.
   */
  getsockopt(option: number | ShortOption): OptionValue {
    const id = optionId(option)
    // Messages received but held back by pause() count as readable.
    if (id === zmq.ZMQ_EVENTS && this.#inboxHead < this.#inbox.length) {
      return (getOption(this.#core, id) as number) | zmq.ZMQ_POLLIN
    }
    return getOption(this.#core, id)
  }

  // zeromq v5's short option properties, one per entry of `options`.

  /**
   * ZMQ_FD: not available, the descriptor belongs to our event loop (as in zeromq v6's
   * v5-compat). Reading it throws Error "ZMQ_FD is not supported in compatibility mode".
   */
  get _fd(): number {
    return this.getsockopt(zmq.ZMQ_FD) as number
  }
  /**
   * ZMQ_EVENTS: `ZMQ_POLLIN | ZMQ_POLLOUT` as far as they hold now (POLLIN also for messages
   * `pause()` holds back; 0 once closed). Read-only.
   */
  get _ioevents(): number {
    return this.getsockopt(zmq.ZMQ_EVENTS) as number
  }
  /**
   * ZMQ_RCVMORE: not available (messages are received whole, one "message" event each).
   * Reading it throws Error "ZMQ_RCVMORE is not supported in compatibility mode".
   */
  get _receiveMore(): number {
    return this.getsockopt(zmq.ZMQ_RCVMORE) as number
  }
  /** Write-only: `socket._subscribe = filter` is subscribe(filter). */
  set _subscribe(filter: string | Buffer) {
    this.#subscription(filter, true)
  }
  /** Write-only: `socket._unsubscribe = filter` is unsubscribe(filter). */
  set _unsubscribe(filter: string | Buffer) {
    this.#subscription(filter, false)
  }
  /** ZMQ_AFFINITY: the I/O threads new connections use · unit: bit mask · default: 0 (any). */
  get affinity(): number {
    return this.getsockopt(zmq.ZMQ_AFFINITY) as number
  }
  /** Sets it: `setsockopt("affinity", value)`, with its errors. */
  set affinity(value: number) {
    this.setsockopt(zmq.ZMQ_AFFINITY, value)
  }
  /**
   * ZMQ_BACKLOG: the queue length of pending incoming connections · unit: connections · default:
   * 100.
   */
  get backlog(): number {
    return this.getsockopt(zmq.ZMQ_BACKLOG) as number
  }
  /** Sets it: `setsockopt("backlog", value)`, with its errors. */
  set backlog(value: number) {
    this.setsockopt(zmq.ZMQ_BACKLOG, value)
  }
  /**
   * ZMQ_IDENTITY (libzmq's ZMQ_ROUTING_ID): the identity a ROUTER peer sees this socket by,
   * 1 to 255 bytes · default: null (libzmq makes one up).
   */
  get identity(): string | null {
    return this.getsockopt(zmq.ZMQ_IDENTITY) as string | null
  }
  /** Sets it: `setsockopt("identity", value)`, with its errors. */
  set identity(value: string | Buffer | null) {
    this.setsockopt(zmq.ZMQ_IDENTITY, value)
  }
  /**
   * ZMQ_LINGER: how long a closed socket keeps trying to deliver queued messages · unit:
   * milliseconds · default: -1 (until delivered); 0 drops them at once.
   */
  get linger(): number {
    return this.getsockopt(zmq.ZMQ_LINGER) as number
  }
  /** Sets it: `setsockopt("linger", value)`, with its errors. */
  set linger(value: number) {
    this.setsockopt(zmq.ZMQ_LINGER, value)
  }
  /** ZMQ_RATE: multicast (pgm, epgm, norm) data rate · unit: kilobits per second · default: 100. */
  get rate(): number {
    return this.getsockopt(zmq.ZMQ_RATE) as number
  }
  /** Sets it: `setsockopt("rate", value)`, with its errors. */
  set rate(value: number) {
    this.setsockopt(zmq.ZMQ_RATE, value)
  }
  /** ZMQ_RCVBUF: the kernel receive buffer size · unit: bytes · default: -1 (the OS's own). */
  get rcvbuf(): number {
    return this.getsockopt(zmq.ZMQ_RCVBUF) as number
  }
  /** Sets it: `setsockopt("rcvbuf", value)`, with its errors. */
  set rcvbuf(value: number) {
    this.setsockopt(zmq.ZMQ_RCVBUF, value)
  }
  /**
   * ZMQ_LAST_ENDPOINT: the endpoint last bound or connected, with the port a `*` got · default:
   * null (nothing bound). Read-only.
   */
  get last_endpoint(): string | null {
    return this.getsockopt(zmq.ZMQ_LAST_ENDPOINT) as string | null
  }
  /**
   * ZMQ_RECONNECT_IVL: the wait before reconnecting a lost connection · unit: milliseconds ·
   * default: 100; -1: never reconnect.
   */
  get reconnect_ivl(): number {
    return this.getsockopt(zmq.ZMQ_RECONNECT_IVL) as number
  }
  /** Sets it: `setsockopt("reconnect_ivl", value)`, with its errors. */
  set reconnect_ivl(value: number) {
    this.setsockopt(zmq.ZMQ_RECONNECT_IVL, value)
  }
  /**
   * ZMQ_RECOVERY_IVL: how far back a multicast receiver may recover lost data · unit:
   * milliseconds · default: 10000.
   */
  get recovery_ivl(): number {
    return this.getsockopt(zmq.ZMQ_RECOVERY_IVL) as number
  }
  /** Sets it: `setsockopt("recovery_ivl", value)`, with its errors. */
  set recovery_ivl(value: number) {
    this.setsockopt(zmq.ZMQ_RECOVERY_IVL, value)
  }
  /** ZMQ_SNDBUF: the kernel send buffer size · unit: bytes · default: -1 (the OS's own). */
  get sndbuf(): number {
    return this.getsockopt(zmq.ZMQ_SNDBUF) as number
  }
  /** Sets it: `setsockopt("sndbuf", value)`, with its errors. */
  set sndbuf(value: number) {
    this.setsockopt(zmq.ZMQ_SNDBUF, value)
  }
  /**
   * ZMQ_MECHANISM: the security mechanism set by the options below: 0 null (the default),
   * 1 PLAIN, 2 CURVE, 3 GSSAPI. Read-only.
   */
  get mechanism(): number {
    return this.getsockopt(zmq.ZMQ_MECHANISM) as number
  }
  /**
   * ZMQ_PLAIN_SERVER: 1 to act as a PLAIN server (a ZAP handler checks the clients) ·
   * default: 0.
   */
  get plain_server(): number {
    return this.getsockopt(zmq.ZMQ_PLAIN_SERVER) as number
  }
  /** Sets it: `setsockopt("plain_server", value)`, with its errors. */
  set plain_server(value: number | boolean) {
    this.setsockopt(zmq.ZMQ_PLAIN_SERVER, value)
  }
  /**
   * ZMQ_PLAIN_USERNAME: the PLAIN client's user name (setting it makes the socket a PLAIN
   * client) · default: null.
   */
  get plain_username(): string | null {
    return this.getsockopt(zmq.ZMQ_PLAIN_USERNAME) as string | null
  }
  /** Sets it: `setsockopt("plain_username", value)`, with its errors. */
  set plain_username(value: string | Buffer | null) {
    this.setsockopt(zmq.ZMQ_PLAIN_USERNAME, value)
  }
  /** ZMQ_PLAIN_PASSWORD: the PLAIN client's password · default: null. */
  get plain_password(): string | null {
    return this.getsockopt(zmq.ZMQ_PLAIN_PASSWORD) as string | null
  }
  /** Sets it: `setsockopt("plain_password", value)`, with its errors. */
  set plain_password(value: string | Buffer | null) {
    this.setsockopt(zmq.ZMQ_PLAIN_PASSWORD, value)
  }
  /** ZMQ_CURVE_SERVER: 1 to act as a CURVE server (needs `curve_secretkey`) · default: 0. */
  get curve_server(): number {
    return this.getsockopt(zmq.ZMQ_CURVE_SERVER) as number
  }
  /** Sets it: `setsockopt("curve_server", value)`, with its errors. */
  set curve_server(value: number | boolean) {
    this.setsockopt(zmq.ZMQ_CURVE_SERVER, value)
  }
  /**
   * ZMQ_CURVE_PUBLICKEY: this side's public key; set as Z85 text (40 characters) or 32 bytes,
   * read as Z85 · default: 40 zeros (none set).
   */
  get curve_publickey(): string | null {
    return this.getsockopt(zmq.ZMQ_CURVE_PUBLICKEY) as string | null
  }
  /** Sets it: `setsockopt("curve_publickey", value)`, with its errors. */
  set curve_publickey(value: string | Buffer) {
    this.setsockopt(zmq.ZMQ_CURVE_PUBLICKEY, value)
  }
  /**
   * ZMQ_CURVE_SECRETKEY: this side's secret key; set as Z85 text (40 characters) or 32 bytes,
   * read as Z85 · default: 40 zeros (none set).
   */
  get curve_secretkey(): string | null {
    return this.getsockopt(zmq.ZMQ_CURVE_SECRETKEY) as string | null
  }
  /** Sets it: `setsockopt("curve_secretkey", value)`, with its errors. */
  set curve_secretkey(value: string | Buffer) {
    this.setsockopt(zmq.ZMQ_CURVE_SECRETKEY, value)
  }
  /**
   * ZMQ_CURVE_SERVERKEY: the server's public key, on a CURVE client (setting it makes the
   * socket one); Z85 text or 32 bytes, read as Z85 · default: 40 zeros (none set).
   */
  get curve_serverkey(): string | null {
    return this.getsockopt(zmq.ZMQ_CURVE_SERVERKEY) as string | null
  }
  /** Sets it: `setsockopt("curve_serverkey", value)`, with its errors. */
  set curve_serverkey(value: string | Buffer) {
    this.setsockopt(zmq.ZMQ_CURVE_SERVERKEY, value)
  }
  /** ZMQ_ZAP_DOMAIN: the domain a server gives the ZAP handler · default: null. */
  get zap_domain(): string | null {
    return this.getsockopt(zmq.ZMQ_ZAP_DOMAIN) as string | null
  }
  /** Sets it: `setsockopt("zap_domain", value)`, with its errors. */
  set zap_domain(value: string | Buffer | null) {
    this.setsockopt(zmq.ZMQ_ZAP_DOMAIN, value)
  }
  /**
   * ZMQ_HEARTBEAT_IVL: the time between ZMTP heartbeats · unit: milliseconds · default: 0
   * (no heartbeats).
   */
  get heartbeat_ivl(): number {
    return this.getsockopt(zmq.ZMQ_HEARTBEAT_IVL) as number
  }
  /** Sets it: `setsockopt("heartbeat_ivl", value)`, with its errors. */
  set heartbeat_ivl(value: number) {
    this.setsockopt(zmq.ZMQ_HEARTBEAT_IVL, value)
  }
  /**
   * ZMQ_HEARTBEAT_TTL: how long the peer may go without hearing from this side before it drops
   * the connection · unit: milliseconds (libzmq rounds to tenths of a second) · default: 0 (no
   * limit).
   */
  get heartbeat_ttl(): number {
    return this.getsockopt(zmq.ZMQ_HEARTBEAT_TTL) as number
  }
  /** Sets it: `setsockopt("heartbeat_ttl", value)`, with its errors. */
  set heartbeat_ttl(value: number) {
    this.setsockopt(zmq.ZMQ_HEARTBEAT_TTL, value)
  }
  /**
   * ZMQ_HEARTBEAT_TIMEOUT: how long to wait for a heartbeat's answer before dropping the
   * connection · unit: milliseconds · default: -1 (`heartbeat_ivl`).
   */
  get heartbeat_timeout(): number {
    return this.getsockopt(zmq.ZMQ_HEARTBEAT_TIMEOUT) as number
  }
  /** Sets it: `setsockopt("heartbeat_timeout", value)`, with its errors. */
  set heartbeat_timeout(value: number) {
    this.setsockopt(zmq.ZMQ_HEARTBEAT_TIMEOUT, value)
  }
  /**
   * ZMQ_CONNECT_TIMEOUT: how long a TCP connect may take · unit: milliseconds · default: 0 (the
   * OS's own).
   */
  get connect_timeout(): number {
    return this.getsockopt(zmq.ZMQ_CONNECT_TIMEOUT) as number
  }
  /** Sets it: `setsockopt("connect_timeout", value)`, with its errors. */
  set connect_timeout(value: number) {
    this.setsockopt(zmq.ZMQ_CONNECT_TIMEOUT, value)
  }
}
