// Contexts: the shared default one, and explicit ones that close({ timeout }) terminates.
import {binding, type NativeContext} from "./native"
import {
  applyOptions,
  defineContextOptions,
  type ContextOptionProperties,
  type WritableContextOptions,
} from "./options"
import {invalidTimeout} from "./errors"

/** What a context needs from the sockets it must close when terminated. */
export interface ClosableSocket {
  readonly closed: boolean
  /** Closes the socket, lingering at most maxLinger ms when given. */
  closeWithin(maxLinger?: number): void
}

export interface ContextCloseOptions {
  /** Longest time (ms) sockets may linger to deliver queued messages; default: their own linger. */
  timeout?: number
}

export interface Context extends ContextOptionProperties {}

// Every Context this package made: the brand isContext() checks.
const contexts = new WeakSet<object>()

/**
 * @internal whether `value` is a Context of this package: not a look-alike, not another
 * package's (a zeromq Context), not an object made from Context.prototype without constructing.
 */
export function isContext(value: unknown): value is Context {
  return typeof value === "object" && value !== null && contexts.has(value)
}

export class Context {
  /** @internal */
  readonly nativeContext: NativeContext
  private readonly sockets = new Set<WeakRef<ClosableSocket>>()

  constructor(options?: Partial<WritableContextOptions>)
  /** @internal wraps an existing native context (the shared default one) */
  constructor(options: Partial<WritableContextOptions> | undefined, native: NativeContext)
  constructor(options?: Partial<WritableContextOptions>, native?: NativeContext) {
    this.nativeContext = native ?? new binding.Context()
    contexts.add(this)
    applyOptions(this, options, [])
    // As zeromq v6's, and as sockets are: a misspelt option set as a property throws.
    Object.seal(this)
  }

  /** @internal */
  register(socket: ClosableSocket): WeakRef<ClosableSocket> {
    const ref = new WeakRef(socket)
    this.sockets.add(ref)
    return ref
  }

  /** @internal */
  unregister(ref: WeakRef<ClosableSocket>): void {
    this.sockets.delete(ref)
  }

  /**
   * Closes every socket of this context (lingering at most `timeout` ms to deliver queued
   * messages) and terminates it. The shared default context cannot be terminated: its
   * sockets are closed and the promise resolves.
   */
  async close(options: ContextCloseOptions = {}): Promise<void> {
    const {timeout} = options
    const invalid = invalidTimeout("options.timeout", timeout, 0)
    if (invalid !== undefined) throw invalid
    for (const ref of this.sockets) {
      const socket = ref.deref()
      if (socket && !socket.closed) socket.closeWithin(timeout)
    }
    this.sockets.clear()
    await this.nativeContext.terminate()
  }
}

defineContextOptions(Context.prototype)

/** The default context, shared by every thread of the process so inproc works across workers. */
export const context = new Context(undefined, binding.context)
