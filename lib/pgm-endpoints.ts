// Why libzmq refused a pgm:// or epgm:// endpoint with a bare EINVAL, when a word of it is not
// what zmq_pgm(7) allows: the interface is one of this host's interface names or a numeric
// address, each group a numeric address. Our libpgm never looks names up (cmake/pgm-numeric-lookups.c
// says why), so such a word fails at once; this names the word.
import {isIP} from "node:net"
import {networkInterfaces} from "node:os"

// A numeric address, optionally as a network ("10.0.0.0/8"), which libpgm also accepts.
const numeric = (word: string): boolean => isIP(word.replace(/\/\d+$/, "")) !== 0

/** The reason, or undefined when the words look right (libzmq then had another reason). */
export function pgmWordReason(address: string): string | undefined {
  // scheme://[interface;]group[;group...][,group...]:port
  const parts = /^e?pgm:\/\/(?:([^;]*);)?(.*):\d+$/.exec(address)
  if (parts === null) return undefined
  const [, iface, groups] = parts
  const names = Object.keys(networkInterfaces())
  if (iface !== undefined && iface !== "" && !numeric(iface) && !names.includes(iface)) {
    return (
      `"${iface}" is neither a numeric address nor one of this host's network interfaces ` +
      `(${names.join(", ")}); pgm and epgm endpoints do not look names up`
    )
  }
  const group = groups.split(/[;,]/).find(word => !numeric(word))
  if (group !== undefined) return `the multicast group "${group}" is not a numeric address`
  return undefined
}
