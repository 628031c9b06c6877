// The conformance harness: runs one scenario against zeromq v6 and against zmq-native in this
// process and reduces each run to a comparable outcome — what it returned or threw (error
// class, code, errno, message, address), and the process warnings it emitted.
import * as os from "node:os"
import * as path from "node:path"
import * as vm from "node:vm"

/** A package as the scenarios see it: its main module, with its draft module as `draft`. */
export type Lib = any

/** What a scenario may use besides the package: sockets it opens are closed afterwards. */
export interface Scope {
  /** Registers a socket (or anything with close()) to be closed after the scenario; returns it. */
  track<T>(socket: T): T
  /**
   * A tracked socket of the package's type `type` on a context of the scenario's own. (zeromq v6
   * names a socket's monitor endpoint after the socket's address in memory: on a shared
   * context, a socket allocated where an earlier monitored one lived may never see an event.)
   */
  socket(type: string, options?: Record<string, unknown>): any
  /** A fresh endpoint of a transport ("tcp" binds port *; "ipc" a fresh path). */
  endpoint(transport: "tcp" | "ipc" | "inproc" | "udp" | "ws"): string
  /** The outcome of one call, told apart: a synchronous throw or return, a rejection or resolution. */
  settle(call: () => unknown): Promise<Outcome>
  /** Resolves after `ms` milliseconds (only where no event can be awaited: "nothing happens"). */
  delay(ms: number): Promise<void>
  /** A bounded wait: the promise's outcome, or "pending" when it has not settled within `ms`. */
  within(promise: Promise<unknown>, ms: number): Promise<Outcome>
}

export type Scenario = (zmq: Lib, t: Scope) => unknown

export interface ErrorShape {
  class: string
  code?: unknown
  errno?: unknown
  message: string
  address?: unknown
  status?: unknown
}

export type Outcome =
  {returns: unknown} | {throws: ErrorShape} | {resolves: unknown} | {rejects: ErrorShape} | {pending: true}

export interface Result {
  outcome: Outcome
  warnings: string[]
  /** Set when the scenario ran in a child process that then died: how (signal or exit code). */
  crashed?: string
}

// Warnings are read where both packages emit them: zeromq's native code calls the main
// realm's process.emitWarning, while jest gives the test its own `process` object.
const processes = [process, vm.runInThisContext("process") as NodeJS.Process]

// What differs between two runs of the same scenario by chance: ports the kernel picks, and the
// serial numbers in fresh inproc names and ipc paths.
function stable(text: string): string {
  return text.replace(/:(\d{5})\b/g, ":<port>").replace(/conformance-[0-9-]+/g, "conformance-<n>")
}

/** An error reduced to what users match on. */
export function errorShape(error: unknown): ErrorShape {
  if (error === null || typeof error !== "object") return {class: typeof error, message: String(error)}
  const e = error as Record<string, unknown>
  const shape: ErrorShape = {
    class: (error as object).constructor?.name ?? "Object",
    message: stable(String(e.message)),
  }
  for (const key of ["code", "errno", "address", "status"] as const) {
    if (e[key] !== undefined) shape[key] = typeof e[key] === "string" ? stable(e[key] as string) : e[key]
  }
  return shape
}

/** A value reduced to data: bytes as hex, class instances by class name, errors by shape. */
export function normalize(value: unknown, seen = new Set<unknown>()): unknown {
  if (value === null || value === undefined) return value
  if (typeof value === "function") return {function: value.name || "anonymous"}
  if (typeof value === "symbol") return {symbol: String(value)}
  if (typeof value === "string") return stable(value)
  if (typeof value !== "object") return value
  if (seen.has(value)) return {cycle: true}
  seen.add(value)
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    return {[Buffer.isBuffer(value) ? "buffer" : value.constructor.name]: bytes.toString("hex")}
  }
  if (value instanceof Error || Object.prototype.toString.call(value) === "[object Error]")
    return {error: errorShape(value)}
  if (Array.isArray(value)) return value.map(item => normalize(item, seen))
  if (typeof (value as Promise<unknown>).then === "function") return {promise: true}
  const prototype = Object.getPrototypeOf(value)
  const name = prototype?.constructor?.name
  if (prototype !== null && name !== "Object") return {instance: name}
  const plain: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort())
    plain[key] = normalize((value as Record<string, unknown>)[key], seen)
  return plain
}

function describeOutcome(settled: "returns" | "resolves", value: unknown): Outcome {
  return settled === "returns" ? {returns: normalize(value)} : {resolves: normalize(value)}
}

async function settle(call: () => unknown): Promise<Outcome> {
  let value: unknown
  try {
    value = call()
  } catch (error) {
    return {throws: errorShape(error)}
  }
  if (!(value instanceof Promise) && !(value && typeof (value as Promise<unknown>).then === "function"))
    return describeOutcome("returns", value)
  try {
    return describeOutcome("resolves", await value)
  } catch (error) {
    return {rejects: errorShape(error)}
  }
}

let serial = 0

function makeScope(zmq: Lib, opened: {close(): unknown}[]): Scope {
  let context: unknown
  return {
    socket(type, options = {}) {
      context ??= new zmq.Context()
      const socket = new (zmq[type] ?? zmq.draft[type])({context, ...options})
      opened.push(socket)
      return socket
    },
    track(socket) {
      opened.push(socket as {close(): unknown})
      return socket
    },
    endpoint(transport) {
      const name = `conformance-${process.pid}-${++serial}`
      switch (transport) {
        case "tcp":
          return "tcp://127.0.0.1:*"
        case "ws":
          return "ws://127.0.0.1:*"
        case "ipc":
          return `ipc://${path.join(os.tmpdir(), `${name}.sock`)}`
        case "inproc":
          return `inproc://${name}`
        case "udp":
          return `udp://127.0.0.1:${40000 + (serial % 20000)}`
      }
    },
    settle,
    delay: ms => new Promise(resolve => setTimeout(resolve, ms)),
    async within(promise, ms) {
      let timer: ReturnType<typeof setTimeout> | undefined
      const pending = new Promise<Outcome>(
        resolve => (timer = setTimeout(() => resolve({pending: true}), ms)),
      )
      try {
        return await Promise.race([settle(() => promise), pending])
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

/**
 * Runs a scenario to its end (at most `limitMs`: a scenario still running then is "pending"),
 * closes what it opened, and collects the warnings emitted meanwhile.
 */
export async function runScenario(zmq: Lib, scenario: Scenario, limitMs: number): Promise<Result> {
  const warnings: string[] = []
  const originals = processes.map(p => p.emitWarning)
  const record = (warning: string | Error) => {
    warnings.push(typeof warning === "string" ? warning : warning.message)
  }
  for (const p of processes) p.emitWarning = record as typeof p.emitWarning
  const opened: {close(): unknown}[] = []
  const scope = makeScope(zmq, opened)
  try {
    const outcome = await scope.within((async () => scenario(zmq, scope))(), limitMs)
    return {outcome: unwrap(outcome), warnings}
  } finally {
    for (const socket of opened.reverse()) {
      try {
        // Nothing a finished scenario queued may hold the process at exit.
        if ("linger" in socket) (socket as {linger: number}).linger = 0
        socket.close()
      } catch {
        // Closing twice or a closed context: what matters was observed already.
      }
    }
    // Warnings are emitted synchronously by both packages; give a deferred one a turn anyway.
    await new Promise(resolve => setImmediate(resolve))
    processes.forEach((p, i) => (p.emitWarning = originals[i]))
  }
}

// A scenario is an async function: its result is "returns"/"throws" for the table's purposes.
function unwrap(outcome: Outcome): Outcome {
  if ("resolves" in outcome) return {returns: outcome.resolves}
  if ("rejects" in outcome) return {throws: outcome.rejects}
  return outcome
}

/**
 * Whether our outcome matches v6's: equal data, equal error class, code, errno and address,
 * and our message starting with v6's (we may say more after it).
 */
export function matches(ours: unknown, theirs: unknown): boolean {
  // A row's expected outcome may use jest's asymmetric matchers (expect.stringMatching…).
  const matcher = theirs as {asymmetricMatch?: (value: unknown) => boolean} | null
  if (typeof matcher?.asymmetricMatch === "function") return matcher.asymmetricMatch(ours)
  if (isError(ours) && isError(theirs)) {
    const {message: a, ...restA} = ours
    const {message: b, ...restB} = theirs
    return a.startsWith(b) && matches(restA, restB)
  }
  if (Array.isArray(ours) && Array.isArray(theirs)) {
    return ours.length === theirs.length && ours.every((item, i) => matches(item, theirs[i]))
  }
  if (ours && theirs && typeof ours === "object" && typeof theirs === "object") {
    const keys = Object.keys(ours).sort()
    if (keys.join() !== Object.keys(theirs).sort().join()) return false
    return keys.every(key => matches((ours as any)[key], (theirs as any)[key]))
  }
  return Object.is(ours, theirs)
}

/** Outcomes match, and so do warnings, in order (ours may say more after v6's words). */
export function sameResult(ours: Result, theirs: Result): boolean {
  return (
    matches(ours.outcome, theirs.outcome) &&
    ours.warnings.length === theirs.warnings.length &&
    ours.warnings.every((warning, i) => warning.startsWith(theirs.warnings[i]))
  )
}

function isError(value: unknown): value is ErrorShape {
  const shape = value as ErrorShape
  return (
    !!shape &&
    typeof shape === "object" &&
    typeof shape.class === "string" &&
    typeof shape.message === "string"
  )
}

// Results cross from child processes as JSON that keeps what JSON cannot hold: undefined,
// NaN and the infinities.
export function encode(result: Result): string {
  return JSON.stringify(result, (_key, value) => {
    if (value === undefined) return {$: "undefined"}
    if (typeof value === "number" && !Number.isFinite(value)) return {$: String(value)}
    return value
  })
}

export function decode(text: string): Result {
  // A reviver returning undefined would delete the key; restore in place instead.
  const restore = (value: any): any => {
    if (!value || typeof value !== "object") return value
    if (typeof value.$ === "string" && Object.keys(value).length === 1) {
      return value.$ === "undefined" ? undefined : Number(value.$)
    }
    for (const key of Object.keys(value)) value[key] = restore(value[key])
    return value
  }
  return restore(JSON.parse(text))
}
