// Event-loop fairness for operations that complete at once. A send libzmq takes at once, or a
// receive that finds a message waiting, resolves its promise at once, and `await` resumes in a
// microtask: a loop of such awaits would never let timers, I/O or other sockets run. So after
// a burst of `burstLimit` immediate completions the ones that follow settle after one turn of
// the event loop (setImmediate runs after the poll phase, where other sockets are served and
// due timers have fired). The burst counts every socket's completions: sockets served in turn
// starve the loop as well as one does. While that turn is pending every completion waits for
// it, queued operations' too, so promises still resolve in the order their operations
// completed. The operations themselves are never delayed, only their promises.
//
// The burst ends where the loop turned: at that turn, and at each native poll callback.
// zeromq v6 shows the same bound, per socket: a turn after every 512 immediate completions.
// The cost: a counter per operation, and a loop turn per 512 operations of a busy loop.

const burstLimit = 512

let burst = 0
let turn: Promise<void> | undefined

function endTurn(resolve: () => void): void {
  burst = 0
  turn = undefined
  resolve()
}

function nextTurn(): Promise<void> {
  return (turn ??= new Promise(resolve => setImmediate(endTurn, resolve)))
}

/** The promise of an operation that completed at once with `value`. */
export function completed<T>(value: T): Promise<T> {
  if (++burst < burstLimit) return Promise.resolve(value)
  return nextTurn().then(() => value)
}

/** The promise of an operation that failed at once with `error` (libzmq refused it). */
export function failed(error: unknown): Promise<never> {
  if (++burst < burstLimit) return Promise.reject(error)
  return nextTurn().then(() => Promise.reject(error))
}

/**
 * What a queued operation that completed with `value` settles with: `value`, or while a turn is
 * pending a promise of it after that turn (so it does not overtake earlier completions).
 */
export function afterTurn<T>(value: T): T | Promise<T> {
  return turn === undefined ? value : turn.then(() => value)
}

/** The event loop turned (a native poll callback runs): a new burst begins. */
export function loopTurned(): void {
  if (turn === undefined) burst = 0
}
