// The shape of a conformance row, and the only places where zmq-native may differ from
// zeromq v6 (each explained in docs/compat.md under its id).
import type {Outcome, Result, Scenario} from "./harness"

/** The deliberate differences. */
export const differences = {
  // Named by the fidelity issue as differences we keep.
  "queue-not-ebusy": "concurrent send()/receive() calls queue in call order instead of failing with EBUSY",
  "absent-methods": "methods a socket type cannot use are absent at runtime, as in the types",
  "small-frames-copied":
    "frames under 8 KiB are copied: a sent buffer is not retained, a received one not shared",
  extras: "exports, options and arguments zeromq v6 lacks",
  "ipc-files-removed": "ipc socket files are removed on unbind() and close()",
  "coded-errors": "every error we raise has a code and an errno where v6 raises a bare Error",
  // Where zeromq v6 crashes, hangs or corrupts: reproducing it would break "nothing kills the
  // process", "no hang" and "bad input gets a clear error".
  "v6-crashes": "where zeromq v6 crashes the process we raise an error",
  "v6-hangs": "where zeromq v6 never settles an operation we settle it",
  "v6-defect": "where zeromq v6 silently corrupts or misreads a value we give the right value or an error",
} as const

export type Difference = keyof typeof differences

export interface Row {
  /** Unique; the known-failing list refers to rows by it. */
  name: string
  run: Scenario
  /**
   * A deliberate difference: v6's outcome must differ from ours, and ours must be `ours` — or
   * what v6 gives for the scenario `likeTheirs` (where v6 gets one call wrong and another
   * right). For "v6-crashes", v6 runs in a child process, which must die; ours must then be
   * `ours`, or without it, what v6 gave before it died.
   */
  differs?:
    | {because: Difference; ours: Outcome | Result}
    | {because: Difference; likeTheirs: Scenario}
    | {because: "v6-crashes"}
  /**
   * Run both packages' side in child processes: zeromq v6's listener mode can leave unhandled
   * rejections behind that would land on later rows.
   */
  isolated?: true
  /** Values the scenario refers to besides its parameters, for running it in a child process. */
  closure?: Record<string, string | number | boolean>
  /** Longest run in ms before the scenario counts as "pending" (default 2000). */
  limitMs?: number
}
