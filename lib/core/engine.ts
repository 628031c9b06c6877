// The send and receive engine of one socket: ordered, non-blocking operations with promises.
// Many sends and receives may be pending at once; each side is served in order as libzmq
// becomes ready (the native poll calls onReady), with per-call timeouts and AbortSignals. The
// socket type's codec (lib/core/codecs.ts) does the one native attempt; everything around it —
// queues, the read-ahead inbox, readiness — is the same for every type.
import {SendResult, type NativeSocket} from "../native"
import {errnoError, invalidTimeout, typeError, rangeError} from "../errors"
import {ZMQ_POLLIN, ZMQ_POLLOUT} from "../generated/zmq"
import type {Codec} from "./codecs"
import {Burst, loopTurned} from "./fairness"
import {decodeSlab, framesOf, missingMessage, sendable, type Message} from "./frames"
import {MessageIterator} from "./iterator"
import {arm, callerStack, settle, timeoutError, type OperationOptions, type Pending} from "./pending"
import {Queue} from "./queue"
import {metadataRequest, receiveWithMetadata, type MetadataRequest} from "../metadata"

// Most messages passed to one native sendMany call (as arguments, so bounded by the stack).
const sendChunk = 1024

interface PendingSend extends Pending {
  message: unknown
  options?: OperationOptions
  /** sendMany: the messages and how many are queued so far. */
  many?: unknown[]
  done?: number
}

interface PendingReceive extends Pending {
  /** Set for all but a plain receive(): one of the three below says what it waits for. */
  variant?: true
  /** receiveMany: most messages to hand over at once. */
  many?: number
  /** receive({metadata}): the properties to read. */
  metadata?: MetadataRequest
  /** receiveInto(target): where a one-frame message that fits goes. */
  into?: ArrayBufferView
}

// watch(want): what waits. Deliver: a plain receive, which the native poll callback completes
// by itself (it passes the message to onReady); Notify: anything else, onReady at every wake-up.
const Deliver = 1
const Notify = 2
// native.state, by index (native/socket.cc StateIndex).
const Closed = 0
const ReceiveTimeout = 1
const SendTimeout = 2

function closedError(): Error {
  return errnoError("EBADF", "Socket is closed")
}

export class Engine {
  // The native socket holds this weakly (strongly only while watching): it must live as long
  // as the engine does.
  // `delivered`: what the native side received for a waiting receive (watch(Deliver)): a
  // message's frames, or a slab of messages when batch > 1. Answers with what still waits.
  private readonly onReady = (delivered?: unknown): number => {
    loopTurned()
    if (delivered !== undefined) {
      if (this.batch === 1) this.inbox.push(framesOf(delivered as Buffer | Buffer[] | number))
      else for (const message of decodeSlab(delivered as Buffer, this.largeFrames)) this.inbox.push(message)
    }
    this.inCallback = true
    try {
      this.flush()
    } finally {
      this.inCallback = false
    }
    if (this.readinessListeners.size !== 0) this.notifyReadiness()
    return this.closed ? 0 : this.want()
  }
  // In onReady: it answers with what waits, instead of flush() calling idle().
  private inCallback = false
  private readonly state: Int32Array
  // Pollers waiting on this socket (lib/poller.ts): told after every wake-up of the native
  // poll, and once when the socket closes. While there are any the poll stays armed (watch,
  // not idle).
  private readonly readinessListeners = new Set<() => void>()
  /** The native socket; its methods throw EBADF once it is closed. */
  readonly native: NativeSocket
  // This socket's run of operations that completed at once (lib/core/fairness.ts).
  private readonly burst = new Burst()
  private readonly receivers = new Queue<PendingReceive>()
  private readonly senders = new Queue<PendingSend>()
  // Messages already taken from libzmq by a batch receive, handed out before anything else.
  private readonly inbox = new Queue<unknown>()
  // Where native receiveBatch puts zero-copy frames; reused, emptied as they are taken.
  private readonly largeFrames: Buffer[] = []
  private flushing = false
  // A flush is scheduled by retryLater().
  private retrying = false

  /**
   * open: makes the native socket, given the function it calls when the socket may be ready;
   * batch: messages receive() takes per native call (lib/socket-types.ts); owner: the public
   * socket, kept alive through this while operations wait (the native socket then holds
   * onReady strongly), so a socket with a pending receive is never collected. busyPoll: µs a
   * receive that finds nothing spins before it waits (SocketOptions.busyPoll; 0: never).
   */
  constructor(
    open: (onReady: (delivered?: unknown) => number, large: Buffer[]) => NativeSocket,
    private readonly codec: Codec,
    private readonly batch: number,
    private readonly owner: object,
    private readonly metadataReady = false,
    private readonly busyPoll = 0,
  ) {
    this.native = open(this.onReady, this.largeFrames)
    this.state = this.native.state
  }

  get closed(): boolean {
    return this.state[Closed] !== 0
  }

  // What waits, for native watch(): see Deliver and Notify.
  private want(): number {
    let want = this.senders.length !== 0 || this.readinessListeners.size !== 0 ? Notify : 0
    const head = this.receivers.peek()
    if (head !== undefined) {
      want |= head.variant === undefined && this.codec.receive === undefined ? Deliver : Notify
    }
    return want
  }

  /** Whether a receive would complete now. */
  get readable(): boolean {
    if (this.inbox.length !== 0) return true
    return !this.closed && (this.readiness() & ZMQ_POLLIN) !== 0
  }

  /** Whether a send would complete now. */
  get writable(): boolean {
    return !this.closed && (this.readiness() & ZMQ_POLLOUT) !== 0
  }

  // ZMQ_EVENTS, for a caller outside the flush. Reading it consumes ZMQ_FD's edge, so the poll
  // will not report this change: operations waiting for it are served now, or would stall.
  private readiness(): number {
    const events = this.native.events()
    if (
      (events & ZMQ_POLLIN && this.receivers.length !== 0) ||
      (events & ZMQ_POLLOUT && this.senders.length !== 0)
    ) {
      this.flush()
    }
    return events
  }

  /**
   * The socket bound or connected. An inproc bind or connect attaches its pipes at once, on
   * this thread, and nothing signals ZMQ_FD for them: operations already waiting (and Pollers)
   * look at libzmq again, which also arms the pipes to signal what comes later.
   */
  attached(): void {
    if (this.receivers.length !== 0 || this.senders.length !== 0) this.flush()
    if (this.readinessListeners.size !== 0) this.notifyReadiness()
  }

  /** The socket closed: pending operations reject with EAGAIN (as in zeromq v6). */
  close(): void {
    this.inbox.drain()
    for (const pending of this.receivers.drain()) settle(pending, undefined, timeoutError())
    for (const pending of this.senders.drain()) settle(pending, undefined, timeoutError())
    if (this.readinessListeners.size !== 0) this.notifyReadiness()
  }

  /**
   * Calls `listener` whenever the socket's readiness may have changed (each wake-up of the
   * native poll, and its close) until the returned function is called; the poll stays armed
   * meanwhile, holding the process as a pending operation does. For the Poller.
   */
  watchReadiness(listener: () => void): () => void {
    if (this.closed) throw closedError()
    this.readinessListeners.add(listener)
    this.native.watch(this.want(), this.batch)
    return () => {
      if (!this.readinessListeners.delete(listener)) return
      if (this.readinessListeners.size === 0 && this.receivers.length === 0 && this.senders.length === 0) {
        if (!this.closed) this.native.idle()
      }
    }
  }

  private notifyReadiness(): void {
    for (const listener of [...this.readinessListeners]) listener()
  }

  // Nothing waits on the socket: the poll stays armed, holding nothing, unless a Poller waits.
  private idle(): void {
    if (this.readinessListeners.size === 0) this.native.idle()
  }

  // ---- sending ----

  /**
   * Queues a message; resolves once libzmq has accepted it. Throws at once, as zeromq v6 does,
   * for a missing message, a frame that cannot be converted to text, and a closed socket;
   * libzmq's refusals (EFSM, EHOSTUNREACH…) and a timeout reject.
   */
  send(message: unknown, options?: OperationOptions): Promise<void> {
    if (message === undefined) throw missingMessage()
    this.codec.check?.(options)
    // Without a signal or timeout a send that libzmq takes at once needs no queue entry (draft
    // sockets' routing options still go to the codec).
    if (
      this.senders.length === 0 &&
      (options === undefined || (options.signal === undefined && options.timeout === undefined))
    ) {
      let result: SendResult
      try {
        result = this.codec.send(this.native, message, options)
      } catch (error) {
        // EBADF: the native socket is closed.
        if (this.closed) throw error
        return this.burst.failed(error)
      }
      if (result === SendResult.Sent) {
        this.sentNow()
        return this.burst.completed(undefined)
      }
      // A frame the native layer does not take: again as text (which may throw).
      if (result === SendResult.Unsupported) return this.send(sendable(message), options)
    }
    if (this.closed) throw closedError()
    return this.enqueueSend({message: sendable(message), options} as PendingSend, options)
  }

  /**
   * Hands a message to libzmq now, if no earlier send waits and libzmq can take it: true when
   * it did, false when nothing was done. Throws what send() would reject with. zmq-native/v5-compat
   * uses it for zeromq v5's synchronous send().
   */
  sendNow(message: unknown, options?: OperationOptions): boolean {
    if (this.senders.length !== 0 || !this.trySend(message, options)) return false
    this.sentNow()
    return true
  }

  // A send went at once: it may have taken the change a waiting receive needs (ZMQ_FD is
  // edge-triggered).
  private sentNow(): void {
    if (this.receivers.length !== 0) this.flush()
  }

  /** Sends many messages in order with as few native calls as possible. */
  sendMany(messages: unknown[], options?: OperationOptions): Promise<void> {
    if (!Array.isArray(messages)) return Promise.reject(typeError("messages", "an array", messages))
    const pending = {many: messages, done: 0, options} as PendingSend
    if (this.senders.length === 0) {
      try {
        if (this.trySendMany(pending)) return this.burst.completed(undefined)
      } catch (error) {
        if (this.closed) throw error
        return this.burst.failed(error)
      }
    }
    return this.enqueueSend(pending, options)
  }

  // One attempt to queue a message: true when queued, false when the socket would block. A
  // frame of a type the native layer does not take goes once more as text; `name` is the
  // argument a TypeError names.
  private trySend(message: unknown, options: OperationOptions | undefined, name = "message"): boolean {
    let result = this.codec.send(this.native, message, options)
    if (result === SendResult.Unsupported)
      result = this.codec.send(this.native, sendable(message, name), options)
    return result === SendResult.Sent
  }

  // Queues what it can; true once every message of the batch is in libzmq. With plain frames
  // the native call takes the messages as arguments, a chunk at a time.
  private trySendMany(pending: PendingSend): boolean {
    const messages = pending.many!
    if (!this.codec.sendsMany) {
      while (pending.done! < messages.length) {
        const index = pending.done!
        if (!this.trySend(messages[index], pending.options, `messages[${index}]`)) return false
        pending.done = index + 1
      }
      return true
    }
    const native = this.native
    while (pending.done! < messages.length) {
      const done = pending.done!
      const chunk =
        done === 0 && messages.length <= sendChunk ? messages : messages.slice(done, done + sendChunk)
      const sent = Reflect.apply(native.sendMany, native, chunk) as number
      if (sent < 0) {
        // The messages before it are queued: count them before anything can stop here.
        const index = done - 1 - sent
        pending.done = index
        if (native.send(sendable(messages[index], `messages[${index}]`)) === SendResult.WouldBlock)
          return false
        pending.done = index + 1
        continue
      }
      pending.done = done + sent
      if (sent < chunk.length) return false
    }
    return true
  }

  private enqueueSend(pending: PendingSend, options: OperationOptions | undefined): Promise<void> {
    if (this.closed) throw closedError()
    const queued = new Promise<void>((resolve, reject) => {
      pending.resolve = resolve as (value: unknown) => void
      pending.reject = reject
      if (!this.arm(pending, options, SendTimeout, this.senders)) return
      this.senders.push(pending)
      this.native.watch(this.want(), this.batch)
      // A message may be sendable right away (e.g. only the first of several waited).
      if (this.senders.length === 1) this.flush()
    })
    // The signal arm() read: options' getters run once, in the promise (they may throw).
    return callerStack(queued, pending.signal)
  }

  // ---- receiving ----

  /** Receives one message; with `options.metadata`, its metadata too (lib/metadata.ts). */
  receive(options?: OperationOptions): Promise<unknown> {
    if (options !== undefined && (options as {metadata?: unknown}).metadata !== undefined) {
      return this.receiveWithMetadata(options as OperationOptions & {metadata: unknown})
    }
    if (options === undefined || this.inbox.length !== 0) {
      let message: unknown
      try {
        message = this.receiveNow()
      } catch (error) {
        // EBADF: the native socket is closed; thrown at once, as zeromq v6 does.
        if (this.closed) throw error
        return this.burst.failed(error)
      }
      if (message !== undefined) return this.burst.completed(message)
    }
    return this.enqueueReceive({} as PendingReceive, options, options === undefined)
  }

  // One message with its metadata (a socket made with `receiveMetadata: true`), always queued.
  private receiveWithMetadata(options: OperationOptions & {metadata: unknown}): Promise<unknown> {
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
    return this.enqueueReceive({variant: true, metadata} as PendingReceive, options, false)
  }

  // A message that is ready now, or undefined when none is (or earlier receives wait first).
  // With busyPoll, one that comes within that window: the thread spins rather than sleeps,
  // unless sends wait (spinning would hold them back).
  private receiveNow(): unknown {
    if (this.inbox.length !== 0) return this.inbox.shift()
    if (this.receivers.length !== 0) return undefined
    let message = this.tryReceive()
    if (message === undefined && this.busyPoll !== 0 && this.senders.length === 0) {
      if (this.native.spin(this.busyPoll)) message = this.tryReceive()
    }
    if (message !== undefined && this.senders.length !== 0) this.flush()
    return message
  }

  /**
   * Receives every message that is ready now (at least one, waiting for it if needed), at most
   * `max`, in one call: the fast way to drain a busy socket.
   */
  receiveMany(max = 1024, options?: OperationOptions): Promise<unknown[]> {
    if (typeof max !== "number") return Promise.reject(typeError("max", "a positive integer", max))
    if (!Number.isInteger(max) || max < 1) return Promise.reject(rangeError("max", "a positive integer", max))
    // "At most max": the native count is 32-bit, and no batch comes near it.
    max = Math.min(max, 2 ** 32 - 1)
    if (this.receivers.length === 0) {
      let messages: unknown[]
      try {
        messages = this.takeMany(max)
      } catch (error) {
        if (this.closed) throw error
        return this.burst.failed(error)
      }
      if (messages.length > 0) return this.burst.completed(messages)
    }
    return this.enqueueReceive({variant: true, many: max} as PendingReceive, options, false) as Promise<
      unknown[]
    >
  }

  /**
   * Receives one message into `target` when it is one frame that fits there (resolving with
   * its length), else as receive() gives it. For sockets without a codec's receive.
   */
  receiveInto(target: ArrayBufferView, options?: OperationOptions): Promise<unknown> {
    if (!ArrayBuffer.isView(target)) {
      return Promise.reject(typeError("buffer", "a Buffer, TypedArray or DataView", target))
    }
    // As receive(): with options, their signal and timeout are read before anything is taken.
    if ((options === undefined || this.inbox.length !== 0) && this.receivers.length === 0) {
      let received: unknown
      try {
        received = this.receiveIntoNow(target)
        if (received === undefined && this.busyPoll !== 0 && this.senders.length === 0) {
          if (this.native.spin(this.busyPoll)) received = this.receiveIntoNow(target)
        }
      } catch (error) {
        // EBADF: the native socket is closed; thrown at once, as receive() does.
        if (this.closed) throw error
        return this.burst.failed(error)
      }
      if (received !== undefined) {
        if (this.senders.length !== 0) this.flush()
        return this.burst.completed(received)
      }
    }
    return this.enqueueReceive(
      {variant: true, into: target} as PendingReceive,
      options,
      options === undefined,
    )
  }

  // One message for receiveInto, or undefined when none is ready.
  private receiveIntoNow(target: ArrayBufferView): unknown {
    if (this.inbox.length !== 0) return copiedInto(this.inbox.shift() as Buffer[], target)
    const received = this.native.receiveInto(target)
    return received === undefined || typeof received === "number" ? received : framesOf(received)
  }

  /** Async iteration: one message per step, until the socket closes. */
  iterate(): MessageIterator<unknown> {
    const iterator: MessageIterator<unknown> = new MessageIterator(
      () => this.receiveNow(),
      () => this.enqueueReceive({} as PendingReceive, undefined, true),
      () => this.closed,
      this.burst,
    )
    return iterator
  }

  // One attempt to take a message: the codec's own, or the next of a batch of frames.
  private tryReceive(): unknown {
    if (this.codec.receive !== undefined) return this.codec.receive(this.native)
    if (this.batch === 1) {
      const received = this.native.receive()
      return received === undefined ? undefined : framesOf(received)
    }
    const messages = this.receiveBatch(this.batch)
    if (messages.length === 0) return undefined
    if (messages.length > 1) this.inbox.refill(messages, 1)
    return messages[0]
  }

  private takeMany(max: number): unknown[] {
    if (this.inbox.length !== 0) return this.inbox.shiftMany(max)
    if (this.codec.receive === undefined) return this.receiveBatch(max)
    const messages: unknown[] = []
    while (messages.length < max) {
      const message = this.codec.receive(this.native)
      if (message === undefined) break
      messages.push(message)
    }
    return messages
  }

  // Up to max ready messages in one native call, their small frames views of one slab.
  private receiveBatch(max: number): Message[][] {
    const slab = this.native.receiveBatch(max, this.largeFrames)
    return slab === undefined ? [] : decodeSlab(slab, this.largeFrames)
  }

  // `tried`: the caller found nothing ready an instant ago (receiveNow). libzmq processed its
  // commands then, so the armed poll will report the next change: trying again at once would
  // only repeat a failed receive and a ZMQ_EVENTS read. Unless sends wait too: that receive may
  // have taken a change they were waiting for.
  private enqueueReceive(
    pending: PendingReceive,
    options: OperationOptions | undefined,
    tried: boolean,
  ): Promise<unknown> {
    if (this.closed) throw closedError()
    const queued = new Promise((resolve, reject) => {
      pending.resolve = resolve
      pending.reject = reject
      if (!this.arm(pending, options, ReceiveTimeout, this.receivers)) return
      this.receivers.push(pending)
      this.native.watch(this.want(), this.batch)
      if (this.receivers.length === 1 && !(tried && this.senders.length === 0)) this.flush()
    })
    // The signal arm() read: options' getters run once, in the promise (they may throw).
    return callerStack(queued, pending.signal)
  }

  // ---- readiness ----

  // Sets up the timeout (the call's, else the socket's option) and abort signal of a pending
  // operation; false if it settled already.
  private arm(
    pending: Pending,
    options: OperationOptions | undefined,
    timeoutIndex: number,
    queue: Queue<Pending>,
  ): boolean {
    let timeout = options?.timeout
    const invalid = invalidTimeout("options.timeout", timeout, -1)
    if (invalid !== undefined) {
      pending.reject(invalid)
      return false
    }
    const signal = options?.signal
    if (timeout === undefined && !signal?.aborted) timeout = this.state[timeoutIndex]
    return arm(pending, timeout ?? -1, signal, timeoutError, () => this.settleIdle(queue))
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
          // The poll stays armed, holding nothing: the next wait needs no epoll_ctl. onReady
          // tells the native side itself.
          if (!this.inCallback) this.idle()
          return
        }
        if (this.closed) return
        const events = this.native.events()
        if (!((receiving && events & ZMQ_POLLIN) || (sending && events & ZMQ_POLLOUT))) return
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
      if (!this.closed) this.native.unwatch()
    } finally {
      this.flushing = false
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
        value = pending.variant
          ? this.receiveVariant(pending)
          : this.inbox.length !== 0
            ? this.inbox.shift()
            : this.tryReceive()
        if (value === undefined) return
      } catch (error) {
        // A libzmq error (e.g. EFSM) is this receive's; the next one may still be served.
        this.receivers.shift()
        settle(pending, undefined, error)
        continue
      }
      this.receivers.shift()
      settle(pending, this.burst.afterTurn(value))
    }
  }

  // What receiveMany, receive({metadata}) or receiveInto wait for, if it is ready now. Apart from
  // serveReceivers so that the plain receive's loop stays short: 215 bytes of bytecode, where it
  // was 281 with only receiveMany's and metadata's branches inline.
  private receiveVariant(pending: PendingReceive): unknown {
    if (pending.many !== undefined) {
      const messages = this.takeMany(pending.many)
      return messages.length === 0 ? undefined : messages
    }
    if (pending.into !== undefined) return this.receiveIntoNow(pending.into)
    return receiveWithMetadata(this.native, pending.metadata!)
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
        const sent =
          pending.many !== undefined
            ? this.trySendMany(pending)
            : this.trySend(pending.message, pending.options)
        if (!sent) return
      } catch (error) {
        // A libzmq error (e.g. EFSM, EHOSTUNREACH) or a bad frame is this send's; the next one
        // may still go.
        this.senders.shift()
        settle(pending, undefined, error)
        continue
      }
      this.senders.shift()
      settle(pending, this.burst.afterTurn(undefined))
    }
  }
}

// A message read ahead, as receiveInto gives it: copied into target when it is one frame that
// fits there (its length), else its frames.
function copiedInto(message: Buffer[], target: ArrayBufferView): number | Buffer[] {
  if (message.length !== 1 || message[0].length > target.byteLength) return message
  // An empty frame copies nothing (a view on a detached target would throw).
  if (message[0].length > 0)
    new Uint8Array(target.buffer, target.byteOffset, target.byteLength).set(message[0])
  return message[0].length
}
