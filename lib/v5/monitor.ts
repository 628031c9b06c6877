// monitor(): a socket's libzmq monitor events re-emitted under zeromq v5's names, with v5's
// listener arguments (value, endpoint, error). Built on the core's Observer.
import type {EventEmitter} from "node:events"
import type {Event, EventType} from "../events"
import {Observer} from "../observer"
import type {Socket as CoreSocket} from "../socket"
import type {ErrnoError} from "../errors"

/** zeromq v5's name for each monitor event it emitted (the others it did not know). */
const v5Names: readonly [EventType, string][] = [
  ["connect", "connect"],
  ["connect:delay", "connect_delay"],
  ["connect:retry", "connect_retry"],
  ["bind", "listen"],
  ["bind:error", "bind_error"],
  ["accept", "accept"],
  ["accept:error", "accept_error"],
  ["close", "close"],
  ["close:error", "close_error"],
  ["disconnect", "disconnect"],
]

/** The monitor event names a v5 socket emits. */
export const monitorEventNames: readonly string[] = v5Names.map(([, name]) => name)

/**
 * Starts observing `core`, emitting each event on `target` as `(value, endpoint, error)`:
 * value is the reconnect interval for connect_retry and the errno for the *_error events
 * (undefined otherwise, where zeromq v5 passed a file descriptor); error is set for *_error.
 */
export function monitor(core: CoreSocket, target: EventEmitter): Observer {
  const observer = new Observer(core)
  for (const [type, name] of v5Names) {
    observer.on(type, (event: Event) => {
      // libzmq's endpoint, undefined when it gave none (a bind that failed closes a nameless fd).
      const address = (event as {address: string}).address || undefined
      const failure = (event as {error?: ErrnoError}).error
      if (failure !== undefined) {
        // The core's event error as it is: zeromq's v5-compat passes v6's on.
        target.emit(name, failure.errno, address, failure)
      } else {
        target.emit(name, (event as {interval?: number}).interval, address, undefined)
      }
    })
  }
  return observer
}
