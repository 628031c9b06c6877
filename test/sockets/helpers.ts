// Shared by the socket suites: the transports each pattern runs over, and pairing sockets up.
import type {Socket} from "../../lib"
import {inprocEndpoint, ipcEndpoint} from "../helpers"

export type Transport = "tcp" | "ipc" | "inproc"
export const transports: Transport[] = ["tcp", "ipc", "inproc"]

/** An address to bind for the transport: tcp gets a free port from the kernel, ipc a fresh path. */
export function bindAddress(transport: Transport): string {
  switch (transport) {
    case "tcp":
      return "tcp://127.0.0.1:*"
    case "ipc":
      return ipcEndpoint("sockets")
    case "inproc":
      return inprocEndpoint("sockets")
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

export function text(frames: Buffer[]): string[] {
  return frames.map(frame => frame.toString())
}
