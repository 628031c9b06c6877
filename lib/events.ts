// Socket events: the Observer reads a socket's libzmq monitor and turns each event into a typed
// object. Events reach pending receive() calls (and async iteration), on() listeners — which
// need no one to iterate — and waitFor() promises.
import {getSystemErrorMap} from "node:util"
import {binding, type NativeObserver} from "./native"
import {errnoError, typeError, invalidTimeout, type ErrnoError} from "./errors"
import {Queue} from "./queue"
import {callListeners} from "./listeners"
import type {Socket} from "./socket"

/** A ZAP (authentication) failure: the status code the ZAP handler answered. */
export interface AuthError extends Error {
  status: 300 | 400 | 500
}

/** A ZMTP or ZAP protocol violation seen during a handshake. */
export interface ProtoError extends Error {
  code:
    | "ERR_ZMTP_UNSPECIFIED"
    | "ERR_ZMTP_UNEXPECTED_COMMAND"
    | "ERR_ZMTP_INVALID_SEQUENCE"
    | "ERR_ZMTP_KEY_EXCHANGE"
    | "ERR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED"
    | "ERR_ZMTP_MALFORMED_COMMAND_MESSAGE"
    | "ERR_ZMTP_MALFORMED_COMMAND_HELLO"
    | "ERR_ZMTP_MALFORMED_COMMAND_INITIATE"
    | "ERR_ZMTP_MALFORMED_COMMAND_ERROR"
    | "ERR_ZMTP_MALFORMED_COMMAND_READY"
    | "ERR_ZMTP_MALFORMED_COMMAND_WELCOME"
    | "ERR_ZMTP_INVALID_METADATA"
    | "ERR_ZMTP_CRYPTOGRAPHIC"
    | "ERR_ZMTP_MECHANISM_MISMATCH"
    | "ERR_ZAP_UNSPECIFIED"
    | "ERR_ZAP_MALFORMED_REPLY"
    | "ERR_ZAP_BAD_REQUEST_ID"
    | "ERR_ZAP_BAD_VERSION"
    | "ERR_ZAP_INVALID_STATUS_CODE"
    | "ERR_ZAP_INVALID_METADATA"
    | "ERR_WS_UNSPECIFIED"
  errno: number
}

export interface EventAddress {
  address: string
}
export interface EventInterval {
  interval: number
}
export interface EventError<E = ErrnoError> {
  error: E
}
type Expand<T> = T extends infer O ? {[K in keyof O]: O[K]} : never
export type EventFor<T extends string, D = object> = Expand<{type: T} & D>

/** Every socket event, named as in zeromq v6. */
export type Event =
  | EventFor<"accept", EventAddress>
  | EventFor<"accept:error", EventAddress & EventError>
  | EventFor<"bind", EventAddress>
  | EventFor<"bind:error", EventAddress & EventError>
  | EventFor<"connect", EventAddress>
  | EventFor<"connect:delay", EventAddress>
  | EventFor<"connect:retry", EventAddress & EventInterval>
  | EventFor<"close", EventAddress>
  | EventFor<"close:error", EventAddress & EventError>
  | EventFor<"disconnect", EventAddress>
  | EventFor<"end">
  | EventFor<"handshake", EventAddress>
  | EventFor<"handshake:error:protocol", EventAddress & EventError<ProtoError>>
  | EventFor<"handshake:error:auth", EventAddress & EventError<AuthError>>
  | EventFor<"handshake:error:other", EventAddress & EventError>
  | EventFor<"unknown">

export type EventType = Event["type"]
export type EventOfType<E extends EventType = EventType> = Expand<Extract<Event, {type: E}>>

export interface WaitForOptions<E extends EventType = EventType> {
  /** Milliseconds before rejecting with EAGAIN; default: wait as long as it takes. */
  timeout?: number
  /** Rejects with an AbortError when signalled. */
  signal?: AbortSignal
  /** Only events this accepts count (e.g. a given address). */
  filter?: (event: EventOfType<E>) => boolean
}

// libzmq's monitor event ids (zmq.h ZMQ_EVENT_*), and what kind of value each carries.
const eventTypes = new Map<number, [EventType, "errno" | "interval" | "protocol" | "status" | null]>([
  [0x0001, ["connect", null]],
  [0x0002, ["connect:delay", null]],
  [0x0004, ["connect:retry", "interval"]],
  [0x0008, ["bind", null]],
  [0x0010, ["bind:error", "errno"]],
  [0x0020, ["accept", null]],
  [0x0040, ["accept:error", "errno"]],
  [0x0080, ["close", null]],
  [0x0100, ["close:error", "errno"]],
  [0x0200, ["disconnect", null]],
  [0x0400, ["end", null]],
  [0x0800, ["handshake:error:other", "errno"]],
  [0x1000, ["handshake", null]],
  [0x2000, ["handshake:error:protocol", "protocol"]],
  [0x4000, ["handshake:error:auth", "status"]],
])

const knownTypes = new Set<string>([...[...eventTypes.values()].map(([type]) => type), "unknown"])

// zmq.h ZMQ_PROTOCOL_ERROR_*.
const protocolErrors = new Map<number, ProtoError["code"]>([
  [0x10000000, "ERR_ZMTP_UNSPECIFIED"],
  [0x10000001, "ERR_ZMTP_UNEXPECTED_COMMAND"],
  [0x10000002, "ERR_ZMTP_INVALID_SEQUENCE"],
  [0x10000003, "ERR_ZMTP_KEY_EXCHANGE"],
  [0x10000011, "ERR_ZMTP_MALFORMED_COMMAND_UNSPECIFIED"],
  [0x10000012, "ERR_ZMTP_MALFORMED_COMMAND_MESSAGE"],
  [0x10000013, "ERR_ZMTP_MALFORMED_COMMAND_HELLO"],
  [0x10000014, "ERR_ZMTP_MALFORMED_COMMAND_INITIATE"],
  [0x10000015, "ERR_ZMTP_MALFORMED_COMMAND_ERROR"],
  [0x10000016, "ERR_ZMTP_MALFORMED_COMMAND_READY"],
  [0x10000017, "ERR_ZMTP_MALFORMED_COMMAND_WELCOME"],
  [0x10000018, "ERR_ZMTP_INVALID_METADATA"],
  [0x11000001, "ERR_ZMTP_CRYPTOGRAPHIC"],
  [0x11000002, "ERR_ZMTP_MECHANISM_MISMATCH"],
  [0x20000000, "ERR_ZAP_UNSPECIFIED"],
  [0x20000001, "ERR_ZAP_MALFORMED_REPLY"],
  [0x20000002, "ERR_ZAP_BAD_REQUEST_ID"],
  [0x20000003, "ERR_ZAP_BAD_VERSION"],
  [0x20000004, "ERR_ZAP_INVALID_STATUS_CODE"],
  [0x20000005, "ERR_ZAP_INVALID_METADATA"],
  [0x30000000, "ERR_WS_UNSPECIFIED"],
])

// libzmq's own error numbers, which the platform does not name.
const zmqErrnoNames = new Map<number, string>([
  [156384763, "EFSM"],
  [156384764, "ENOCOMPATPROTO"],
  [156384765, "ETERM"],
  [156384766, "EMTHREAD"],
])

let systemErrors: Map<number, [string, string]> | undefined

function eventErrno(errno: number, type: string, address: string): ErrnoError {
  systemErrors ??= getSystemErrorMap()
  const system = systemErrors.get(-errno)
  const code = zmqErrnoNames.get(errno) ?? system?.[0] ?? "EUNKNOWN"
  const error = errnoError(code, `${type}: ${system?.[1] ?? code}`, address)
  error.errno = errno
  return error
}

function protocolError(value: number): ProtoError {
  const code = protocolErrors.get(value) ?? "ERR_ZMTP_UNSPECIFIED"
  const error = new Error(`Handshake failed: protocol error ${code}`) as ProtoError
  error.code = code
  error.errno = value
  return error
}

function authError(status: number): AuthError {
  const error = new Error(`Handshake failed: authentication refused with ZAP status ${status}`) as AuthError
  error.status = status as AuthError["status"]
  return error
}

/** @internal turns a native [id, value, endpoint] triple into an Event */
export function toEvent(id: number, value: number, address: string): Event {
  const known = eventTypes.get(id)
  if (known === undefined) return {type: "unknown"}
  const [type, payload] = known
  if (type === "end") return {type}
  switch (payload) {
    case "interval":
      return {type, address, interval: value} as Event
    case "errno":
      return {type, address, error: eventErrno(value, type, address)} as Event
    case "protocol":
      return {type, address, error: protocolError(value)} as Event
    case "status":
      return {type, address, error: authError(value)} as Event
    default:
      return {type, address} as Event
  }
}

interface Waiter {
  resolve(event: Event): void
  reject(error: unknown): void
  type?: EventType
  filter?: (event: Event) => boolean
  timer?: ReturnType<typeof setTimeout>
  signal?: AbortSignal
  onAbort?: () => void
}

type Listener = (event: never) => void

// Events read for receive() while no one was receiving are kept, up to libzmq's own default
// high-water mark for the monitor; the newest are dropped beyond it.
const bufferLimit = 1000
// Events read per turn of the event loop before yielding it (see pump()).
const pumpBudget = 256

function closedError(): ErrnoError {
  return errnoError("EAGAIN", "Observer was closed before the event arrived")
}

export class Observer {
  private readonly native: NativeObserver
  private readonly buffered: Event[] = []
  private readonly receivers = new Queue<Waiter>()
  private readonly waiters = new Set<Waiter>()
  // Set by the first on(): the observer is then in event emitter mode.
  private listeners?: Map<string, Set<Listener>>
  private pumping = false
  private pumpScheduled = false
  // The socket is closing: events are read until "end", whether anyone waits or not.
  private socketClosed = false
  // The native observer holds this weakly (strongly only while watching): it lives as long as
  // the observer object.
  private readonly onReady = () => this.pump()

  /** Observes `socket`; `socket.events` gives the socket's own observer, made on first use. */
  constructor(socket: Socket) {
    this.native = new binding.Observer(socket.context.nativeContext, socket.nativeSocket, this.onReady)
  }

  /** Whether the observer was closed, by close() or because its socket was closed. */
  get closed(): boolean {
    return this.native.closed
  }

  /**
   * The next event. Events are queued from the observer's creation until read. Cannot be
   * mixed with on(): once a listener was added this rejects.
   */
  receive(): Promise<Event> {
    if (this.listeners !== undefined) {
      return Promise.reject(
        errnoError(
          "EBUSY",
          "Observer is in event emitter mode: after events.on() events cannot be read with receive()",
        ),
      )
    }
    const event = this.buffered.shift()
    if (event !== undefined) return Promise.resolve(event)
    if (this.closed) return Promise.reject(errnoError("EBADF", "Observer is closed"))
    return new Promise<Event>((resolve, reject) => {
      this.receivers.push({resolve, reject})
      this.pump()
    })
  }

  /**
   * Calls `listener` with every event of `type`, with no need to iterate. Switches the observer
   * to event emitter mode (receive() is then unavailable). Listeners alone do not keep the
   * process running.
   */
  on<E extends EventType>(type: E, listener: (event: EventOfType<E>) => void): this {
    checkType(type)
    if (typeof listener !== "function") throw typeError("listener", "a function", listener)
    if (this.listeners === undefined) {
      this.listeners = new Map()
      // Events queued for receive() go to the listeners instead.
      queueMicrotask(() => {
        for (let event = this.buffered.shift(); event !== undefined; event = this.buffered.shift())
          this.emit(event)
      })
    }
    let set = this.listeners.get(type)
    if (set === undefined) this.listeners.set(type, (set = new Set()))
    set.add(listener as Listener)
    this.pump()
    return this
  }

  /** Removes a listener added with on(). */
  off<E extends EventType>(type: E, listener: (event: EventOfType<E>) => void): this {
    this.listeners?.get(type)?.delete(listener as Listener)
    this.pump()
    return this
  }

  /**
   * Resolves with the next event of `type` (that `options.filter` accepts), whether or not
   * anyone else reads events; it does not consume the event for receive(). Rejects with EAGAIN
   * after `options.timeout` ms or when the observer closes first.
   *
   * Waiting for a peer: `await socket.events.waitFor("handshake")` resolves once a connection
   * is fully established (see docs/events.md for what that means for publishers).
   */
  waitFor<E extends EventType>(type: E, options: WaitForOptions<E> = {}): Promise<EventOfType<E>> {
    checkType(type)
    if (options === null || typeof options !== "object")
      return Promise.reject(typeError("options", "an object", options))
    const {timeout, signal, filter} = options
    const invalid = invalidTimeout("options.timeout", timeout, 0)
    if (invalid !== undefined) return Promise.reject(invalid)
    if (filter !== undefined && typeof filter !== "function") {
      return Promise.reject(typeError("options.filter", "a function", filter))
    }
    if (signal?.aborted) return Promise.reject(signal.reason)
    // Events already read for receive() count too.
    for (const event of this.buffered) {
      if (event.type === type && (filter === undefined || filter(event as EventOfType<E>))) {
        return Promise.resolve(event as EventOfType<E>)
      }
    }
    if (this.closed) return Promise.reject(errnoError("EBADF", "Observer is closed"))
    return new Promise<EventOfType<E>>((resolve, reject) => {
      const waiter: Waiter = {
        resolve: resolve as (event: Event) => void,
        reject,
        type,
        filter: filter as ((event: Event) => boolean) | undefined,
      }
      if (timeout !== undefined) {
        waiter.timer = setTimeout(() => {
          this.dropWaiter(waiter)
          reject(errnoError("EAGAIN", `No "${type}" event within ${timeout} ms`))
          this.pump()
        }, timeout)
      }
      if (signal !== undefined) {
        waiter.signal = signal
        waiter.onAbort = () => {
          this.dropWaiter(waiter)
          reject(signal.reason)
          this.pump()
        }
        signal.addEventListener("abort", waiter.onAbort, {once: true})
      }
      this.waiters.add(waiter)
      this.pump()
    })
  }

  /**
   * Stops observing. Idempotent. The final "end" event is still delivered (to listeners,
   * waiters, pending receives, or kept for receive()); then pending receives and waiters
   * reject with EAGAIN. Closing the socket closes its observer too, once libzmq reported the
   * close (its "close" and "disconnect" events, then "end").
   */
  close(): void {
    if (this.closed) return
    this.native.stop()
    for (let raw = this.receiveNative(); raw !== undefined; raw = this.receiveNative()) {
      if (raw.length !== 0) this.dispatch(toEvent(raw[0], raw[1], raw[2]))
    }
    this.finish()
  }

  /**
   * @internal the socket is about to close (called first). libzmq reports what closing does —
   * "close" for each listener, "disconnect"s — and then "end", which closes the observer; until
   * then it reads on its own (without keeping the process alive), so nothing is dropped and the
   * reading socket never outlives that, nor holds up the context's termination.
   */
  socketClosing(): void {
    if (this.closed) return
    this.socketClosed = true
    this.native.watch(this.receivers.length !== 0 || this.waiters.size !== 0)
  }

  // No event can come any more: release the reading socket and reject who still waits.
  private finish(): void {
    if (this.closed) return
    this.native.close()
    for (let waiter = this.receivers.shift(); waiter !== undefined; waiter = this.receivers.shift()) {
      waiter.reject(closedError())
    }
    for (const waiter of [...this.waiters]) {
      this.dropWaiter(waiter)
      waiter.reject(closedError())
    }
  }

  /** `for await (const event of socket.events)`: ends when the observer or its socket closes. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Event, undefined, undefined> {
    for (;;) {
      if (this.closed && this.buffered.length === 0) return undefined
      try {
        yield await this.receive()
      } catch (error) {
        if (this.closed && (error as ErrnoError).code === "EAGAIN") return undefined
        if (this.closed && (error as ErrnoError).code === "EBADF") return undefined
        throw error
      }
    }
  }

  // ---- delivery ----

  private get demand(): boolean {
    if (this.socketClosed || this.receivers.length !== 0 || this.waiters.size !== 0) return true
    if (this.listeners === undefined) return false
    for (const set of this.listeners.values()) if (set.size !== 0) return true
    return false
  }

  // Reads events while someone wants them, then watches for more (keeping the process alive
  // only for explicit waits: receive() and waitFor()). At most pumpBudget events per turn of
  // the event loop: under an event storm (accept failing on every poll while descriptors are
  // exhausted) libzmq refills the monitor as fast as it is read, and the JS thread must not be
  // held for it. The rest is read on the next turn (the descriptor would not signal again).
  private pump(): void {
    if (this.pumping || this.closed) return
    this.pumping = true
    try {
      let budget = pumpBudget
      while (this.demand) {
        if (budget-- === 0) return this.pumpNextTurn()
        const raw = this.receiveNative()
        if (raw === undefined) break
        if (raw.length === 0) continue
        const event = toEvent(raw[0], raw[1], raw[2])
        this.dispatch(event)
        // The monitor ended (the socket is gone, or another observer took over).
        if (event.type === "end") this.finish()
        if (this.closed) return
      }
      if (this.closed) return
      if (this.demand) this.native.watch(this.receivers.length !== 0 || this.waiters.size !== 0)
      else this.native.unwatch()
    } finally {
      this.pumping = false
    }
  }

  private pumpNextTurn(): void {
    if (this.pumpScheduled) return
    this.pumpScheduled = true
    const turn = setImmediate(() => {
      this.pumpScheduled = false
      this.pump()
    })
    if (this.receivers.length === 0 && this.waiters.size === 0) turn.unref()
  }

  // One native read. The context being terminated (ETERM) ends the observer like "end" does.
  private receiveNative(): ReturnType<NativeObserver["receive"]> {
    try {
      return this.native.receive()
    } catch (error) {
      this.finish()
      if ((error as ErrnoError).code === "ETERM") return undefined
      throw error
    }
  }

  private dispatch(event: Event): void {
    for (const waiter of this.waiters) {
      if (waiter.type !== event.type || (waiter.filter !== undefined && !waiter.filter(event))) continue
      this.dropWaiter(waiter)
      waiter.resolve(event)
    }
    if (this.listeners !== undefined) return this.emit(event)
    const receiver = this.receivers.shift()
    if (receiver !== undefined) receiver.resolve(event)
    else if (this.buffered.length < bufferLimit) this.buffered.push(event)
  }

  private emit(event: Event): void {
    const set = this.listeners?.get(event.type)
    if (set !== undefined) callListeners(set as Set<(event: Event) => void>, event)
  }

  private dropWaiter(waiter: Waiter): void {
    this.waiters.delete(waiter)
    if (waiter.timer !== undefined) clearTimeout(waiter.timer)
    if (waiter.onAbort !== undefined) waiter.signal!.removeEventListener("abort", waiter.onAbort)
  }
}

function checkType(type: unknown): asserts type is EventType {
  if (typeof type !== "string" || !knownTypes.has(type)) {
    throw typeError("type", `one of ${[...knownTypes].map(name => `"${name}"`).join(", ")}`, type)
  }
}
