// zeromq v5 code as TypeScript users wrote it against v5's own declarations (@types/zeromq 5,
// the zeromq-v5-types devDependency), against zmq-native/v5-compat. Type-checked only (never
// run). types.test.ts also compiles this very text against @types/zeromq 5: code that compiled
// there must compile here, unchanged but for the module name.
import * as zmq from "zmq-native/v5-compat"

export function typedV5Program(): void {
  const rep = zmq.socket("rep")
  const req: zmq.Socket = zmq.createSocket("req")
  const pub = zmq.socket(zmq.types.pub)
  const sub = new zmq.Socket("sub")
  rep.bind("tcp://127.0.0.1:5555", error => {
    if (error) throw error
  })
  rep.bindSync("ipc:///tmp/v5.sock").unbindSync("ipc:///tmp/v5.sock")
  rep.on("message", (request: Buffer) => rep.send(["reply", request]))
  req.connect("tcp://127.0.0.1:5555").send("hello", 0, error => error && console.error(error.message))
  req.send(Buffer.from("last"))
  req.on("message", (...frames: Buffer[]) => console.log(frames.length))
  req.monitor(10, 0).on("connect", (fd: number, endpoint: string) => console.log(fd, endpoint))
  req.on("disconnect", (_fd: number, endpoint: string) => console.log(endpoint))
  req.unmonitor()
  req.setsockopt(zmq.ZMQ_LINGER, 0)
  req.setsockopt("linger", 0)
  const linger = req.getsockopt(zmq.ZMQ_LINGER) as number
  const endpoint = req.getsockopt("last_endpoint")
  console.log(linger, endpoint, zmq.version, req.closed, req.linger)
  req.linger = 5
  sub.subscribe("topic")
  sub.unsubscribe("topic")
  sub.pause()
  sub.resume()
  pub.disconnect("tcp://127.0.0.1:5556")
  zmq.proxy(zmq.socket("router"), zmq.socket("dealer"), zmq.socket("pub"))
  const keys: zmq.CurveKeyPair = zmq.curveKeypair()
  sub.curve_serverkey = keys.public
  sub.curve_publickey = keys.public
  sub.curve_secretkey = keys.secret
  sub.plain_username = "user"
  zmq.Context.setMaxThreads(2)
  zmq.Context.setMaxSockets(zmq.Context.getMaxSockets() + zmq.Context.getMaxThreads())
  const types: zmq.SocketTypes = zmq.types
  const options: zmq.SocketOptions = zmq.options
  console.log(types.xrep, options.linger, zmq.ZMQ_SNDHWM, zmq.ZMQ_ROUTER_HANDOVER, zmq.ZMQ_RCVMORE)
  rep.unbind("tcp://127.0.0.1:5555", error => console.log(error))
  rep.close()
  req.removeAllListeners("message").close()
}
