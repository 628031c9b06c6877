// Poller: wait until any of several sockets can be read or written, as pyzmq's zmq.Poller does.
// It adds no thread and no timer loop: a wait listens to the sockets' own native polls (the
// libuv watch on each ZMQ_FD) and reads ZMQ_EVENTS only when one of them wakes.
import {typeError, rangeError} from "./errors"
import {Socket} from "./socket"
import {engine} from "./core/handles"

/** What a poller waits for on a socket. */
export type PollInterest = "readable" | "writable" | "both"

/** A socket that is ready, and for what (only what it was added for is reported). */
export interface PollItem<S extends Socket = Socket> {
  /** The socket, as given to {@link Poller.add}. */
  socket: S
  /** A `receive()` would complete now. */
  readable: boolean
  /** A `send()` would complete now. */
  writable: boolean
}

/** Options of {@link Poller.wait}. */
export interface PollOptions {
  /** Milliseconds to wait at most, after which the wait resolves with `[]`; -1 (default): no limit. */
  timeout?: number
  /** Rejects the wait with an `AbortError` when signalled. */
  signal?: AbortSignal
}

function abortError(signal: AbortSignal): Error {
  if (signal.reason instanceof Error) return signal.reason
  const error = new Error("The operation was aborted") as Error & {code: string}
  error.name = "AbortError"
  error.code = "ABORT_ERR"
  return error
}

const interests: readonly PollInterest[] = ["readable", "writable", "both"]

/**
 * Waits until any of several sockets is readable or writable: pyzmq's `zmq.Poller`, as a
 * promise ({@link wait}) and as an async iterator of readiness (`for await`).
 *
 * Readiness is level-triggered, as in libzmq: a socket stays readable until its messages are
 * received, so receive (or send) what a wait reports before waiting again, or the next wait
 * resolves at once. A closed socket leaves the poller by itself.
 *
 * A wait costs nothing while it waits: it listens to each socket's native poll on the event
 * loop, without a thread or timer of its own. Most programs need no poller: one loop per
 * socket (`for await (const message of socket)`) runs them all concurrently. A poller helps
 * where code ported from pyzmq reacts to whichever socket is ready first.
 *
 * @example
 * ```ts
 * import {Poller, Pull, Subscriber} from "zmq-native"
 * declare const jobs: Pull, control: Subscriber
 *
 * const poller = new Poller<Pull | Subscriber>().add(jobs).add(control)
 * for await (const ready of poller) {
 *   for (const {socket} of ready) {
 *     const [frame] = await socket.receive()
 *     console.log(socket === control ? "control" : "job", frame.toString())
 *   }
 * }
 * ```
 */
export class Poller<S extends Socket = Socket> implements AsyncIterable<PollItem<S>[]> {
  private readonly items = new Map<S, PollInterest>()

  /**
   * Watches `socket` for `interest` (default `"readable"`); adding it again changes the
   * interest. Returns the poller, so calls chain. Applies from the next wait on.
   *
   * @throws TypeError when `socket` is not a Socket or `interest` is not "readable",
   * "writable" or "both".
   * @throws Error with code `EBADF` when the socket is closed.
   */
  add(socket: S, interest: PollInterest = "readable"): this {
    if (!(socket instanceof Socket)) throw typeError("socket", "a Socket", socket)
    if (!interests.includes(interest))
      throw typeError("interest", '"readable", "writable" or "both"', interest)
    if (socket.closed) {
      throw Object.assign(new Error("Socket is closed"), {code: "EBADF", errno: 9})
    }
    this.items.set(socket, interest)
    return this
  }

  /**
   * Stops watching `socket`; false when it was not watched. Applies from the next wait on.
   *
   * @throws Nothing.
   */
  remove(socket: S): boolean {
    return this.items.delete(socket)
  }

  /** How many sockets are watched. */
  get size(): number {
    return this.items.size
  }

  /**
   * The sockets that are ready now, without waiting (pyzmq's `poll(0)`).
   *
   * @throws Nothing: closed sockets are dropped from the poller.
   */
  poll(): PollItem<S>[] {
    const ready: PollItem<S>[] = []
    for (const [socket, interest] of this.items) {
      if (socket.closed) {
        this.items.delete(socket)
        continue
      }
      const readable = interest !== "writable" && socket.readable
      const writable = interest !== "readable" && socket.writable
      if (readable || writable) ready.push({socket, readable, writable})
    }
    return ready
  }

  /**
   * Resolves with the sockets that are ready, as soon as at least one is: at once when one is
   * ready now. Resolves with `[]` when `options.timeout` ms pass first, or when no socket is
   * left to wait for (none added, or all closed).
   *
   * @throws TypeError or RangeError (as a rejection) when `options.timeout` is not an integer
   * \>= -1 or `options.signal` is not an AbortSignal.
   * @throws `AbortError` (as a rejection) when `options.signal` aborts.
   */
  wait(options: PollOptions = {}): Promise<PollItem<S>[]> {
    if (options === null || typeof options !== "object") {
      return Promise.reject(typeError("options", "an object", options))
    }
    const {timeout = -1, signal} = options
    if (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < -1) {
      const error = typeof timeout === "number" ? rangeError : typeError
      return Promise.reject(error("options.timeout", "an integer >= -1 (milliseconds)", timeout))
    }
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      return Promise.reject(typeError("options.signal", "an AbortSignal", signal))
    }
    if (signal?.aborted) return Promise.reject(abortError(signal))
    const ready = this.poll()
    if (ready.length !== 0 || this.items.size === 0 || timeout === 0) return Promise.resolve(ready)

    return new Promise((resolve, reject) => {
      const stops: (() => void)[] = []
      let timer: ReturnType<typeof setTimeout> | undefined
      const finish = () => {
        for (const stop of stops) stop()
        if (timer !== undefined) clearTimeout(timer)
        signal?.removeEventListener("abort", onAbort)
      }
      const check = () => {
        const ready = this.poll()
        if (ready.length === 0 && this.items.size !== 0) return
        finish()
        resolve(ready)
      }
      const onAbort = () => {
        finish()
        reject(abortError(signal!))
      }
      for (const socket of this.items.keys()) stops.push(socket[engine].watchReadiness(check))
      if (timeout > 0) {
        timer = setTimeout(() => {
          finish()
          resolve([])
        }, timeout)
      }
      signal?.addEventListener("abort", onAbort, {once: true})
    })
  }

  /**
   * Readiness as it comes: each step waits (as {@link wait} does, without a timeout) and gives
   * the ready sockets. Ends when no socket is left to wait for, or when `options.signal` aborts.
   *
   * @throws Nothing of its own: an abort ends the loop.
   */
  async *events(options: {signal?: AbortSignal} = {}): AsyncGenerator<PollItem<S>[], undefined, undefined> {
    const signal = options.signal
    for (;;) {
      if (signal?.aborted) return undefined
      let ready: PollItem<S>[]
      try {
        ready = await this.wait({signal})
      } catch (error) {
        if (signal?.aborted) return undefined
        throw error
      }
      if (ready.length === 0) return undefined
      yield ready
    }
  }

  /**
   * `for await (const ready of poller)`: {@link events} without a signal.
   *
   * @throws Nothing.
   */
  [Symbol.asyncIterator](): AsyncGenerator<PollItem<S>[], undefined, undefined> {
    return this.events()
  }
}
