// zeromq v6's README and the examples in its API documentation, as a v6 user's TypeScript has
// them. Compiled only (by types.test.ts, against zeromq v6 and against zmq-native), never run.
import {Request} from "zeromq"
import * as zmq from "zeromq"
import {Context, Dealer, Proxy, Publisher, Router, Subscriber} from "zeromq"

export function basicUsage(): void {
  const reqSock = new Request()
  const repSock = new zmq.Reply()
  reqSock.close()
  repSock.close()
}

export async function producer(): Promise<void> {
  const sock = new zmq.Push()
  await sock.bind("tcp://127.0.0.1:3000")
  console.log("Producer bound to port 3000")
  while (true) {
    await sock.send("some work")
    await new Promise(resolve => {
      setTimeout(resolve, 500)
    })
  }
}

export async function worker(): Promise<void> {
  const sock = new zmq.Pull()
  sock.connect("tcp://127.0.0.1:3000")
  console.log("Worker connected to port 3000")
  for await (const [msg] of sock) {
    console.log("work: %s", msg.toString())
  }
}

export async function publisher(): Promise<void> {
  const sock = new zmq.Publisher()
  await sock.bind("tcp://127.0.0.1:3000")
  while (true) {
    await sock.send(["kitty cats", "meow!"])
    await new Promise(resolve => {
      setTimeout(resolve, 500)
    })
  }
}

export async function subscriber(): Promise<void> {
  const sock = new zmq.Subscriber()
  sock.connect("tcp://127.0.0.1:3000")
  sock.subscribe("kitty cats")
  for await (const [topic, msg] of sock) {
    console.log("received a message related to:", topic, "containing message:", msg)
  }
}

export async function client(): Promise<void> {
  const sock = new zmq.Request()
  sock.connect("tcp://127.0.0.1:3000")
  await sock.send("4")
  const [result] = await sock.receive()
  console.log(result)
}

export async function server(): Promise<void> {
  const sock = new zmq.Reply()
  await sock.bind("tcp://127.0.0.1:3000")
  for await (const [msg] of sock) {
    await sock.send((2 * parseInt(msg.toString(), 10)).toString())
  }
}

// "Defining new options": a subclass with an accessor over a raw option by libzmq number.
export class MyDealer extends Dealer {
  get sendHighWaterMark(): number {
    return this.getInt32Option(23)
  }
  set sendHighWaterMark(value: number) {
    this.setInt32Option(23, value)
  }
}

export const myDealer = new MyDealer({sendHighWaterMark: 456})

export async function apiDocs(socket: zmq.Dealer): Promise<void> {
  await socket.send("hello world")
  await socket.send(["hello", "world"])
  const [msg] = await socket.receive()
  const [part1, part2] = await socket.receive()
  console.log(msg, part1, part2)
  for await (const [message] of socket) {
    console.log(message)
  }
  socket.events.on("bind", event => {
    console.log(`Socket bound to ${event.address}`)
  })
  for await (const event of socket.events) {
    switch (event.type) {
      case "bind":
        console.log(`Socket bound to ${event.address}`)
        break
    }
  }
  await socket.bind("tcp://127.0.0.1:3456")
  await socket.bind("tcp://*:3456")
  await socket.bind("tcp://127.0.0.1:*")
  socket.bindSync("tcp://127.0.0.1:3456")
  socket.connect("tcp://127.0.0.1:3456")
  socket.disconnect("tcp://127.0.0.1:3456")

  const sub = new Subscriber()
  sub.subscribe("foo")
  sub.subscribe()
  sub.unsubscribe("foo")

  const defaultContext = new Dealer()
  const context = new Context()
  const custom = new Dealer({context})
  const events = new Publisher().events
  console.log(defaultContext, custom, events)

  const proxy = new Proxy(new Router(), new Dealer())
  await proxy.frontEnd.bind("tcp://*:3001")
  await proxy.backEnd.bind("tcp://*:3002")
  setTimeout(() => proxy.terminate(), 5000)
  await proxy.run()
}
