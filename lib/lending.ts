// Which large outgoing frames libzmq may borrow instead of copying. A borrowed frame's bytes
// are read by libzmq's threads until it is sent (or, over inproc, until the receiver lets go),
// and detaching its ArrayBuffer meanwhile — structuredClone or postMessage with a transfer
// list, ArrayBuffer.prototype.transfer() — hands that memory to a new owner that may free it
// under libzmq: a use-after-free. So a borrowed ArrayBuffer is first marked untransferable
// (worker_threads.markAsUntransferable: transferring it copies it, or throws DataCloneError
// on newer Node), and frames that marking cannot protect are copied: resizable ArrayBuffers
// (resize() shrinks them in place), and every frame on a Node whose detach routes ignore the
// mark, which the probe below finds out once at load (Node 20: the mark covers every route;
// Node 22: transfer() ignores it, so every frame is copied there). Not covered anywhere: a BYOB
// read of a web stream into a sent buffer detaches it — that is writing into it, which a
// program must not do to a frame it sent (README).
import {markAsUntransferable, MessageChannel} from "node:worker_threads"

// Read through the original getter: a frame's sender must not run code a program put on the
// prototype. Absent before resizable ArrayBuffers existed (then none is resizable).
const resizable = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "resizable")?.get

function isResizable(buffer: ArrayBufferLike): boolean {
  try {
    return resizable?.call(buffer) === true
  } catch {
    return false // a SharedArrayBuffer: never detached, and it only grows
  }
}

// Tries every detach route this Node has on a marked ArrayBuffer: true when none detached it.
function markingProtects(): boolean {
  const attempts: ((buffer: ArrayBuffer) => unknown)[] = [
    buffer => structuredClone(buffer, {transfer: [buffer]}),
    buffer => {
      const {port1, port2} = new MessageChannel()
      try {
        port1.postMessage(buffer, [buffer])
      } finally {
        port1.close()
        port2.close()
      }
    },
  ]
  const transfer = (ArrayBuffer.prototype as {transfer?: () => ArrayBuffer}).transfer
  if (typeof transfer === "function") attempts.push(buffer => transfer.call(buffer))
  return attempts.every(attempt => {
    const buffer = new ArrayBuffer(8)
    markAsUntransferable(buffer)
    try {
      attempt(buffer)
    } catch {
      // DataCloneError / TypeError: refused, as wanted
    }
    return buffer.byteLength === 8
  })
}

const lendingIsSafe = markingProtects()

/** @internal whether libzmq may borrow `buffer` (marking it untransferable if so). */
export function lendable(buffer: ArrayBufferLike): boolean {
  if (!lendingIsSafe || isResizable(buffer)) return false
  markAsUntransferable(buffer)
  return true
}
