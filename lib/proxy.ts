// Proxy: libzmq's steerable proxy between a front-end and a back-end socket (plus an optional
// capture socket), on a thread of its own, steered with pause(), resume() and terminate().
import {binding, type NativeProxy, type NativeSocket} from "./native"
import {errnoError, v6Words, type ErrnoError} from "./errors"
import * as zmq from "./generated/zmq"
import {checkObject, checkSocket, type Socket} from "./socket"
import {socketTypes} from "./socket-types"
import {native, proxied} from "./core/handles"

// libzmq's proxy sends with blocking calls (to the capture socket, and to the other side in a
// burst that outgrows the high-water mark), and reads its control socket only between them: a
// send that never completes would leave terminate(), close() and teardown waiting for ever. So
// while a proxy runs, a socket whose sendTimeout is -1 gets this one instead, and such a send
// fails after it — ending the proxy with EAGAIN — rather than blocking without end.
const runSendTimeout = 1000
// How much longer than the longest send timeout stopping waits for the proxy thread.
const stopGrace = 1000

// Thread-safe (draft) sockets are watched through a zmq_poller the JS thread uses, and carry
// single frames: libzmq's proxy is not for them. By libzmq's number for the type (ZMQ_TYPE).
const unproxyable = new Set<number>(
  Object.values(socketTypes)
    .filter(type => !type.proxyable)
    .map(type => zmq[type.zmq]),
)

// The sockets run() may touch: open, and not another proxy's (the addon reports those).
function usable(socket: Socket | undefined): socket is Socket {
  return socket !== undefined && !socket.closed && socket[proxied] === undefined
}

/**
 * Forwards messages between two sockets in both directions (e.g. Router ↔ Dealer, Pull → Push,
 * XSubscriber ↔ XPublisher), and copies everything to `capture` when given.
 *
 * While it runs, the proxy's own thread owns the sockets: every other use of them from JS
 * (send, receive, setting options, bind, events) fails with EBUSY; reading options works, as in
 * zeromq v6. Closing one of them stops the proxy first; run() then rejects with EBADF.
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

  /**
   * A proxy between `frontEnd` and `backEnd`, copying to `capture` when given; run() starts it.
   *
   * @throws TypeError "Front-end must be a socket object" (or "Back-end ...") for an argument
   * that is no object, an Error with code `EINVAL` ("Invalid argument") for an object that is
   * no Socket, as zeromq v6 checks them.
   */
  constructor(frontEnd: F, backEnd: B, capture?: Socket) {
    // zeromq v6 checks both are objects, then that each is a socket.
    checkObject(v6Words.frontEnd, frontEnd)
    checkObject(v6Words.backEnd, backEnd)
    checkSocket("frontEnd", frontEnd)
    checkSocket("backEnd", backEnd)
    if (capture !== undefined) checkSocket("capture", capture)
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
   * with EBADF when one of its sockets was closed under it, EAGAIN when one of its sends timed
   * out, or with libzmq's error. What keeps it from starting it throws at once, as zeromq v6's
   * run() does.
   *
   * @throws Error with `code` `EINVAL` when the front or back end is neither bound nor connected
   * (closed ones included: "Front-end socket must be bound or connected", as in v6), `EBUSY`
   * when it (or one of its sockets) is already proxying or a socket's bind() or unbind() is
   * pending ("Socket is blocked by a bind or unbind operation"), `ENOTSUP` for a thread-safe
   * draft socket. Rejects with an Error whose `code` is `EBADF` (a socket closed under it), `EAGAIN`
   * (a send timed out) or libzmq's own.
   */
  run(): Promise<void> {
    const sockets = [this.frontEnd, this.backEnd, this.capture]
    for (const socket of sockets) {
      if (usable(socket) && unproxyable.has(socket[native].getInt32(zmq.ZMQ_TYPE))) {
        throw errnoError("ENOTSUP", "Thread-safe (draft) sockets cannot be proxied")
      }
    }
    if (this.native.running) return started(this.native, 0)
    const bounded = boundSendTimeouts(sockets.filter(usable).map(socket => socket[native]))
    let done: Promise<void>
    try {
      done = started(this.native, bounded.longest + stopGrace)
    } catch (error) {
      bounded.restore()
      throw error
    }
    for (const socket of sockets) if (socket !== undefined) socket[proxied] = this.native
    return this.ended(done, sockets, bounded)
  }

  // The run's end: the sockets given back, their send timeouts restored.
  private async ended(
    done: Promise<void>,
    sockets: (Socket | undefined)[],
    bounded: {restore(): void},
  ): Promise<void> {
    try {
      await done
    } catch (error) {
      const failure = error as ErrnoError
      if (failure.code === "EAGAIN") {
        failure.message =
          "A send of the proxy timed out (sendTimeout): its capture socket, or the peers of the " +
          "socket it forwards to, did not take the message"
      }
      throw failure
    } finally {
      for (const socket of sockets) if (socket?.[proxied] === this.native) socket[proxied] = undefined
      bounded.restore()
    }
  }

  /**
   * Stops forwarding. Returns at once (as zeromq v6's does); the proxy's thread takes the command
   * before the next messages it reads, after the burst it may be forwarding (libzmq's proxy reads
   * up to 1000 ready messages per turn), and copies it to the capture socket when it does: from
   * then on messages wait in the sockets' queues until resume().
   *
   * @throws Error with `code` `EBADF` when the proxy is not running.
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

// Starts the native proxy, throwing what the addon threw if it could not start; the promise
// settles when its run ends. Made here, not in the addon: a promise the addon held still
// pending when its environment ends (worker termination, exit) could never be freed.
function started(proxy: NativeProxy, stopWaitMs: number): Promise<void> {
  let settle!: (error?: Error) => void
  const done = new Promise<void>((resolve, reject) => {
    settle = error => (error === undefined ? resolve() : reject(error))
  })
  proxy.run(stopWaitMs, settle)
  return done
}

// Gives every socket whose sendTimeout is -1 runSendTimeout for the run; restore() gives -1 back
// to those still open. `longest`: the longest send timeout of the run.
function boundSendTimeouts(sockets: NativeSocket[]): {longest: number; restore(): void} {
  const replaced: NativeSocket[] = []
  let longest = 0
  for (const socket of sockets) {
    let timeout = socket.getInt32(zmq.ZMQ_SNDTIMEO)
    if (timeout < 0) {
      timeout = runSendTimeout
      socket.setInt32(zmq.ZMQ_SNDTIMEO, timeout)
      replaced.push(socket)
    }
    longest = Math.max(longest, timeout)
  }
  return {
    longest,
    restore() {
      for (const socket of replaced.splice(0)) if (!socket.closed) socket.setInt32(zmq.ZMQ_SNDTIMEO, -1)
    },
  }
}
