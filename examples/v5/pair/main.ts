// PAIR in zeromq v5 style (callbacks and "message" events, zmq-native/v5-compat): the server
// binds, the client connects, and they take turns — the server sends, the client answers.
import * as zmq from "zmq-native/v5-compat"

const rounds = 3
const server = zmq.socket("pair")
const client = zmq.socket("pair")

server.bind("tcp://127.0.0.1:*", error => {
  if (error) throw error
  console.log(`server bound to ${server.last_endpoint}`)
  // A PAIR queues nothing until its peer is connected: the monitor says when it is.
  server.monitor()
  server.once("accept", () => {
    console.log("server: client connected")
    server.unmonitor()
    server.send("Server message to client 1")
  })
  client.connect(server.last_endpoint!)
})

let received = 0
server.on("message", (reply: Buffer) => {
  console.log(`server received: ${reply}`)
  if (++received < rounds) server.send(`Server message to client ${received + 1}`)
  else {
    server.close()
    client.close()
  }
})

let answered = 0
client.on("message", (message: Buffer) => {
  console.log(`client received: ${message}`)
  client.send(`client message to server ${++answered}`)
})
