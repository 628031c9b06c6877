// bind, bindSync, unbind, unbindSync, connect and disconnect: good endpoints of each transport,
// bad arguments, unknown transports and endpoints, closed sockets, and overlapping binds.
import type {Row} from "../table"

type Method = "bind" | "bindSync" | "unbind" | "unbindSync" | "connect" | "disconnect"
const methods: Method[] = ["bind", "bindSync", "unbind", "unbindSync", "connect", "disconnect"]

const badArguments: [string, unknown[]][] = [
  ["no argument", []],
  ["a number", [5]],
  ["null", [null]],
  ["an object", [{}]],
  ["a Buffer", [Buffer.from("tcp://127.0.0.1:*")]],
]

const badEndpoints: [string, string][] = [
  ["an unknown transport", "bogus://127.0.0.1:5555"],
  ["no transport", "127.0.0.1:5555"],
  ["an empty string", ""],
  ["tcp without a port", "tcp://127.0.0.1"],
  ["tcp with an unknown interface", "tcp://no-such-interface-zz:5555"],
  ["tcp://", "tcp://"],
  ["inproc://", "inproc://"],
]

// zeromq v6's unbindSync() binds instead: where that shows, ours must answer as v6's unbind()
// does, synchronously.
function unbindSyncLikeUnbind(method: Method, address: string): Pick<Row, "differs"> {
  if (method !== "unbindSync") return {}
  return {
    differs: {
      because: "v6-defect",
      likeTheirs: async (zmq, t) => {
        const outcome: any = await t.settle(() => t.track(new zmq.Pair()).unbind(address))
        return "rejects" in outcome ? {throws: outcome.rejects} : {returns: outcome.resolves}
      },
    },
  }
}

const perMethod = (method: Method): Row[] => [
  ...badArguments.map(([what, args]): Row => ({
    name: `${method}: ${what}`,
    run: (zmq, t) => t.settle(() => t.track(new zmq.Pair())[method](...args)),
  })),
  ...badEndpoints.map(([what, address]): Row => ({
    name: `${method}: ${what}`,
    run: (zmq, t) => t.settle(() => t.track(new zmq.Pair())[method](address)),
    ...(["tcp without a port", "tcp with an unknown interface"].includes(what)
      ? unbindSyncLikeUnbind(method, address)
      : {}),
  })),
  {
    name: `${method}: on a closed socket`,
    run: (zmq, t) => {
      const socket = t.track(new zmq.Pair())
      socket.close()
      return t.settle(() => socket[method]("tcp://127.0.0.1:*"))
    },
  },
  {
    name: `${method}: returns`,
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pair())
      const address = t.endpoint("inproc")
      if (method.startsWith("unbind")) await socket.bind(address)
      if (method === "disconnect") socket.connect(address)
      return t.settle(() => socket[method](address))
    },
    ...(method === "unbindSync"
      ? {differs: {because: "v6-defect" as const, ours: {returns: {returns: undefined}}}}
      : {}),
  },
]

export const endpointRows: Row[] = [
  ...methods.flatMap(perMethod),
  ...(["tcp", "ipc", "inproc", "ws"] as const).map((transport): Row => ({
    name: `bind and unbind over ${transport}`,
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      await socket.bind(t.endpoint(transport))
      const bound = socket.lastEndpoint
      await socket.unbind(bound)
      return [typeof bound, bound.split(":")[0]]
    },
  })),
  {
    name: "bind: an address in use",
    run: async (zmq, t) => {
      const a = t.track(new zmq.Pull())
      await a.bind("tcp://127.0.0.1:*")
      const b = t.track(new zmq.Pull())
      const outcome = await t.settle(() => b.bind(a.lastEndpoint))
      return [outcome, (outcome as any).rejects?.address === a.lastEndpoint]
    },
  },
  {
    name: "bindSync: an address in use",
    run: async (zmq, t) => {
      const a = t.track(new zmq.Pull())
      await a.bind("tcp://127.0.0.1:*")
      const b = t.track(new zmq.Pull())
      return t.settle(() => b.bindSync(a.lastEndpoint))
    },
  },
  {
    name: "bind: the same inproc name twice",
    run: async (zmq, t) => {
      const address = t.endpoint("inproc")
      await t.track(new zmq.Pull()).bind(address)
      return t.settle(() => t.track(new zmq.Pull()).bind(address))
    },
  },
  {
    name: "unbind: an endpoint never bound",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Pair()).unbind("tcp://127.0.0.1:5")),
  },
  {
    name: "unbindSync: an endpoint never bound",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Pair()).unbindSync("tcp://127.0.0.1:5")),
    ...unbindSyncLikeUnbind("unbindSync", "tcp://127.0.0.1:5"),
  },
  {
    name: "unbind: twice",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pair())
      const address = t.endpoint("inproc")
      await socket.bind(address)
      await socket.unbind(address)
      return t.settle(() => socket.unbind(address))
    },
  },
  {
    name: "disconnect: an endpoint never connected",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Pair()).disconnect("tcp://127.0.0.1:5")),
  },
  {
    name: "disconnect: twice",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Pair())
      socket.connect("tcp://127.0.0.1:5")
      socket.disconnect("tcp://127.0.0.1:5")
      return t.settle(() => socket.disconnect("tcp://127.0.0.1:5"))
    },
  },
  {
    name: "connect: a host name (resolved later)",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Push()).connect("tcp://localhost:5555")),
  },
  {
    name: "connect: before the peer binds",
    run: async (zmq, t) => {
      const push = t.track(new zmq.Push())
      const address = t.endpoint("inproc")
      push.connect(address)
      const pull = t.track(new zmq.Pull())
      await pull.bind(address)
      await push.send("late")
      return pull.receive()
    },
  },
  {
    name: "bind: a second bind while one is pending",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      const first = socket.bind("tcp://127.0.0.1:*")
      const second = await t.settle(() => socket.bind("tcp://127.0.0.1:*"))
      return [second, await t.settle(() => first)]
    },
  },
  {
    name: "unbind: while a bind is pending",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      const first = socket.bind("tcp://127.0.0.1:*")
      const second = await t.settle(() => socket.unbind("tcp://127.0.0.1:5"))
      return [second, await t.settle(() => first)]
    },
  },
  {
    name: "bindSync: while a bind is pending",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      const first = socket.bind("tcp://127.0.0.1:*")
      const second = await t.settle(() => socket.bindSync("tcp://127.0.0.1:*"))
      return [second, await t.settle(() => first)]
    },
  },
  {
    name: "connect: while a bind is pending",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      const first = socket.bind("tcp://127.0.0.1:*")
      const second = await t.settle(() => socket.connect("tcp://127.0.0.1:5"))
      return [second, await t.settle(() => first)]
    },
  },
  {
    name: "an option set while a bind is pending",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      const first = socket.bind("tcp://127.0.0.1:*")
      const second = await t.settle(() => (socket.linger = 5))
      return [second, await t.settle(() => first)]
    },
  },
  {
    name: "an option read while a bind is pending",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      const first = socket.bind("tcp://127.0.0.1:*")
      const second = await t.settle(() => socket.linger)
      return [second, await t.settle(() => first)]
    },
  },
  {
    name: "close() while a bind is pending: deferred until it completes",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      const bound = socket.bind("tcp://127.0.0.1:*")
      socket.close()
      const before = socket.closed
      const outcome = await t.settle(() => bound)
      return [before, outcome, socket.closed]
    },
  },
  {
    name: "close() while an unbind is pending",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      await socket.bind("tcp://127.0.0.1:*")
      const unbound = socket.unbind(socket.lastEndpoint)
      socket.close()
      const before = socket.closed
      const outcome = await t.settle(() => unbound)
      return [before, outcome, socket.closed]
    },
  },
  {
    name: "bind: the promise resolves after the bind took effect",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      const bound = socket.bind("tcp://127.0.0.1:*")
      // (Whether lastEndpoint is set before the promise settles depends on a thread's timing.)
      await bound
      return typeof socket.lastEndpoint
    },
  },
  {
    name: "bind: the wildcard host",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      await socket.bind("tcp://*:*")
      return socket.lastEndpoint.startsWith("tcp://0.0.0.0:")
    },
  },
  {
    name: "bind: ipc wildcard",
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Pull())
      await socket.bind("ipc://*")
      return socket.lastEndpoint.startsWith("ipc://")
    },
  },
  {
    name: "bind: ipc path too long",
    run: (zmq, t) => t.settle(() => t.track(new zmq.Pull()).bind(`ipc:///tmp/${"x".repeat(200)}`)),
  },
]
