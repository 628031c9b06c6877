// Drives a peer process from test/interop/peers/ (pyzmq or the C peer) over its line protocol:
// "ready <endpoint>" first, then one reply line per command. Every wait is bounded.
import {spawn, type ChildProcessWithoutNullStreams} from "node:child_process"
import {once} from "node:events"
import * as path from "node:path"
import * as readline from "node:readline"
import {ipcEndpoint} from "../helpers"

export const peersDir = path.join(__dirname, "peers")
export const python = "/usr/bin/python3"

const replyTimeoutMs = 10_000

export function hex(frame: Buffer): string {
  return frame.length === 0 ? "-" : frame.toString("hex")
}

function unhex(word: string): Buffer {
  return word === "-" ? Buffer.alloc(0) : Buffer.from(word, "hex")
}

/** A fresh ipc:// endpoint for this run, or tcp://127.0.0.1:* for the binding side to resolve. */
export function bindEndpoint(transport: "tcp" | "ipc"): string {
  return transport === "tcp" ? "tcp://127.0.0.1:*" : ipcEndpoint("interop")
}

export class Peer {
  private readonly lines: string[] = []
  private waiter: (() => void) | undefined
  private stderr = ""
  private exited = false
  endpoint = ""

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    readline.createInterface({input: child.stdout}).on("line", line => {
      this.lines.push(line)
      this.waiter?.()
    })
    child.stderr.on("data", chunk => (this.stderr += chunk))
    child.on("exit", () => {
      this.exited = true
      this.waiter?.()
    })
  }

  /** Starts `command args...` and waits for its "ready <endpoint>" line. */
  static async start(command: string, args: string[]): Promise<Peer> {
    const peer = new Peer(spawn(command, args, {stdio: ["pipe", "pipe", "pipe"]}))
    const ready = await peer.nextLine()
    if (!ready.startsWith("ready ")) throw peer.failure(`expected "ready", got "${ready}"`)
    peer.endpoint = ready.slice("ready ".length)
    return peer
  }

  private failure(what: string): Error {
    return new Error(`peer ${this.child.spawnfile}: ${what}${this.stderr ? `\nstderr: ${this.stderr}` : ""}`)
  }

  private async nextLine(): Promise<string> {
    const deadline = Date.now() + replyTimeoutMs
    while (this.lines.length === 0) {
      if (this.exited) throw this.failure(`exited (${this.child.exitCode ?? this.child.signalCode})`)
      const left = deadline - Date.now()
      if (left <= 0) throw this.failure(`no reply within ${replyTimeoutMs} ms`)
      let timer: ReturnType<typeof setTimeout> | undefined
      await new Promise<void>(resolve => {
        this.waiter = resolve
        timer = setTimeout(resolve, left)
      })
      clearTimeout(timer)
      this.waiter = undefined
    }
    return this.lines.shift()!
  }

  private async command(line: string): Promise<string> {
    this.child.stdin.write(line + "\n")
    return this.nextLine()
  }

  /** Sends one multipart message from the peer's socket. */
  async send(frames: Buffer[]): Promise<void> {
    const reply = await this.command(`send ${frames.map(hex).join(" ")}`)
    if (reply !== "ok") throw this.failure(`send: ${reply}`)
  }

  /**
   * Sends one multipart message if the peer's socket can take it within timeoutMs (pyzmq's peer
   * only); says whether it did.
   */
  async offer(frames: Buffer[], timeoutMs: number): Promise<boolean> {
    const reply = await this.command(`offer ${timeoutMs} ${frames.map(hex).join(" ")}`)
    if (reply !== "ok" && reply !== "error timeout") throw this.failure(`offer: ${reply}`)
    return reply === "ok"
  }

  /** The next message the peer's socket receives, or undefined if none came within timeoutMs. */
  async receive(timeoutMs = 5000): Promise<Buffer[] | undefined> {
    const reply = await this.command(`recv ${timeoutMs}`)
    if (reply === "error timeout") return undefined
    if (!reply.startsWith("frames ")) throw this.failure(`recv: ${reply}`)
    return reply.slice("frames ".length).split(" ").map(unhex)
  }

  /** Like receive(), with the message's User-Id as the peer's library reads it ("-": none). */
  async receiveWithUser(timeoutMs = 5000): Promise<{userId: string; frames: Buffer[]} | undefined> {
    const reply = await this.command(`recv-user ${timeoutMs}`)
    if (reply === "error timeout") return undefined
    const match = /^user (\S+) frames (.*)$/.exec(reply)
    if (match === null) throw this.failure(`recv-user: ${reply}`)
    return {userId: match[1], frames: match[2].split(" ").map(unhex)}
  }

  /** Asks the peer to quit; kills it if it has not exited within a few seconds. */
  async stop(): Promise<void> {
    if (this.exited) return
    const exited = once(this.child, "exit")
    this.child.stdin.end("quit\n")
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5000)
    await exited
    clearTimeout(timer)
  }
}
