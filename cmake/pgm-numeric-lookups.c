/* The getaddrinfo that libpgm (pgm://, epgm://) calls: numeric answers only, never a name service.
 *
 * libpgm parses an endpoint's interface and group words with getaddrinfo, and tries an interface
 * word as a host name before it tries it as an interface name. That lookup may go to DNS, on the
 * thread that called zmq_connect/zmq_bind (the JS thread: libzmq checks the address there) and
 * again in libzmq's I/O thread. With a name server that does not answer,
 * connect("epgm://eth0;...") held the event loop for the resolver's timeout (6 s measured) and
 * then failed with EINVAL although eth0 existed. zmq_pgm(7) names an interface by its name or
 * numeric address and a group by its numeric address, so nothing is lost by answering names with
 * EAI_NONAME at once: libpgm then matches the word against the interfaces' names, as meant.
 *
 * pgm-numeric-lookups.cmake makes the copy of libpgm that the addon (and anything else linking
 * the vendored archives, such as the C interop peers) links, with its getaddrinfo references
 * pointed here, and builds this file into the archive that follows it. Runs on whichever thread
 * libpgm runs on. */
#include <netdb.h>
#include <stddef.h>

int zmq_native_pgm_getaddrinfo(const char* node, const char* service, const struct addrinfo* hints,
                               struct addrinfo** result) {
  struct addrinfo numeric = {0};
  if (hints != NULL) numeric = *hints;
  numeric.ai_flags |= AI_NUMERICHOST;
  return getaddrinfo(node, service, &numeric, result);
}
