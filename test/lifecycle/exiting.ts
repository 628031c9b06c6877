// Runs fixtures/close-then-exit.js: a process that closes a socket holding messages and calls
// process.exit() (test/lifecycle/exit-linger.test.ts, and the v5-compat case in
// test/v5/regressions.test.ts).
import {spawn} from "node:child_process"
import * as path from "node:path"
import * as readline from "node:readline"

/**
 * Starts the fixture (entry: "" for zmq-native, "/v5-compat") and resolves once it prints
 * "exiting"; `exited` resolves with its code.
 */
export function exiting(endpoint: string, entry: string): Promise<{exited: Promise<number | null>}> {
  const fixture = path.join(__dirname, "fixtures", "close-then-exit.js")
  const child = spawn(process.execPath, [fixture, endpoint, entry], {stdio: ["ignore", "pipe", "inherit"]})
  const exited = new Promise<number | null>(resolve => child.on("exit", resolve))
  return new Promise((resolve, reject) => {
    readline.createInterface({input: child.stdout}).on("line", line => {
      if (line === "exiting") resolve({exited})
    })
    child.on("exit", code => reject(new Error(`exited (${code}) before saying so`)))
  })
}
