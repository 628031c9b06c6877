// Contexts: the shared default one, and explicit ones that close({ timeout }) terminates.
import {binding, type NativeContext} from "./native"
import {ContextBase} from "./generated/options"
import {closeWithin, native} from "./core/handles"
import {applyOptions, checkOptions} from "./core/option-values"
import {invalidTimeout} from "./errors"
import type {WritableContextOptions} from "./options"

/** What a context needs from the sockets it must close when it is closed. */
interface ClosableSocket {
  readonly closed: boolean
  /** Closes the socket, lingering at most maxLinger ms when given. */
  [closeWithin](maxLinger?: number): void
}

// Every Context this package made: the brand isContext() checks.
const contexts = new WeakSet<object>()

/**
 * @internal whether `value` is a Context of this package: not a look-alike, not another
 * package's (a zeromq Context), not an object made from Context.prototype without constructing.
 */
export function isContext(value: unknown): value is Context {
  return typeof value === "object" && value !== null && contexts.has(value)
}

// Each context's open sockets, weakly: an unreachable socket is collected (and closed) as usual.
const openSockets = new WeakMap<Context, Set<WeakRef<ClosableSocket>>>()

/** Context.close() options. */
export interface ContextCloseOptions {
  /** Longest time (ms) sockets may linger to deliver queued messages; default: their own linger. */
  timeout?: number
}

/**
 * A libzmq context: the I/O threads and the inproc namespace its sockets share. Sockets use the
 * shared default `context` unless given one.
 *
 * @example
 * ```ts
 * import {Context, Pull} from "zmq-native"
 * const context = new Context({ioThreads: 2})
 * const pull = new Pull({context})
 * await pull.bind("inproc://jobs") // visible to this context's sockets only
 * await context.close({timeout: 1000}) // closes pull too
 * ```
 */
export class Context extends ContextBase {
  /** @internal */
  readonly [native]: NativeContext

  /** A new context with these options (ioThreads, maxSockets, ...). */
  constructor(options?: Partial<WritableContextOptions>)
  /** @internal wraps an existing native context (the shared default one) */
  constructor(options: Partial<WritableContextOptions> | undefined, handle: NativeContext)
  constructor(options?: Partial<WritableContextOptions>, handle?: NativeContext) {
    super()
    checkOptions(options)
    this[native] = handle ?? new binding.Context()
    contexts.add(this)
    openSockets.set(this, new Set())
    // As zeromq v6's, and as sockets are: a misspelt option set as a property throws.
    Object.seal(this)
    try {
      applyOptions(this, "Context", options, [])
    } catch (error) {
      // Nobody will close it: terminate it now rather than when it is collected.
      if (handle === undefined) void this[native].terminate()
      throw error
    }
  }

  /**
   * Closes every socket of this context (lingering at most `timeout` ms to deliver queued
   * messages) and terminates it. The shared default context cannot be terminated: its
   * sockets are closed and the promise resolves.
   *
   * @throws Rejects with a TypeError or RangeError naming `options.timeout` when it is not an
   * integer from 0 to 2^31-1.
   */
  async close(options: ContextCloseOptions = {}): Promise<void> {
    const {timeout} = options
    const invalid = invalidTimeout("options.timeout", timeout, 0)
    if (invalid !== undefined) throw invalid
    const sockets = openSockets.get(this)!
    for (const ref of sockets) {
      const socket = ref.deref()
      if (socket && !socket.closed) socket[closeWithin](timeout)
    }
    sockets.clear()
    await this[native].terminate()
  }
}

/** @internal a socket made in `context`: closed by its close() */
export function trackSocket(context: Context, socket: ClosableSocket): WeakRef<ClosableSocket> {
  const ref = new WeakRef(socket)
  openSockets.get(context)!.add(ref)
  return ref
}

/** @internal the socket closed */
export function untrackSocket(context: Context, ref: WeakRef<ClosableSocket>): void {
  openSockets.get(context)!.delete(ref)
}

/** The default context, shared by every thread of the process so inproc works across workers. */
export const context = new Context(undefined, binding.context)
