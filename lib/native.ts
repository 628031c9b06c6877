// The only module that loads the compiled addon; everything else imports its types from here.
import * as path from "node:path"
import {isMainThread} from "node:worker_threads"
import {lendable} from "./lending"
import {loadFailureError, noBinaryError} from "./load-error"

const nodeGypBuild: {path(dir: string): string} = require("node-gyp-build")

export interface NativeContext {
  getOption(option: number): number
  setOption(option: number, value: number): void
  terminate(): Promise<void>
  /** zmq_ctx_term on a detached thread: for a context whose sockets closed without lingering. */
  terminateInBackground(): void
}

/** Native send results: a message was queued, the socket would block, or a frame's type is unsupported. */
export const enum SendResult {
  Unsupported = -1,
  WouldBlock = 0,
  Sent = 1,
}

export interface NativeSocket {
  readonly closed: boolean
  /** [closed (0/1), ZMQ_RCVTIMEO, ZMQ_SNDTIMEO], kept current by the native side. */
  readonly state: Int32Array
  close(): void
  bind(address: string): void
  unbind(address: string): void
  /** bind and unbind on the thread pool (native/endpoint_work.h): the socket is theirs meanwhile. */
  bindAsync(address: string): Promise<void>
  unbindAsync(address: string): Promise<void>
  connect(address: string): void
  /** ZMQ_PEER: connects and returns the new peer's routing id. */
  connectPeer(address: string): number
  disconnect(address: string): void
  getInt32(option: number): number
  setInt32(option: number, value: number): void
  getInt64(option: number): number
  setInt64(option: number, value: number): void
  getUint64(option: number): number
  setUint64(option: number, value: number): void
  getBytes(option: number, size?: number): Buffer
  setBytes(option: number, value: string | Buffer | null): void
  join(group: string | Buffer): void
  leave(group: string | Buffer): void
  events(): number
  send(message: unknown): SendResult
  /** Queues messages (passed as arguments) in order: how many were taken, or -1 - index of an unsupported one. */
  sendMany(...messages: unknown[]): number
  sendRouted(frame: unknown, routingId: number, group: string | Buffer | undefined): SendResult
  /**
   * One message: its frame alone when it has one, or that frame's length when it was copied into
   * the scratch buffer (lib/core/frames.ts framesOf); undefined when none is ready.
   */
  receive(): Buffer | Buffer[] | number | undefined
  /** As receive(), but a one-frame message that fits `target` is copied there, whatever its size. */
  receiveInto(target: ArrayBufferView): Buffer | Buffer[] | number | undefined
  /** Up to max ready messages in one slab Buffer (native/message.h FramesToSlab); large frames go into `large`. */
  receiveBatch(max: number, large: Buffer[]): Buffer | undefined
  receiveRouted(): [Buffer, number, string | undefined] | undefined
  /** Whether a receive would find a message within `microseconds`, polling without blocking. */
  spin(microseconds: number): boolean
  /** want: 1, a plain receive waits (onReady gets the message); 2, anything else. */
  watch(want?: number, batch?: number): void
  unwatch(): void
  idle(): void
}

export interface NativeObserver {
  readonly closed: boolean
  /** Ends monitoring; events already sent (and the final "end") stay readable. */
  stop(): void
  close(): void
  /** [event id, value, endpoint]; [] for a malformed event; undefined when none is ready. */
  receive(): [number, number, string] | [] | undefined
  /** keepAlive: whether watching keeps the process running. */
  watch(keepAlive: boolean): void
  unwatch(): void
}

export interface NativeProxy {
  readonly running: boolean
  /**
   * Starts the proxy, or throws why it cannot. settle(): once the run has ended, with its error
   * if it failed. stopWaitMs: how long stopping may wait for the proxy's thread (lib/proxy.ts
   * bounds its sends).
   */
  run(stopWaitMs: number, settle: (error?: Error) => void): void
  /** Stops at once (a socket is closing); run() rejects with EBADF. */
  halt(): void
  /** Sends PAUSE; returns at once. */
  pause(): void
  resume(): void
  terminate(): void
}

export interface Binding {
  /** Every errno name the addon knows, with libzmq's number for it on this platform (native/errors.cc). */
  errnos: Readonly<Record<string, number>>
  /** The Error a libzmq failure with this error number becomes: code, errno, message (native/errors.cc). */
  libzmqError(errno: number): Error & {code: string; errno: number}
  version(): string
  /** The largest frame the addon copies rather than lends (native/message.h kZeroCopyThreshold - 1). */
  largestCopiedFrame: number
  has(capability: string): boolean
  curveKeyPair(): {publicKey: string; secretKey: string}
  /** Which large frames libzmq may borrow: lib/lending.ts. */
  lendWith(lendable: (buffer: ArrayBufferLike) => boolean): void
  /**
   * The environment teardown (open sockets closed, contexts terminated), once: bounded, or
   * after a natural end (`natural`) until what sockets queue is delivered.
   */
  exitTeardown(natural: boolean): void
  /** Z85 secret key in, Z85 public key out (lib/auth/keys.ts validates). */
  curvePublic(secretKey: string): string
  z85Encode(bytes: Buffer): string
  /** null when libzmq rejects the text. */
  z85Decode(text: string): Buffer | null
  /** One whole message and the values of the named properties (null: absent); undefined when none is ready. */
  receiveWithProperties(
    socket: NativeSocket,
    names: readonly string[],
  ): [Buffer[], (string | null)[]] | undefined
  context: NativeContext
  Context: new () => NativeContext
  Socket: new (
    context: NativeContext,
    type: number,
    onReady: (delivered?: unknown) => number | void,
    large?: Buffer[],
    scratch?: Buffer,
  ) => NativeSocket
  Observer: new (context: NativeContext, socket: NativeSocket, onReady: () => void) => NativeObserver
  Proxy: new (
    context: NativeContext,
    frontEnd: NativeSocket,
    backEnd: NativeSocket,
    capture: NativeSocket | null,
  ) => NativeProxy
}

// Finding the binary and loading it fail differently; each gets its own message (lib/load-error.ts).
function loadBinding(): Binding {
  const root = path.join(__dirname, "..")
  let file: string
  try {
    file = nodeGypBuild.path(root)
  } catch (error) {
    throw noBinaryError(root, error)
  }
  try {
    return require(file) as Binding
  } catch (error) {
    throw loadFailureError(root, file, error)
  }
}

export const binding = loadBinding()

binding.lendWith(lendable)

// Exit teardown, one hook block. process.exit() skips the environment teardown, where closed
// sockets linger: it still emits "exit", so the teardown runs from there (and only once;
// worker termination falls back to the environment's cleanup). A main thread that ends
// naturally (its event loop ran dry, so no operation of ours waits: "beforeExit" came first)
// gets the messages send() resolved delivered, as each socket's linger says, as zeromq v6
// does; process.exit() and worker termination stay bounded.
let natural = false
if (isMainThread) {
  process.on("beforeExit", () => {
    natural = true
    // A "beforeExit" listener may start more work: the end is natural only if the loop stays dry.
    setImmediate(() => (natural = false)).unref()
  })
}
process.once("exit", () => binding.exitTeardown(natural))
