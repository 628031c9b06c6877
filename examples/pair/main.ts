// PAIR: one socket on each side, talking both ways. The server binds, the client connects, and
// they take turns: the server sends, the client answers. Text goes as UTF-8 frames with
// sendString/receiveString (pyzmq's send_string/recv_string).
import * as zmq from "zmq-native"

async function server(socket: zmq.Pair): Promise<void> {
  for (let i = 1; i <= 3; i++) {
    await zmq.sendString(socket, `Server message to client ${i}`)
    console.log(`server received: ${await zmq.receiveString(socket)}`)
  }
}

async function client(socket: zmq.Pair): Promise<void> {
  for (let i = 1; i <= 3; i++) {
    console.log(`client received: ${await zmq.receiveString(socket)}`)
    await zmq.sendString(socket, `client message to server ${i}`)
  }
}

async function main(): Promise<void> {
  const serverSocket = new zmq.Pair()
  const clientSocket = new zmq.Pair()
  try {
    await serverSocket.bind("tcp://127.0.0.1:*")
    console.log(`server bound to ${serverSocket.lastEndpoint}`)
    // A Pair queues nothing until its peer is connected, so the server waits for the client's
    // connection (its ZMTP handshake) before its first send.
    const clientConnected = serverSocket.events.waitFor("handshake", {timeout: 5000})
    clientSocket.connect(serverSocket.lastEndpoint!)
    await clientConnected
    console.log("server: client connected")
    await Promise.all([server(serverSocket), client(clientSocket)])
  } finally {
    serverSocket.close()
    clientSocket.close()
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
