// Why a norm:// endpoint was refused with a bare EINVAL when its address is a name: NORM would
// look it up when its session starts, blocking connect and then again on libzmq's I/O thread,
// which aborts the process when that lookup fails. native/transport-trial.cc lets only numeric
// addresses through; this names the word.
import {isIP} from "node:net"

/** The reason, or undefined when the address is numeric (libzmq then had another reason). */
export function normWordReason(address: string): string | undefined {
  // norm://[id,][interface;]address:port
  const parts = /^norm:\/\/(?:\d+,)?(?:[^;]*;)?(.*):\d+$/.exec(address)
  if (parts === null || isIP(parts[1]) !== 0) return undefined
  return `the norm address "${parts[1]}" is not a numeric address; norm endpoints are not looked up by name`
}
