// One pipeline worker (started by main.ts with child_process.fork): pulls items from the
// producer, pushes results to the sink, and stops when the sink publishes KILL on the control
// socket (or when its parent disconnects). It waits on both sockets at once with a Poller, as
// the pyzmq version of this pattern does with zmq.Poller.
import * as zmq from "zmq-native"

async function main(): Promise<void> {
  const [id, workEndpoint, resultEndpoint, controlEndpoint] = process.argv.slice(2)
  const receiver = new zmq.Pull()
  const sender = new zmq.Push()
  const control = new zmq.Subscriber()
  receiver.connect(workEndpoint)
  sender.connect(resultEndpoint)
  control.connect(controlEndpoint)
  control.subscribe("KILL")
  // Closed sockets leave the poller, and a poller with none left stops waiting.
  process.once("disconnect", () => {
    receiver.close()
    control.close()
  })

  console.log(`worker[${id}] stand by ...`)
  const poller = new zmq.Poller<zmq.Pull | zmq.Subscriber>().add(receiver).add(control)
  for (;;) {
    const ready = await poller.wait()
    if (ready.length === 0 || ready.some(({socket}) => socket === control)) break
    const {num} = await zmq.receiveJson<{num: number}>(receiver)
    console.log(`worker[${id}] data: ${num}`)
    await zmq.sendJson(sender, {consumer: Number(id), num})
  }
  console.log(`worker[${id}] stopped`)
  receiver.close()
  control.close()
  sender.close()
  if (process.connected) process.disconnect()
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
