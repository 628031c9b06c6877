// Proxy: libzmq's steerable proxy between a front-end and a back-end socket (plus an optional
// capture socket), on a thread of its own, steered with pause(), resume() and terminate().
import {binding, type NativeProxy} from "./native"
import {typeError} from "./errors"
import {Socket} from "./socket"
import {native, proxied} from "./core/handles"

/**
 * Forwards messages between two sockets in both directions (e.g. Router ↔ Dealer, Pull → Push,
 * XSubscriber ↔ XPublisher), and copies everything to `capture` when given.
 *
 * While it runs, the proxy's own thread owns the sockets: every other use of them from JS
 * (send, receive, options, bind, events) fails with EBUSY. Closing one of them stops the proxy
 * first; run() then rejects with EBADF.
 *
 * libzmq's proxy sends with blocking calls (to `capture`, and to the far side when a burst meets
 * the high-water mark) and reads its commands only in between. So that nothing waits for ever,
 * a socket whose sendTimeout is -1 runs with 1000 ms while the proxy runs (-1 again afterwards;
 * a value set before run() is kept), and a send that times out ends the proxy with EAGAIN —
 * e.g. a Push capture that nobody pulls from. A Publisher capture drops instead.
 *
 * @example
 * ```ts
 * import {Dealer, Proxy, Router} from "zmq-native"
 * const frontEnd = new Router()
 * await frontEnd.bind("tcp://127.0.0.1:*") // clients connect here
 * const backEnd = new Dealer()
 * await backEnd.bind("tcp://127.0.0.1:*") // workers connect here
 * const proxy = new Proxy(frontEnd, backEnd)
 * const done = proxy.run()
 * // ... later
 * proxy.terminate()
 * await done
 * ```
 */
export class Proxy<F extends Socket = Socket, B extends Socket = Socket> {
  /** The socket messages come in on (conceptually: from clients). */
  readonly frontEnd: F
  /** The socket messages go out on (conceptually: to workers). */
  readonly backEnd: B
  /** Receives a copy of every message the proxy forwards, when given. */
  readonly capture?: Socket
  private readonly native: NativeProxy

  constructor(frontEnd: F, backEnd: B, capture?: Socket) {
    if (!(frontEnd instanceof Socket)) throw typeError("frontEnd", "a Socket", frontEnd)
    if (!(backEnd instanceof Socket)) throw typeError("backEnd", "a Socket", backEnd)
    if (capture !== undefined && !(capture instanceof Socket)) throw typeError("capture", "a Socket", capture)
    this.frontEnd = frontEnd
    this.backEnd = backEnd
    if (capture !== undefined) this.capture = capture
    this.native = new binding.Proxy(
      frontEnd.context[native],
      frontEnd[native],
      backEnd[native],
      capture?.[native] ?? null,
    )
  }

  /** Whether run() is in progress. */
  get running(): boolean {
    return this.native.running
  }

  /**
   * Starts forwarding on a new thread. Resolves once terminate() has stopped the proxy; rejects
   * with EBADF when one of its sockets was closed under it, EBUSY when it (or one of its
   * sockets) is already proxying, EAGAIN when one of its sends timed out, or with libzmq's error.
   *
   * @throws Rejects with an Error whose `code` is `EBADF` (a socket closed under it), `EBUSY`
   * (already proxying), `EAGAIN` (a send timed out) or libzmq's own.
   */
  async run(): Promise<void> {
    const done = this.native.run()
    if (!this.native.running) return done
    const sockets = [this.frontEnd, this.backEnd, this.capture]
    for (const socket of sockets) if (socket !== undefined) socket[proxied] = this.native
    try {
      await done
    } finally {
      for (const socket of sockets) if (socket?.[proxied] === this.native) socket[proxied] = undefined
    }
  }

  /**
   * Stops forwarding: messages wait in the sockets' queues. In effect when this returns; throws
   * the proxy's error (e.g. EAGAIN) when it ended before acknowledging.
   *
   * @throws Error with the proxy's `code` (e.g. `EAGAIN`) when it ended before acknowledging,
   * `EBADF` when it is not running.
   */
  pause(): void {
    this.native.pause()
  }

  /**
   * Forwards again, starting with what queued up while paused.
   *
   * @throws Error with code `EBADF` when the proxy is not running.
   */
  resume(): void {
    this.native.resume()
  }

  /**
   * Ends the proxy; run() resolves shortly after.
   *
   * @throws Error with code `EBADF` when the proxy is not running.
   */
  terminate(): void {
    this.native.terminate()
  }
}
