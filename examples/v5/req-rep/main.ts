// REQ/REP in zeromq v5 style: the client queues its five requests at once, as v5 programs did;
// each goes out when the previous reply is in (REQ alternates), and the server answers each.
import * as zmq from "zmq-native/v5-compat"

const requests = 5
const server = zmq.socket("rep")
const client = zmq.socket("req")

server.bindSync("tcp://127.0.0.1:*")
const endpoint = server.last_endpoint!
const port = endpoint.slice(endpoint.lastIndexOf(":") + 1)
server.on("message", (request: Buffer) => {
  console.log(`server: received request: ${request}`)
  server.send(`World from ${port}`)
})

let replies = 0
client.on("message", (reply: Buffer) => {
  console.log(`client: received reply ${replies} [ ${reply} ]`)
  if (++replies === requests) {
    client.close()
    server.close()
  }
})
client.connect(endpoint)
for (let request = 0; request < requests; request++) {
  console.log(`client: sending request ${request} ...`)
  client.send("Hello")
}
