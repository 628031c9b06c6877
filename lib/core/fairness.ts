// Event-loop fairness for operations that complete at once. A send libzmq takes at once, or a
// receive that finds a message waiting, resolves its promise at once, and `await` resumes in a
// microtask: a loop of such awaits would never let timers, I/O or other sockets run. So after
// a burst of `burstLimit` immediate completions on one socket, the ones that follow settle
// after one turn of the event loop (setImmediate runs after the poll phase, where other
// sockets are served and due timers have fired). Every socket counts its own burst: a
// socket served in turn with others still reaches its bound, and a process with a sender and a
// receiver turns half as often as with one count for both. Sockets whose bursts
// end together wait for the same turn. While a socket's completions wait for a turn, its
// later ones (queued operations' too) wait behind them, so its promises still resolve in the
// order their operations completed. The operations themselves are never delayed, only their
// promises.
//
// A burst ends where the loop turned: at that turn, and at each native poll callback.
// zeromq v6 bounds the run too, more loosely: one fresh inproc Pair sending in a loop sees a
// turn after 1,026 sends, and it turns none in 400 sends on each of two sockets in turn plus 200
// more on one (docs/performance.md, "Event-loop fairness"). 512 is also the cheapest bound
// measured: with 1,024, near v6's, a process with both ends cost more than with no bound at all.
// The cost: a counter per operation, and a loop turn per 512 operations of a busy socket.

const burstLimit = 512

// Bumped whenever the event loop turned: every socket's burst starts again.
let loopTurns = 0
// The turn the sockets over their bound wait for, once one is scheduled.
let turn: Promise<void> | undefined

function endTurn(resolve: () => void): void {
  turn = undefined
  loopTurns++
  resolve()
}

function nextTurn(): Promise<void> {
  return (turn ??= new Promise(resolve => setImmediate(endTurn, resolve)))
}

/** The event loop turned (a native poll callback runs): every burst begins again. */
export function loopTurned(): void {
  loopTurns++
}

/** One socket's run of immediate completions. */
export class Burst {
  private count = 0
  // loopTurns when this burst began.
  private since = 0
  // The turn this socket's completions wait for, while they do.
  private waiting: Promise<void> | undefined

  /** The promise of an operation that completed at once with `value`. */
  completed<T>(value: T): Promise<T> {
    return this.waits() ? this.turnAhead().then(() => value) : Promise.resolve(value)
  }

  /** The promise of an operation that failed at once with `error` (libzmq refused it). */
  failed(error: unknown): Promise<never> {
    return this.waits() ? this.turnAhead().then(() => Promise.reject(error)) : Promise.reject(error)
  }

  /**
   * What a queued operation that completed with `value` settles with: `value`, or while this
   * socket's completions wait for a turn a promise of it after that turn (so it does not
   * overtake them).
   */
  afterTurn<T>(value: T): T | Promise<T> {
    return this.owes() ? this.waiting!.then(() => value) : value
  }

  // Whether an immediate completion waits for a turn: others wait already, or it ends the burst.
  private waits(): boolean {
    return this.owes() || ++this.count >= burstLimit
  }

  // The turn this socket's completions wait for (the next one, if they did not yet).
  private turnAhead(): Promise<void> {
    return (this.waiting ??= nextTurn())
  }

  // Whether completions of this socket still wait for a turn; once the loop turned, a new
  // burst begins.
  private owes(): boolean {
    if (this.waiting !== undefined) {
      if (this.waiting === turn) return true
      this.waiting = undefined
      this.count = 0
      this.since = loopTurns
    } else if (this.since !== loopTurns) {
      this.count = 0
      this.since = loopTurns
    }
    return false
  }
}
