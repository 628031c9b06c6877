// The Socket base class: endpoints, options, and ordered, non-blocking send and receive with
// promises. Many sends and receives may be pending at once; each side is served in order as
// libzmq becomes ready, with per-call timeouts and AbortSignals.
import {binding, SendResult, type NativeSocket} from "./native"
import {context as defaultContext, isContext, type Context} from "./context"
import {applyOptions, type SocketKind} from "./options"
import {errnoError, typeError, rangeError, checkString, invalidTimeout} from "./errors"
import {Queue} from "./queue"
import {Observer} from "./events"
import {IpcFiles, transportError} from "./endpoints"
import {checkHandshakeOptions} from "./auth/handshake-guard"
import {
  metadataRequest,
  receiveWithMetadata,
  type MetadataReceiveOptions,
  type MetadataRequest,
} from "./metadata"
import {Buffer} from "node:buffer"

// The class Buffers are made of (Buffer's species), for views of a slab: Buffer.from(memory,
// offset, length) checks its arguments again and reaches the global Buffer through a getter,
// which showed in profiles of a receiver cutting a slab into many small frames.
const FastBuffer = (
  Buffer as unknown as {
    [Symbol.species]: new (memory: ArrayBufferLike, offset: number, length: number) => Buffer
  }
)[Symbol.species]

/** A received message frame. */
export type Message = Buffer

/** What send() accepts as one frame. Numbers are sent as their decimal text (as zeromq v6 does). */
export type MessageLike = ArrayBufferView | ArrayBuffer | SharedArrayBuffer | string | number | null

export interface OperationOptions {
  /** Rejects the operation with an AbortError when signalled; nothing is sent or consumed. */
  signal?: AbortSignal
  /** Milliseconds before rejecting with EAGAIN; overrides sendTimeout / receiveTimeout. -1: never. */
  timeout?: number
}

export interface SocketOptions {
  context?: Context
  /**
   * Lets `receive({metadata})` read each message's metadata (User-Id, Peer-Address, …; see
   * docs/security.md). Messages are then read from libzmq one at a time, never ahead.
   * Standard socket types only.
   */
  receiveMetadata?: boolean
}

const POLLIN = 1
const POLLOUT = 2

// Messages drained from libzmq per native call when nothing forbids it. REQ/REP alternate
// strictly, so they take one at a time; so do subscribers: libzmq filters a subscriber's
// queue when it is read, so a message read ahead would escape a later unsubscribe().
const receiveBatch = 64
const oneAtATime: readonly SocketKind[] = ["Request", "Reply", "Subscriber"]
// ZMQ_STREAM, the last standard socket type; draft types, numbered after it, shape their
// messages themselves and have no metadata receive.
const lastStandardType = 11

// Most messages passed to one native sendMany call (as arguments, so bounded by the stack).
const sendChunk = 1024

interface Pending {
  resolve(value: unknown): void
  reject(error: unknown): void
  settled: boolean
  timer?: ReturnType<typeof setTimeout>
  signal?: AbortSignal
  onAbort?: () => void
}

interface PendingSend extends Pending {
  message: unknown
  options?: OperationOptions
  /** sendMany: the messages and how many are queued so far. */
  many?: unknown[]
  done?: number
}

interface PendingReceive extends Pending {
  /** receiveMany: most messages to hand over at once. */
  many?: number
  /** receive({metadata}): the properties to read. */
  metadata?: MetadataRequest
}

function abortError(signal: AbortSignal): Error {
  const reason = signal.reason
  if (reason instanceof Error) return reason
  const error = new Error("The operation was aborted") as Error & {code: string}
  error.name = "AbortError"
  error.code = "ABORT_ERR"
  return error
}

function timeoutError(): Error {
  return errnoError("EAGAIN", "Operation was not possible or timed out")
}

function closedError(): Error {
  return errnoError("EBADF", "Socket is closed")
}

export abstract class Socket {
  private readonly ownContext: Context
  /** @internal the native socket; throws EBADF once closed */
  readonly nativeSocket: NativeSocket

  private readonly receivers = new Queue<PendingReceive>()
  private readonly senders = new Queue<PendingSend>()
  // Messages already taken from libzmq by a batch receive, handed out before anything else.
  private inbox: Buffer[][] = []
  private inboxHead = 0
  // Where nativeSocket.receiveBatch puts zero-copy frames; reused, emptied as they are taken.
  private readonly largeFrames: Buffer[] = []
  private readonly batch: number
  private readonly metadataReady: boolean
  private readonly registration: WeakRef<Socket>
  // The native socket holds this weakly (strongly only while watching): it must live as long
  // as the socket does.
  private readonly onReady: () => void
  // Pollers waiting on this socket: told after every wake-up of the native poll, and once when
  // the socket closes. While there are any the poll stays armed (watch, not idle).
  private readonly readinessListeners = new Set<() => void>()
  private flushing = false
  // A flush is scheduled by retryLater().
  private retrying = false
  private observer?: Observer
  /** @internal the proxy running with this socket, stopped before the socket closes */
  proxy?: {halt(): void}
  // Files of the ipc endpoints this socket bound, removed on unbind and close.
  private ipcFiles?: IpcFiles

  constructor(type: number, kind: SocketKind, options?: SocketOptions) {
    if (options !== undefined && (options === null || typeof options !== "object")) {
      throw typeError("options", "an object", options)
    }
    const context = options?.context
    if (context !== undefined && !isContext(context)) {
      throw typeError("options.context", "a zmq-native Context", context)
    }
    this.ownContext = context ?? defaultContext
    this.onReady = () => {
      this.flush()
      if (this.readinessListeners.size !== 0) this.notifyReadiness()
    }
    this.nativeSocket = new binding.Socket(this.context.nativeContext, type, this.onReady)
    const metadata = options?.receiveMetadata ?? false
    this.metadataReady = metadata === true
    this.batch = this.metadataReady || oneAtATime.includes(kind) ? 1 : receiveBatch
    this.registration = this.context.register(this) as WeakRef<Socket>
    try {
      if (typeof metadata !== "boolean") throw typeError("options.receiveMetadata", "a boolean", metadata)
      if (metadata && type > lastStandardType) {
        throw new TypeError(`The "receiveMetadata" option is for the standard socket types, not ${kind}`)
      }
      applyOptions(this, options, ["context", "receiveMetadata"])
    } catch (error) {
      this.close()
      throw error
    }
    // As zeromq v6's: a misspelt option set as a property (push.sendHighWaterMarc = 10) throws
    // a TypeError (in strict code) instead of being silently kept as a new property.
    Object.seal(this)
  }

  // ---- state ----

  /** The context this socket belongs to. */
  get context(): Context {
    return this.ownContext
  }

  get closed(): boolean {
    return this.nativeSocket.closed
  }

  /**
   * The socket's event observer, made on first use (do that before bind/connect to see their
   * events). It closes shortly after the socket: libzmq reports what closing did ("close" for
   * each bound endpoint, "disconnect"s), then a final "end" event.
   */
  get events(): Observer {
    return (this.observer ??= new Observer(this))
  }

  /** Whether a receive would complete now. */
  get readable(): boolean {
    if (this.inboxHead < this.inbox.length) return true
    return !this.closed && (this.nativeSocket.events() & POLLIN) !== 0
  }

  /** Whether a send would complete now. */
  get writable(): boolean {
    return !this.closed && (this.nativeSocket.events() & POLLOUT) !== 0
  }

  // ---- endpoints ----

  async bind(address: string): Promise<void> {
    this.bindSync(address)
  }

  bindSync(address: string): void {
    checkString("address", address)
    checkHandshakeOptions(this, address)
    try {
      this.nativeSocket.bind(address)
    } catch (error) {
      throw transportError(error, address)
    }
    if (address.startsWith("ipc://")) (this.ipcFiles ??= new IpcFiles()).bound(address)
  }

  async unbind(address: string): Promise<void> {
    this.unbindSync(address)
  }

  unbindSync(address: string): void {
    checkString("address", address)
    this.nativeSocket.unbind(address)
    this.ipcFiles?.unbound(address)
  }

  connect(address: string): void {
    checkString("address", address)
    checkHandshakeOptions(this, address)
    try {
      this.nativeSocket.connect(address)
    } catch (error) {
      throw transportError(error, address)
    }
  }

  disconnect(address: string): void {
    checkString("address", address)
    this.nativeSocket.disconnect(address)
  }

  // ---- lifetime ----

  /**
   * Closes the socket. Idempotent. Pending sends and receives reject with EAGAIN (as in
   * zeromq v6); later calls reject with EBADF. Queued outgoing messages are delivered for up
   * to `linger` ms.
   */
  close(): void {
    this.closeWithin(undefined)
  }

  /** @internal closes, lingering at most maxLinger ms when given */
  closeWithin(maxLinger: number | undefined): void {
    if (this.nativeSocket.closed) return
    this.proxy?.halt()
    this.observer?.socketClosing()
    if (maxLinger !== undefined) {
      const linger = this.nativeSocket.getInt32(17)
      if (linger < 0 || linger > maxLinger) this.nativeSocket.setInt32(17, maxLinger)
    }
    this.nativeSocket.close()
    this.ipcFiles?.closed()
    this.context.unregister(this.registration)
    this.inbox = []
    this.inboxHead = 0
    const error = () => errnoError("EAGAIN", "Operation was not possible or timed out")
    for (const pending of this.receivers.drain()) settle(pending, undefined, error())
    for (const pending of this.senders.drain()) settle(pending, undefined, error())
    if (this.readinessListeners.size !== 0) this.notifyReadiness()
  }

  [Symbol.asyncDispose](): Promise<void> {
    this.close()
    return Promise.resolve()
  }

  // ---- sending ----

  /**
   * Queues a message (one frame, or an array of frames for a multipart message). Resolves once
   * libzmq has accepted it; waits while the high-water mark is reached, up to sendTimeout.
   */
  protected sendMessage(message: unknown, options?: OperationOptions): Promise<void> {
    // Without a signal or timeout a send that libzmq takes at once needs no queue entry (draft
    // sockets' routing options still go to trySend).
    if (
      this.senders.length === 0 &&
      (options === undefined || (options.signal === undefined && options.timeout === undefined))
    ) {
      try {
        let result = this.trySend(message, options)
        if (result === SendResult.Unsupported) {
          const normalized = normalizeMessage(message)
          if (normalized === undefined) return Promise.reject(frameTypeError(message))
          message = normalized
          result = this.trySend(message, options)
        }
        if (result === SendResult.Sent) {
          if (this.receivers.length !== 0) this.flush()
          return Promise.resolve()
        }
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return this.enqueueSend({message, options} as PendingSend, options, 28)
  }

  /**
   * Sends many messages in order with as few native calls as possible; resolves once all are
   * queued in libzmq. Each element is a message: a frame or an array of frames.
   */
  protected sendManyMessages(messages: unknown[], options?: OperationOptions): Promise<void> {
    if (!Array.isArray(messages)) return Promise.reject(typeError("messages", "an array", messages))
    const pending = {many: messages, done: 0, options} as PendingSend
    if (this.senders.length === 0) {
      try {
        if (this.trySendMany(pending)) return Promise.resolve()
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return this.enqueueSend(pending, options, 28)
  }

  /** @internal one attempt to queue a message; draft sockets override it */
  protected trySend(message: unknown, _options?: OperationOptions): SendResult {
    return this.nativeSocket.send(message)
  }

  // Queues what it can; true once every message of the batch is in libzmq. The native call
  // takes the messages as arguments, a chunk at a time.
  private trySendMany(pending: PendingSend): boolean {
    const messages = pending.many!
    const nativeSocket = this.nativeSocket
    while (pending.done! < messages.length) {
      const done = pending.done!
      const chunk =
        done === 0 && messages.length <= sendChunk ? messages : messages.slice(done, done + sendChunk)
      const sent = Reflect.apply(nativeSocket.sendMany, nativeSocket, chunk) as number
      if (sent < 0) {
        // The messages before it are queued: count them before anything can stop here.
        const index = done - 1 - sent
        pending.done = index
        const normalized = normalizeMessage(messages[index])
        if (normalized === undefined) throw frameTypeError(messages[index], `messages[${index}]`)
        if (nativeSocket.send(normalized) === SendResult.WouldBlock) return false
        pending.done = index + 1
        continue
      }
      pending.done = done + sent
      if (sent < chunk.length) return false
    }
    return true
  }

  private enqueueSend(
    pending: PendingSend,
    options: OperationOptions | undefined,
    timeoutOption: number,
  ): Promise<void> {
    if (this.closed) return Promise.reject(closedError())
    return new Promise<void>((resolve, reject) => {
      pending.resolve = resolve as (value: unknown) => void
      pending.reject = reject
      pending.settled = false
      if (!this.arm(pending, options, timeoutOption, this.senders)) return
      this.senders.push(pending)
      this.nativeSocket.watch()
      // A message may be sendable right away (e.g. only the first of several waited).
      if (this.senders.length === 1) this.flush()
    })
  }

  // ---- receiving ----

  /** Receives one message as an array of frames. */
  protected receiveMessage(options?: OperationOptions): Promise<Message[]> {
    if (options === undefined || this.inboxHead < this.inbox.length) {
      try {
        const message = this.receiveNow()
        if (message !== undefined) return Promise.resolve(message)
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return this.enqueueReceive({} as PendingReceive, options, options === undefined) as Promise<Message[]>
  }

  /** Receives one message with its metadata (a socket made with `receiveMetadata: true`). */
  protected receiveMessageWithMetadata(options: MetadataReceiveOptions): Promise<unknown> {
    if (!this.metadataReady) {
      return Promise.reject(
        new TypeError('The "options.metadata" option needs a socket made with {receiveMetadata: true}'),
      )
    }
    let metadata: MetadataRequest
    try {
      metadata = metadataRequest(options.metadata)
    } catch (error) {
      return Promise.reject(error)
    }
    return this.enqueueReceive({metadata} as PendingReceive, options)
  }

  // A message that is ready now, or undefined when none is (or earlier receives wait first).
  private receiveNow(): Message[] | undefined {
    if (this.inboxHead < this.inbox.length) return this.takeFromInbox()
    if (this.receivers.length !== 0) return undefined
    const message = this.tryReceive() as Message[] | undefined
    if (message !== undefined && this.senders.length !== 0) this.flush()
    return message
  }

  /**
   * Receives every message that is ready now (at least one, waiting for it if needed), at most
   * `max`, in one call: the fast way to drain a busy socket.
   */
  protected receiveManyMessages(max = 1024, options?: OperationOptions): Promise<Message[][]> {
    if (typeof max !== "number") return Promise.reject(typeError("max", "a positive integer", max))
    if (!Number.isInteger(max) || max < 1) return Promise.reject(rangeError("max", "a positive integer", max))
    // "At most max": the native count is 32-bit, and no batch comes near it.
    max = Math.min(max, 2 ** 32 - 1)
    if (this.receivers.length === 0) {
      try {
        const messages = this.takeMany(max)
        if (messages.length > 0) return Promise.resolve(messages)
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return this.enqueueReceive({many: max} as PendingReceive, options) as Promise<Message[][]>
  }

  /** @internal one attempt to take a message; draft sockets override it */
  protected tryReceive(): unknown {
    if (this.batch === 1) return this.nativeSocket.receive()
    const messages = this.receiveBatch(this.batch)
    if (messages.length === 0) return undefined
    if (messages.length > 1) {
      this.inbox = messages
      this.inboxHead = 1
    }
    return messages[0]
  }

  private takeFromInbox(): Buffer[] {
    const message = this.inbox[this.inboxHead++]
    if (this.inboxHead === this.inbox.length) {
      this.inbox = []
      this.inboxHead = 0
    }
    return message
  }

  private takeMany(max: number): Message[][] {
    if (this.inboxHead < this.inbox.length) {
      const messages = this.inbox.slice(this.inboxHead, this.inboxHead + max)
      this.inboxHead += messages.length
      if (this.inboxHead === this.inbox.length) {
        this.inbox = []
        this.inboxHead = 0
      }
      return messages
    }
    return this.tryReceiveMany(max) as Message[][]
  }

  /** @internal up to max messages that are ready now; draft sockets override it with tryReceive */
  protected tryReceiveMany(max: number): unknown[] {
    return this.receiveBatch(max)
  }

  // Up to max ready messages in one native call, their small frames views of one slab.
  private receiveBatch(max: number): Message[][] {
    const large = this.largeFrames
    const slab = this.nativeSocket.receiveBatch(max, large)
    if (slab === undefined) return []
    const memory = slab.buffer
    const entries = new Int32Array(memory, slab.byteOffset, slab.length >>> 2)
    const count = entries[0]
    let offset = slab.byteOffset + 4 * (count + 1)
    let taken = 0
    const messages: Message[][] = []
    // The frames of a multipart message so far; single-frame messages never need it.
    let frames: Message[] | undefined
    for (let i = 1; i <= count; i++) {
      const entry = entries[i]
      let frame: Buffer
      let more: boolean
      if (entry >= 0) {
        const length = entry >>> 1
        frame = new FastBuffer(memory, offset, length)
        offset += length
        more = (entry & 1) !== 0
      } else {
        frame = large[taken]
        large[taken++] = undefined as unknown as Buffer
        more = entry === -2
      }
      if (frames !== undefined) {
        frames.push(frame)
        if (!more) {
          messages.push(frames)
          frames = undefined
        }
      } else if (more) {
        frames = [frame]
      } else {
        messages.push([frame])
      }
    }
    return messages
  }

  // `tried`: the caller found nothing ready an instant ago (receiveNow). libzmq processed its
  // commands then, so the armed poll will report the next change: trying again at once would
  // only repeat a failed receive and a ZMQ_EVENTS read. Unless sends wait too: that receive may
  // have taken a change they were waiting for.
  private enqueueReceive(
    pending: PendingReceive,
    options: OperationOptions | undefined,
    tried = false,
  ): Promise<unknown> {
    if (this.closed) return Promise.reject(closedError())
    return new Promise((resolve, reject) => {
      pending.resolve = resolve
      pending.reject = reject
      pending.settled = false
      if (!this.arm(pending, options, 27, this.receivers)) return
      this.receivers.push(pending)
      this.nativeSocket.watch()
      if (this.receivers.length === 1 && !(tried && this.senders.length === 0)) this.flush()
    })
  }

  /** Async iteration: one message (array of frames) per step, until the socket closes. */
  protected iterateMessages(): AsyncGenerator<Message[], undefined, undefined> {
    return new MessageIterator(
      () => this.receiveNow(),
      () => this.enqueueReceive({} as PendingReceive, undefined, true) as Promise<Message[]>,
      () => this.closed,
    )
  }

  // ---- readiness ----

  // Sets up the timeout and abort signal of a pending operation; false if it settled already.
  private arm(
    pending: Pending,
    options: OperationOptions | undefined,
    timeoutOption: number,
    queue: Queue<Pending>,
  ): boolean {
    let timeout: number | undefined = options?.timeout
    const signal = options?.signal
    const invalid = invalidTimeout("options.timeout", timeout, -1)
    if (invalid !== undefined) {
      pending.reject(invalid)
      return false
    }
    if (signal !== undefined) {
      if (signal.aborted) {
        pending.reject(abortError(signal))
        return false
      }
      pending.signal = signal
      pending.onAbort = () => {
        settle(pending, undefined, abortError(signal))
        this.settleIdle(queue)
      }
      signal.addEventListener("abort", pending.onAbort, {once: true})
    }
    if (timeout === undefined) timeout = this.nativeSocket.getInt32(timeoutOption)
    if (timeout >= 0) {
      pending.timer = setTimeout(() => {
        settle(pending, undefined, timeoutError())
        this.settleIdle(queue)
      }, timeout)
    }
    return true
  }

  // Drops settled operations from the head of a queue, and idles the poll when nothing waits.
  private settleIdle(queue: Queue<Pending>): void {
    while (queue.length !== 0 && queue.peek()!.settled) queue.shift()
    if (this.receivers.length === 0 && this.senders.length === 0 && !this.closed) this.idle()
  }

  /**
   * Serves pending operations while libzmq can take or give messages. ZMQ_FD only signals
   * changes, and any operation may consume a change meant for the other direction, so after
   * both queues stall ZMQ_EVENTS is read once more before going back to waiting.
   */
  private flush(): void {
    if (this.flushing || this.closed) return
    this.flushing = true
    try {
      for (;;) {
        const before = this.receivers.length + this.senders.length
        const sentBefore = this.senders.peek()?.done
        this.serveReceivers()
        this.serveSenders()
        const receiving = this.receivers.length !== 0
        const sending = this.senders.length !== 0
        if (!receiving && !sending) {
          // The poll stays armed, holding nothing: the next wait needs no epoll_ctl.
          this.idle()
          return
        }
        if (this.closed) return
        const events = this.nativeSocket.events()
        if (!((receiving && events & POLLIN) || (sending && events & POLLOUT))) return
        // Ready, yet nothing moved: ZMQ_EVENTS can say so for good (a mandatory Router has
        // POLLOUT while any peer has room, and a send to a full peer still blocks). Looping here
        // would block the thread for ever, timeouts included; try again after other events.
        if (
          this.receivers.length + this.senders.length === before &&
          this.senders.peek()?.done === sentBefore
        ) {
          this.retryLater()
          return
        }
      }
    } catch (error) {
      // Operations' own errors are settled where they happen (serveReceivers, serveSenders);
      // one from reading ZMQ_EVENTS concerns the socket, so every waiting operation gets it.
      for (const pending of this.receivers.drain()) settle(pending, undefined, error)
      for (const pending of this.senders.drain()) settle(pending, undefined, error)
      if (!this.closed) this.nativeSocket.unwatch()
    } finally {
      this.flushing = false
    }
  }

  // Nothing waits on the socket: the poll stays armed, holding nothing, unless a Poller waits.
  private idle(): void {
    if (this.readinessListeners.size === 0) this.nativeSocket.idle()
  }

  private notifyReadiness(): void {
    for (const listener of [...this.readinessListeners]) listener()
  }

  /**
   * @internal Calls `listener` whenever the socket's readiness may have changed (each wake-up
   * of the native poll, and its close) until the returned function is called; the poll stays
   * armed meanwhile, holding the process as a pending operation does. For the Poller.
   */
  watchReadiness(listener: () => void): () => void {
    if (this.closed) throw closedError()
    this.readinessListeners.add(listener)
    this.nativeSocket.watch()
    return () => {
      if (!this.readinessListeners.delete(listener)) return
      if (this.readinessListeners.size === 0 && this.receivers.length === 0 && this.senders.length === 0) {
        if (!this.closed) this.nativeSocket.idle()
      }
    }
  }

  private retryLater(): void {
    if (this.retrying) return
    this.retrying = true
    setImmediate(() => {
      this.retrying = false
      this.flush()
    })
  }

  private serveReceivers(): void {
    for (;;) {
      const pending = this.receivers.peek()
      if (pending === undefined) return
      if (pending.settled) {
        this.receivers.shift()
        continue
      }
      let value: unknown
      try {
        if (pending.many !== undefined) {
          const messages = this.takeMany(pending.many)
          if (messages.length === 0) return
          value = messages
        } else if (pending.metadata !== undefined) {
          value = receiveWithMetadata(this.nativeSocket, pending.metadata)
          if (value === undefined) return
        } else {
          value = this.inboxHead < this.inbox.length ? this.takeFromInbox() : this.tryReceive()
          if (value === undefined) return
        }
      } catch (error) {
        // A libzmq error (e.g. EFSM) is this receive's; the next one may still be served.
        this.receivers.shift()
        settle(pending, undefined, error)
        continue
      }
      this.receivers.shift()
      settle(pending, value)
    }
  }

  private serveSenders(): void {
    for (;;) {
      const pending = this.senders.peek()
      if (pending === undefined) return
      if (pending.settled) {
        this.senders.shift()
        continue
      }
      try {
        if (pending.many !== undefined) {
          if (!this.trySendMany(pending)) return
        } else {
          let result = this.trySend(pending.message, pending.options)
          if (result === SendResult.Unsupported) {
            const normalized = normalizeMessage(pending.message)
            if (normalized === undefined) {
              this.senders.shift()
              settle(pending, undefined, frameTypeError(pending.message))
              continue
            }
            result = this.trySend(normalized, pending.options)
          }
          if (result === SendResult.WouldBlock) return
        }
      } catch (error) {
        // A libzmq error (e.g. EFSM, EHOSTUNREACH) is this send's; the next one may still go.
        this.senders.shift()
        settle(pending, undefined, error)
        continue
      }
      this.senders.shift()
      settle(pending, undefined)
    }
  }
}

// `for await` over a socket, hand-written rather than an async generator: a message that is
// already there costs one resolved promise, where a generator's yield-await costs several.
// Ends when the socket closes; any other error is thrown to the loop once, then it is done.
class MessageIterator implements AsyncGenerator<Message[], undefined, undefined> {
  private finished = false

  constructor(
    private readonly now: () => Message[] | undefined,
    private readonly wait: () => Promise<Message[]>,
    private readonly closed: () => boolean,
  ) {}

  next(): Promise<IteratorResult<Message[], undefined>> {
    if (this.finished || this.closed()) return this.return()
    let message: Message[] | undefined
    try {
      message = this.now()
    } catch (error) {
      return this.throw(error)
    }
    if (message !== undefined) return Promise.resolve({done: false, value: message})
    return this.wait().then(
      value => ({done: false, value}),
      error => {
        if (this.closed() && (error as {code?: string}).code === "EAGAIN") return this.return()
        return this.throw(error)
      },
    )
  }

  return(): Promise<IteratorResult<Message[], undefined>> {
    this.finished = true
    return Promise.resolve({done: true, value: undefined})
  }

  throw(error: unknown): Promise<IteratorResult<Message[], undefined>> {
    this.finished = true
    return Promise.reject(error)
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.finished = true
  }
}

function settle(pending: Pending, value: unknown, error?: unknown): void {
  if (pending.settled) return
  pending.settled = true
  if (pending.timer !== undefined) clearTimeout(pending.timer)
  if (pending.onAbort !== undefined) pending.signal!.removeEventListener("abort", pending.onAbort)
  if (error !== undefined) pending.reject(error)
  else pending.resolve(value)
}

// The slow path for frames the native layer does not take directly: numbers become text,
// SharedArrayBuffers get a view. Undefined when the message holds something unsendable.
function normalizeFrame(frame: unknown): unknown {
  if (typeof frame === "number") return String(frame)
  if (typeof SharedArrayBuffer !== "undefined" && frame instanceof SharedArrayBuffer)
    return new Uint8Array(frame)
  if (
    frame === null ||
    typeof frame === "string" ||
    ArrayBuffer.isView(frame) ||
    frame instanceof ArrayBuffer
  )
    return frame
  return undefined
}

function normalizeMessage(message: unknown): unknown {
  if (!Array.isArray(message)) return normalizeFrame(message)
  if (message.length === 0) return undefined
  const frames = message.map(normalizeFrame)
  return frames.includes(undefined) ? undefined : frames
}

function frameTypeError(message: unknown, name = "message"): TypeError {
  const expected = "a string, number, null, Buffer, TypedArray, DataView, ArrayBuffer or SharedArrayBuffer"
  if (Array.isArray(message)) {
    if (message.length === 0) return new TypeError(`The "${name}" argument must not be an empty array`)
    const index = message.findIndex(frame => normalizeFrame(frame) === undefined)
    return typeError(`${name}[${index}]`, expected, message[index])
  }
  return typeError(name, expected, message)
}
