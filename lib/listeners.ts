// Calling event listeners as EventEmitter does: each in turn, a throwing one reported as the
// program's uncaught exception without stopping the others (or the emitter).
export function callListeners<V>(listeners: Iterable<(value: V) => void>, value: V): void {
  for (const listener of [...listeners]) {
    try {
      listener(value)
    } catch (error) {
      queueMicrotask(() => {
        throw error
      })
    }
  }
}
