// Shared by the socket suites: the transports each pattern runs over, and small helpers to
// pair sockets up and close them after each test.
import * as os from "node:os"
import * as path from "node:path"
import type {Socket} from "../../lib"

let counter = 0

export type Transport = "tcp" | "ipc" | "inproc"
export const transports: Transport[] = ["tcp", "ipc", "inproc"]

/** An address to bind for the transport: tcp gets a free port from the kernel, ipc a fresh path. */
export function bindAddress(transport: Transport): string {
  counter++
  switch (transport) {
    case "tcp":
      return "tcp://127.0.0.1:*"
    case "ipc":
      return `ipc://${path.join(os.tmpdir(), `zmqn-test-${process.pid}-${counter}.sock`)}`
    case "inproc":
      return `inproc://zmqn-test-${process.pid}-${counter}`
  }
}

/** Binds `server` on the transport and connects `client` to where it landed. */
export async function link(transport: Transport, server: Socket, client: Socket): Promise<string> {
  await server.bind(bindAddress(transport))
  // Socket's own type has no option properties; every socket class has lastEndpoint.
  const endpoint = (server as unknown as {lastEndpoint: string}).lastEndpoint
  client.connect(endpoint)
  return endpoint
}

/** Collects sockets made in a test and closes them afterwards. */
export function track(): <S extends Socket>(socket: S) => S {
  let open: Socket[] = []
  afterEach(() => {
    for (const socket of open) socket.close()
    open = []
  })
  return socket => {
    open.push(socket)
    return socket
  }
}

export function text(frames: Buffer[]): string[] {
  return frames.map(frame => frame.toString())
}
