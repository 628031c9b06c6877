// The JSON and string helpers as a user's TypeScript sees them. Type-checked only (never run);
// each line marked @ts-expect-error is a type error the declarations must keep reporting.
import {Pair, Pull, Push, receiveJson, receiveString, sendJson, sendString} from "zmq-native"
import {Dish, Radio, Server} from "zmq-native/draft"

export async function helpers(): Promise<void> {
  const pair = new Pair()
  await sendJson(pair, {num: 1}, {timeout: 100})
  await sendString(pair, "text")
  const value = await receiveJson<{num: number}>(pair, {timeout: 100})
  const num: number = value.num
  const text: string = await receiveString(pair)
  const unknownValue: unknown = await receiveJson(new Pull())
  // @ts-expect-error sendString takes a string
  await sendString(new Push(), 5)
  // @ts-expect-error a PULL socket cannot send
  await sendJson(new Pull(), {})
  // @ts-expect-error a PUSH socket cannot receive
  await receiveJson(new Push())

  const radio = new Radio()
  await sendJson(radio, {sky: "clear"}, {group: "weather"})
  // @ts-expect-error a Radio needs its group
  await sendJson(radio, {sky: "clear"})
  // @ts-expect-error a Dish's messages carry a group, not frames only
  await receiveJson(new Dish())
  // @ts-expect-error a Server's messages carry a routing id
  await receiveString(new Server())
}
