// The Observer: reads a socket's libzmq monitor (native/observer.cc) and delivers each event,
// typed by lib/events.ts, to pending receive() calls (and async iteration), on() listeners —
// which need no one to iterate — and waitFor() promises. It is handed the native handles it
// reads; it never calls the socket.
import {EventEmitter} from "node:events"
import {binding, type NativeObserver} from "./native"
import {errnoError, invalidTimeout, typeError, v6Words, type ErrnoError} from "./errors"
import {
  knownTypes,
  toEvent,
  type Event,
  type EventOfType,
  type EventType,
  type WaitForOptions,
} from "./events"
import {native} from "./core/handles"
import {arm, callerStack, abortError, settle, type Pending} from "./core/pending"
import {Queue} from "./core/queue"
import {callListeners} from "./listeners"
import {checkObject, checkSocket, type Socket} from "./socket"

interface Receiver {
  resolve(event: Event): void
  reject(error: unknown): void
}

interface Waiter extends Pending {
  type: EventType
  filter?: (event: Event) => boolean
}

type Listener = (event: never) => void

// Events read for receive() while no one was receiving are kept, up to libzmq's own default
// high-water mark for the monitor; the newest are dropped beyond it.
const bufferLimit = 1000
// Events read per turn of the event loop before yielding it (see pump()).
const pumpBudget = 256
// How long after its socket closed an observer waits for libzmq's "end" before closing anyway:
// libzmq sends it once the socket is destroyed, which a pending inproc connect (to a name never
// bound) puts off until the context terminates. What closing reports comes within milliseconds.
const endGraceMs = 1000

function closedError(): ErrnoError {
  return errnoError("EAGAIN", "Observer was closed before the event arrived")
}

// zeromq v6's words for a receive() on a closed observer (its own socket is closed).
function observerClosed(): ErrnoError {
  return errnoError("EBADF", "Socket is closed: the observer is closed")
}

/** What listens for a socket's events: the Observer in event emitter mode (as in zeromq v6). */
export interface EventSubscriber {
  /**
   * Calls `listener` with every event of this type (the Observer is then an event emitter).
   *
   * @throws TypeError (code `ERR_INVALID_ARG_TYPE`) for a listener that is not a function, an
   * Error with code `EBUSY` while a receive() waits.
   */
  on<E extends EventType>(type: E, listener: (event: EventOfType<E>) => void): EventSubscriber
  /**
   * Stops calling a listener `on()` added.
   *
   * @throws Nothing: a listener that was not added is ignored.
   */
  off<E extends EventType>(type: E, listener: (event: EventOfType<E>) => void): EventSubscriber
}

/**
 * A socket's events: `socket.events` is the socket's own Observer. Read them with listeners
 * (`on`), one at a time (`receive`, `for await`), or wait for one kind (`waitFor`).
 *
 * @example
 * ```ts
 * import {Dealer} from "zmq-native"
 * const socket = new Dealer()
 * socket.events.on("connect:retry", event => console.log(`retry in ${event.interval} ms`))
 * const connected = socket.events.waitFor("handshake", {timeout: 5000})
 * socket.connect("tcp://127.0.0.1:5555")
 * await connected
 * ```
 */
export class Observer implements EventSubscriber {
  private readonly native: NativeObserver
  private readonly buffered: Event[] = []
  private readonly receivers = new Queue<Receiver>()
  private readonly waiters = new Set<Waiter>()
  // Set by the first on(): the observer is then in event emitter mode.
  private listeners?: Map<string, Set<Listener>>
  private pumping = false
  private pumpScheduled = false
  // The socket is closing: events are read until "end", whether anyone waits or not, or until
  // this timer closes the observer.
  private socketClosed = false
  private endTimer?: ReturnType<typeof setTimeout>
  // Closed for its users (by endLate(), or close() on a socket it could not stop) while
  // libzmq still holds the socket: the reading socket reads on, dropping what comes, until
  // libzmq's own "end" (see drain()).
  private abandoned = false
  // The native observer holds this weakly (strongly only while watching): it lives as long as
  // the observer object.
  private readonly onReady = () => this.pump()

  /**
   * Observes `socket`; `socket.events` gives the socket's own observer, made on first use.
   *
   * @throws TypeError "Socket must be a socket object" for an argument that is no object, an
   * Error with code `EINVAL` for an object that is no Socket, `ENOTSOCK` for a closed socket,
   * `EBUSY` for one in a running proxy.
   */
  constructor(socket: Socket) {
    checkObject(v6Words.socket, socket)
    checkSocket("socket", socket)
    this.native = new binding.Observer(socket.context[native], socket[native], this.onReady)
  }

  /** Whether the observer was closed, by close() or because its socket was closed. */
  get closed(): boolean {
    return this.abandoned || this.native.closed
  }

  /**
   * The next event. Events are queued from the observer's creation until read (or until
   * close()). Cannot be mixed with on(): once a listener was added this throws.
   *
   * @throws Error with `code` `EBUSY` once a listener was added with on(), `EBADF` ("Socket is
   * closed", as in zeromq v6) when the observer is closed and no event is left. Rejects with
   * `EAGAIN` when it closes while this waits.
   */
  receive(): Promise<Event> {
    if (this.listeners !== undefined) {
      // zeromq v6's words, with the code every error of ours carries (docs/compat.md).
      throw errnoError(
        "EBUSY",
        "Observer is in event emitter mode. After a call to events.on() it is not possible to read events with events.receive().",
      )
    }
    const event = this.buffered.shift()
    if (event !== undefined) return Promise.resolve(event)
    if (this.closed) throw observerClosed()
    return new Promise<Event>((resolve, reject) => {
      this.receivers.push({resolve, reject})
      this.pump()
    })
  }

  /**
   * Calls `listener` with every event of `type`, with no need to iterate. Switches the observer
   * to event emitter mode (receive() is then unavailable). Listeners alone do not keep the
   * process running. A type that is no event's is accepted (as an EventEmitter does), and its
   * listener never called.
   *
   * @throws TypeError (code `ERR_INVALID_ARG_TYPE`, Node's) for a listener that is not a
   * function; an Error with code `EBUSY` while a receive() waits (they are exclusive).
   */
  on<E extends EventType>(type: E, listener: (event: EventOfType<E>) => void): this {
    checkListener(listener)
    if (this.receivers.length !== 0) {
      throw errnoError(
        "EBUSY",
        "Observer is busy reading; only one receive operation may be in progress at any time",
      )
    }
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

  /**
   * Removes a listener added with on().
   *
   * @throws Nothing: a listener that was not added is ignored.
   */
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
   *
   * @throws Rejects with an Error whose `code` is `EAGAIN` on timeout or when the observer
   * closes first, an `AbortError` when `options.signal` aborts; a TypeError for an unknown
   * event type or a filter that is not a function, a TypeError or RangeError naming
   * `options.timeout` when it is not an integer from 0 to 2^31-1.
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
    if (signal?.aborted) return Promise.reject(abortError(signal))
    // Events already read for receive() count too.
    for (const event of this.buffered) {
      if (event.type === type && (filter === undefined || filter(event as EventOfType<E>))) {
        return Promise.resolve(event as EventOfType<E>)
      }
    }
    if (this.closed) return Promise.reject(errnoError("EBADF", "Observer is closed"))
    const queued = new Promise<EventOfType<E>>((resolve, reject) => {
      const waiter = {
        resolve: resolve as (value: unknown) => void,
        reject,
        type,
        filter: filter as ((event: Event) => boolean) | undefined,
      } as Waiter
      const expired = () => errnoError("EAGAIN", `No "${type}" event within ${timeout} ms`)
      const dropped = () => {
        this.waiters.delete(waiter)
        this.pump()
      }
      if (!arm(waiter, timeout ?? -1, signal, expired, dropped)) return
      this.waiters.add(waiter)
      this.pump()
    })
    return callerStack(queued, signal)
  }

  /**
   * Stops observing. Idempotent. The final "end" event is still delivered (to listeners,
   * waiters and pending receives); events not read are dropped, and receive() then throws
   * EBADF, as in zeromq v6. Pending receives and waiters reject with EAGAIN. Closing the socket closes its observer too, once libzmq reported the
   * close (its "close" and "disconnect" events, then "end"; at most a second later).
   *
   * @throws Nothing.
   */
  close(): void {
    if (this.closed) return
    // Stopping sends "end" at once; it cannot stop a socket that is closing or in a running
    // proxy (only the proxy's thread may call it then), whose monitor then sends on.
    this.native.stop()
    let ended = false
    for (let raw = this.receiveNative(); raw !== undefined; raw = this.receiveNative()) {
      if (raw.length === 0) continue
      const event = toEvent(raw[0], raw[1], raw[2])
      this.dispatch(event)
      if (event.type === "end") ended = true
    }
    // Without libzmq's "end" the monitor still sends: closing the reading socket would block
    // libzmq's I/O thread for good at its next event (a send to a PAIR without peer waits), and
    // with it every socket of the context. Abandoned, it reads on until that "end" (drain()).
    if (!ended) this.dispatch({type: "end"} as Event)
    // What no one read goes with the observer, as in zeromq v6 (receive() then throws EBADF).
    this.buffered.length = 0
    this.finish(!ended)
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
    this.endTimer = setTimeout(() => this.endLate(), endGraceMs)
    this.endTimer.unref()
  }

  // libzmq's "end" did not come in time: deliver what did, and an "end" of our own.
  private endLate(): void {
    if (this.closed) return
    for (let raw = this.receiveNative(); raw !== undefined && !this.closed; raw = this.receiveNative()) {
      if (raw.length === 0) continue
      const event = toEvent(raw[0], raw[1], raw[2])
      this.dispatch(event)
      if (event.type === "end") return this.finish()
    }
    if (this.closed) return
    this.dispatch({type: "end"} as Event)
    this.finish(true)
  }

  // No event can come any more (or, `abandoned`, none will be delivered): release the reading
  // socket, or leave it to drain(), and reject who still waits.
  private finish(abandoned = false): void {
    if (this.closed) return
    if (this.endTimer !== undefined) clearTimeout(this.endTimer)
    if (abandoned) {
      this.abandoned = true
      this.native.watch(false)
    } else {
      this.native.close()
    }
    for (let receiver = this.receivers.shift(); receiver !== undefined; receiver = this.receivers.shift()) {
      receiver.reject(closedError())
    }
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter)
      settle(waiter, undefined, closedError())
    }
  }

  /**
   * `for await (const event of socket.events)`: ends when the observer or its socket closes.
   *
   * @throws The loop throws `EBUSY` once a listener was added with on().
   */
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
    if (this.abandoned) return this.drain()
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

  // After endLate(): the reading socket stays until libzmq's "end" (or the context's end).
  // Closed while the monitor still runs, it would keep the socket, its monitor and itself alive
  // in libzmq for good once the socket is released (4 descriptors each, measured).
  private drain(): void {
    try {
      for (let raw = this.native.receive(); raw !== undefined; raw = this.native.receive()) {
        if (raw.length !== 0 && toEvent(raw[0], raw[1], raw[2]).type === "end") return this.native.close()
      }
    } catch {
      return this.native.close() // ETERM: the context is gone, and the monitor with it
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
      if (waiter.type !== event.type) continue
      let accepted = true
      try {
        accepted = waiter.filter === undefined || waiter.filter(event)
      } catch (error) {
        // The caller's filter threw: its waitFor rejects with that (thrown here, from the event
        // loop, it would be an uncaught exception).
        this.waiters.delete(waiter)
        settle(waiter, undefined, error)
        continue
      }
      if (!accepted) continue
      this.waiters.delete(waiter)
      settle(waiter, event)
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
}

// A listener as an EventEmitter (zeromq v6's observer is one) checks it: Node's own TypeError,
// code ERR_INVALID_ARG_TYPE and message, made by Node's check itself.
function checkListener(listener: unknown): asserts listener is Listener {
  if (typeof listener === "function") return
  new EventEmitter().on("event", listener as never)
  throw typeError("listener", "a function", listener) // not reached: on() threw
}

function checkType(type: unknown): asserts type is EventType {
  if (typeof type !== "string" || !knownTypes.has(type)) {
    throw typeError("type", `one of ${[...knownTypes].map(name => `"${name}"`).join(", ")}`, type)
  }
}
