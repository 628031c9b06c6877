// REQ/REP: the client sends a request and must wait for the reply before it may send the next;
// the server must answer each request before it may receive another. Strict turn-taking.
import * as zmq from "zmq-native"

async function server(socket: zmq.Reply, port: string, requests: number): Promise<void> {
  for (let i = 0; i < requests; i++) {
    console.log(`server: received request: ${await zmq.receiveString(socket)}`)
    await zmq.sendString(socket, `World from ${port}`)
  }
}

async function client(socket: zmq.Request, requests: number): Promise<void> {
  for (let request = 0; request < requests; request++) {
    console.log(`client: sending request ${request} ...`)
    await zmq.sendString(socket, "Hello")
    const reply = await zmq.receiveString(socket)
    console.log(`client: received reply ${request} [ ${reply} ]`)
  }
}

async function main(): Promise<void> {
  const reply = new zmq.Reply()
  const request = new zmq.Request()
  try {
    await reply.bind("tcp://127.0.0.1:*")
    const endpoint = reply.lastEndpoint!
    request.connect(endpoint)
    const port = endpoint.slice(endpoint.lastIndexOf(":") + 1)
    await Promise.all([server(reply, port, 5), client(request, 5)])
  } finally {
    reply.close()
    request.close()
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
