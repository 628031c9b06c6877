// zeromq v5 code as a user's TypeScript has it, against zmq-native/v5-compat. Type-checked only
// (never run). types.test.ts also compiles this very text against zeromq@6's v5-compat (the
// lines marked "ours only" removed): the same program must compile against both.
import * as zmq from "zmq-native/v5-compat"

export function v5Program(): void {
  const rep = zmq.socket("rep")
  const req: zmq.Socket = zmq.createSocket("req", {identity: "client", linger: 0})
  rep.bind("tcp://127.0.0.1:5555", (error?: Error) => {
    if (error) throw error
  })
  rep.bindSync("ipc:///tmp/v5.sock")
  rep.on("message", (request: Buffer) => rep.send(["reply", request]))
  req.connect("tcp://127.0.0.1:5555").send("hello", 0, error => error && console.error(error))
  req.send("part", zmq.ZMQ_SNDMORE).send("last")
  req.on("message", (...frames: Buffer[]) => console.log(frames.length))
  req.monitor(10, 0).on("connect", (_value: unknown, endpoint: string) => console.log(endpoint))
  req.unmonitor()
  req.setsockopt(zmq.ZMQ_LINGER, 0).setsockopt("identity", "x")
  const linger = req.getsockopt(zmq.ZMQ_LINGER)
  console.log(linger, req.identity, req.last_endpoint, zmq.version)
  req.linger = 5
  const sub = zmq.socket("sub")
  sub.subscribe("topic").unsubscribe("topic")
  sub.pause()
  sub.resume()
  zmq.proxy(zmq.socket("router"), zmq.socket("dealer"))
  const keys: {public: string; secret: string} = zmq.curveKeypair()
  zmq.Context.setMaxSockets(zmq.Context.getMaxSockets())
  console.log(keys, zmq.options.linger, zmq.ZMQ_PUB, zmq.STATE_READY, sub.closed)
  // v5 programs keep their own properties on sockets.
  req.requestCount = 1
  rep.unbind("tcp://127.0.0.1:5555", () => rep.close())
  // @ts-expect-error not a socket type
  zmq.socket("bogus")
  // @ts-expect-error the callback takes an error, not a message
  req.send("x", 0, (error: Buffer) => error)
  const typed: zmq.SocketType = "xrep"
  console.log(typed, zmq.ZMQ_DONTWAIT) // ours only
}
