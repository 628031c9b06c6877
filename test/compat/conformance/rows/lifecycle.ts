// Closing sockets, what a closed socket answers, buffers after send and receive, ipc files,
// and the end of a process: natural exit delivers what send() resolved (lingering as blocky and
// linger say, with v6's warning), process.exit() and worker termination stay bounded.
import type {Row} from "../table"

// A child process that pushes `count` messages to `address` with the package at `path` and
// exits naturally with the socket open (as an application's last line would).
function exitScript(path: string, address: string, count: number, setup: string): string {
  return `
const zmq = require(${JSON.stringify(path)})
${setup}
const push = new zmq.Push()
push.connect(${JSON.stringify(address)})
;(async () => {
  for (let i = 0; i < ${count}; i++) await push.send("m" + i)
  console.log("sent")
})()
`
}

async function child(
  script: string,
  limitMs: number,
): Promise<{status: number | null; stdout: string; stderr: string}> {
  const {run} = require("../../../helpers")
  const result = await run(process.execPath, ["-e", script], {timeout: limitMs, killSignal: "SIGKILL"})
  return {status: result.status ?? result.signal, stdout: result.stdout.trim(), stderr: result.stderr}
}

// The ZeroMQ warning lines a child wrote, without the pid that prefixes them.
function zmqWarnings(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter(line => /ZeroMQ|queued/.test(line))
    .map(line => line.replace(/^\(node:\d+\) /, ""))
}

export const lifecycleRows: Row[] = [
  {
    name: "close: twice",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Pair())
      socket.close()
      return [t.settle(() => socket.close()), socket.closed]
    },
  },
  {
    name: "closed: before and after close",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Pair())
      const before = socket.closed
      socket.close()
      return [before, socket.closed]
    },
  },
  {
    name: "close: with a bound endpoint, then rebind it elsewhere",
    run: async (zmq, t) => {
      const a = t.track(new zmq.Pull())
      await a.bind("tcp://127.0.0.1:*")
      const address = a.lastEndpoint
      a.close()
      const b = t.track(new zmq.Pull())
      for (;;) {
        const outcome = await t.settle(() => b.bind(address))
        if (!("rejects" in outcome)) return outcome
        await t.delay(10)
      }
    },
  },
  {
    name: "close: a closed socket's endpoints answer EBADF",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Pair())
      socket.close()
      return [socket.readable, socket.writable].map(value => typeof value)
    },
  },
  {
    name: "a sent Buffer modified after send()",
    run: async (zmq, t) => {
      const a = t.track(new zmq.Pair())
      const b = t.track(new zmq.Pair())
      await a.bind(t.endpoint("inproc"))
      b.connect(a.lastEndpoint)
      // 1 KiB: v6 lends frames from 128 B, we copy below 8 KiB.
      const buffer = Buffer.alloc(1024, "o")
      await a.send(buffer)
      buffer.fill("m")
      const [frame] = await b.receive()
      return frame.toString("latin1", 0, 4)
    },
    differs: {because: "small-frames-copied", ours: {returns: "oooo"}},
  },
  {
    name: "a received small frame is not shared",
    run: async (zmq, t) => {
      const a = t.track(new zmq.Pair())
      const b = t.track(new zmq.Pair())
      await a.bind(t.endpoint("inproc"))
      b.connect(a.lastEndpoint)
      await a.send("x".repeat(200))
      const [frame] = await b.receive()
      return frame.buffer.byteLength === frame.length
    },
    differs: {because: "small-frames-copied", ours: {returns: false}},
  },
  {
    name: "ipc: the socket file after unbind",
    run: async (zmq, t) => {
      const fs = require("node:fs")
      const socket = t.track(new zmq.Pull())
      const address = t.endpoint("ipc")
      await socket.bind(address)
      await socket.unbind(address)
      const path = address.slice("ipc://".length)
      const exists = fs.existsSync(path)
      fs.rmSync(path, {force: true})
      return exists
    },
    differs: {because: "ipc-files-removed", ours: {returns: false}},
  },
  {
    name: "ipc: the socket file after close",
    run: async (zmq, t) => {
      const fs = require("node:fs")
      const socket = t.track(new zmq.Pull())
      const address = t.endpoint("ipc")
      await socket.bind(address)
      socket.close()
      const path = address.slice("ipc://".length)
      const exists = fs.existsSync(path)
      fs.rmSync(path, {force: true})
      return exists
    },
    differs: {because: "ipc-files-removed", ours: {returns: false}},
  },
  {
    name: "extras: exports beyond v6",
    run: zmq => ["Peer", "Channel"].map(name => typeof zmq.draft[name]),
    differs: {because: "extras", ours: {returns: ["function", "function"]}},
  },
  {
    name: "natural exit: messages send() resolved are delivered (peer comes late)",
    limitMs: 20000,
    run: async (zmq, t) => {
      const pull = t.track(new zmq.Pull())
      const address = t.endpoint("tcp").replace("*", String(await freePort()))
      const exited = child(exitScript(zmq.path, address, 5, ""), 15000)
      // The child has sent and is exiting, lingering; the peer appears only now.
      await t.delay(1500)
      await pull.bind(address)
      const got: string[] = []
      for (let i = 0; i < 5; i++) got.push(String((await pull.receive())[0]))
      const result = await exited
      return [got, result.status, result.stdout, zmqWarnings(result.stderr)]
    },
  },
  {
    name: "natural exit: blocky false drops undeliverable messages at once",
    limitMs: 20000,
    run: async zmq => {
      const result = await child(
        exitScript(zmq.path, "tcp://127.0.0.1:1", 3, "zmq.context.blocky = false"),
        15000,
      )
      return [result.status, result.stdout, zmqWarnings(result.stderr)]
    },
  },
  {
    name: "natural exit: linger 0 drops undeliverable messages at once",
    limitMs: 20000,
    run: async zmq => {
      const script = exitScript(zmq.path, "tcp://127.0.0.1:1", 3, "").replace(
        "new zmq.Push()",
        "new zmq.Push({linger: 0})",
      )
      const result = await child(script, 15000)
      return [result.status, result.stdout, zmqWarnings(result.stderr)]
    },
  },
  {
    name: "process.exit(): bounded with undeliverable messages",
    limitMs: 20000,
    run: async zmq => {
      const script = exitScript(zmq.path, "tcp://127.0.0.1:1", 3, "").replace(
        'console.log("sent")',
        'console.log("sent"); process.exit(0)',
      )
      const started = Date.now()
      const result = await child(script, 15000)
      return [result.status, result.stdout, Date.now() - started < 10000]
    },
  },
]

async function freePort(): Promise<number> {
  const {freeTcpPort} = require("../../../helpers")
  return freeTcpPort()
}
