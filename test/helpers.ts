// Shared by every test suite: closing the sockets a test opened, fresh endpoints (free ports,
// ipc paths, inproc names), and child processes run to their end within a time limit.
import {spawn, type SpawnOptions} from "node:child_process"
import * as dgram from "node:dgram"
import * as net from "node:net"
import * as os from "node:os"
import * as path from "node:path"
import type {Socket} from "../lib/socket"

export const root = path.resolve(__dirname, "..")

export interface SocketTracker {
  /** Registers `socket` to be closed by closeAll(); returns it. */
  <S extends Socket>(socket: S): S
  /** Registers several sockets at once; returns them. */
  all<T extends Socket[]>(...sockets: T): T
  /** Closes every socket registered since the last call. */
  closeAll(): void
}

/** Collects sockets so that afterEach can close every one a test opened. */
export function socketTracker(): SocketTracker {
  const open: Socket[] = []
  const track = <S extends Socket>(socket: S): S => {
    open.push(socket)
    return socket
  }
  track.all = <T extends Socket[]>(...sockets: T): T => {
    open.push(...sockets)
    return sockets
  }
  track.closeAll = () => {
    for (const socket of open.splice(0)) socket.close()
  }
  return track
}

/** A socket tracker whose sockets are closed after each test of the enclosing block. */
export function closeAfterEach(): SocketTracker {
  const track = socketTracker()
  afterEach(() => track.closeAll())
  return track
}

let serial = 0

/** A fresh ipc endpoint: a path in the temporary directory, unique within this run. */
export function ipcEndpoint(name = "test"): string {
  return `ipc://${path.join(os.tmpdir(), `zmqn-${name}-${process.pid}-${++serial}.sock`)}`
}

/** A fresh inproc endpoint, unique within this process. */
export function inprocEndpoint(name = "test"): string {
  return `inproc://zmqn-${name}-${process.pid}-${++serial}`
}

/** The port of a tcp/ws/udp endpoint such as `tcp://127.0.0.1:5555`. */
export function portOf(endpoint: string): number {
  return Number(/:(\d+)$/.exec(endpoint)![1])
}

/** A local TCP port the kernel just handed out and nothing listens on (free a moment ago). */
export async function freeTcpPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, "127.0.0.1", resolve))
  const {port} = server.address() as net.AddressInfo
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

/**
 * A UDP port the kernel just handed out (libzmq's udp:// has no wildcard port and does not
 * report the port it bound).
 */
export async function freeUdpPort(): Promise<number> {
  const probe = dgram.createSocket("udp4")
  await new Promise<void>(resolve => probe.bind(0, "127.0.0.1", resolve))
  const {port} = probe.address()
  await new Promise<void>(resolve => probe.close(() => resolve()))
  return port
}

/**
 * How many times slower than usual the code under test runs: `npm run check:asan` sets
 * ZMQN_SLOWDOWN (sanitized code). The time limits of run()'s child processes scale by it, and
 * so do tests' own time limits that are longer than jest's default.
 */
export const slowdown = Number(process.env.ZMQN_SLOWDOWN ?? 1)

export interface Run {
  status: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  seconds: number
  /** True when `quietTimeout` killed it: it printed nothing for that long. */
  stalled?: boolean
}

export interface RunOptions extends SpawnOptions {
  /**
   * A hang detector for a child that does bounded work in steps and prints a line after each:
   * it is killed (`killSignal`, default SIGKILL) once this many ms pass without output. Unlike
   * `timeout`, a machine slowing every step alike never reaches it; a step that never ends does.
   */
  quietTimeout?: number
}

/**
 * Runs a command to its end (in the repository root), collecting output; rejects only when it
 * cannot be started. Bound its time with `{timeout, killSignal: "SIGKILL"}` or `quietTimeout`:
 * the result then shows the signal.
 */
export function run(command: string, args: string[], options: RunOptions = {}): Promise<Run> {
  const {quietTimeout, ...spawnOptions} = options
  const timeout = options.timeout === undefined ? undefined : options.timeout * slowdown
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const child = spawn(command, args, {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      ...spawnOptions,
      timeout,
    })
    let stdout = ""
    let stderr = ""
    let stalled = false
    let quiet: NodeJS.Timeout | undefined
    const heard = () => {
      if (quietTimeout === undefined) return
      clearTimeout(quiet)
      quiet = setTimeout(() => {
        stalled = true
        child.kill(options.killSignal ?? "SIGKILL")
      }, quietTimeout * slowdown)
    }
    heard()
    child.stdout!.setEncoding("utf8").on("data", chunk => {
      stdout += chunk
      heard()
    })
    child.stderr!.setEncoding("utf8").on("data", chunk => {
      stderr += chunk
      heard()
    })
    child.on("error", error => {
      clearTimeout(quiet)
      reject(error)
    })
    child.on("close", (status, signal) => {
      clearTimeout(quiet)
      resolve({status, signal, stdout, stderr, seconds: (Date.now() - started) / 1000, stalled})
    })
  })
}

/** The whole output of a run, for failure messages. */
export function transcript(result: Run): string {
  const stalled = result.stalled ? " (killed: no output for its quietTimeout)" : ""
  return `exit ${result.status ?? result.signal} after ${result.seconds}s${stalled}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`
}
