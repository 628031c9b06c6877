// Multicast transports whose engine libzmq starts after connect/bind returned, on an I/O thread,
// asserting — aborting the process — when that fails (pgm, epgm, norm): tried on the JS thread
// first, so that connect and bind fail with the errno instead.
#include "transport-trial.h"

#include <zmq.h>

#include <cerrno>
#include <cstring>

#ifndef _WIN32
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

#ifdef ZMQ_NATIVE_NORM
#include <normApi.h>
#ifdef _WIN32
#include <ws2tcpip.h>
#else
#include <arpa/inet.h>
#endif
#endif

#ifdef ZMQ_NATIVE_PGM
#include <pgm/pgm.h>
#endif

namespace zmqn {

namespace {

// libzmq starts a multicast engine for these socket types only (it refuses the others itself);
// the sending ones send, the others receive.
bool MulticastRole(void* socket, bool& send) {
  int type = 0;
  size_t length = sizeof type;
  if (zmq_getsockopt(socket, ZMQ_TYPE, &type, &length) != 0) return false;
  send = type == ZMQ_PUB || type == ZMQ_XPUB;
  return send || type == ZMQ_SUB || type == ZMQ_XSUB;
}

#ifdef ZMQ_NATIVE_PGM
// Joins or picks the multicast groups of OpenPGM's parse of the network, as its socket will: a
// receiver joins each receive group on its interface, a sender sends on its interface.
int TryGroups(const pgm_addrinfo_t& info, bool send) {
  const pgm_group_source_req* first = info.ai_recv_addrs_len > 0   ? info.ai_recv_addrs
                                      : info.ai_send_addrs_len > 0 ? info.ai_send_addrs
                                                                   : nullptr;
  if (first == nullptr) return 0;
  const int family = first->gsr_group.ss_family;
  const int probe = socket(family, SOCK_DGRAM, 0);
  if (probe < 0) return errno;
  const int level = family == AF_INET6 ? IPPROTO_IPV6 : IPPROTO_IP;
  int error = 0;
  if (!send) {
    for (uint32_t i = 0; i < info.ai_recv_addrs_len && error == 0; i++) {
      group_req request{};
      request.gr_interface = info.ai_recv_addrs[i].gsr_interface;
      std::memcpy(&request.gr_group, &info.ai_recv_addrs[i].gsr_group, sizeof request.gr_group);
      if (setsockopt(probe, level, MCAST_JOIN_GROUP, &request, sizeof request) != 0) error = errno;
    }
  } else if (info.ai_send_addrs_len > 0 && family == AF_INET) {
    ip_mreqn request{};
    request.imr_ifindex = static_cast<int>(info.ai_send_addrs[0].gsr_interface);
    if (setsockopt(probe, IPPROTO_IP, IP_MULTICAST_IF, &request, sizeof request) != 0)
      error = errno;
  } else if (info.ai_send_addrs_len > 0) {
    const unsigned index = info.ai_send_addrs[0].gsr_interface;
    if (setsockopt(probe, IPPROTO_IPV6, IPV6_MULTICAST_IF, &index, sizeof index) != 0)
      error = errno;
  }
  close(probe);
  return error;
}

// "network:port" as libzmq 4.3's pgm_socket_t::init_address reads it: OpenPGM parses the
// network; libzmq asserts on the parse failures it does not expect (at connect), and on any
// failure of the socket set up from it (on the I/O thread) — a group the interface cannot join.
int TryPgmNetwork(const std::string& address, bool send) {
  const size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon >= 255) return EINVAL;
  pgm_error_t* error = nullptr;
  if (!pgm_init(&error)) {
    if (error != nullptr) pgm_error_free(error);
    return EINVAL;
  }
  pgm_addrinfo_t* info = nullptr;
  int result = 0;
  if (!pgm_getaddrinfo(address.substr(0, colon).c_str(), nullptr, &info, &error)) {
    if (error != nullptr) pgm_error_free(error);
    result = EINVAL;
  } else {
    result = TryGroups(*info, send);
    pgm_freeaddrinfo(info);
  }
  pgm_shutdown();
  return result;
}
#endif

// pgm:// is PGM straight over IP: OpenPGM needs a raw socket, which takes CAP_NET_RAW. epgm://
// carries it over UDP.
int TryPgm(bool raw, const std::string& address, bool send) {
#if defined(_WIN32)
  (void)raw;
  (void)address;
  (void)send;
  return 0;
#else
  if (raw) {
    const int probe = socket(AF_INET, SOCK_RAW, 113 /* IPPROTO_PGM */);
    if (probe < 0) return errno == EACCES ? EPERM : errno;
    close(probe);
  }
#ifdef ZMQ_NATIVE_PGM
  return TryPgmNetwork(address, send);
#else
  (void)address;
  (void)send;
  return 0;
#endif
#endif
}

#ifdef ZMQ_NATIVE_NORM
// An IPv4 or IPv6 address in numeric form.
bool IsNumericAddress(const std::string& host) {
  unsigned char address[sizeof(struct in6_addr)];
  return inet_pton(AF_INET, host.c_str(), address) == 1 ||
         inet_pton(AF_INET6, host.c_str(), address) == 1;
}

// What libzmq 4.3's norm_engine_t::init does with "[id,][interface;]address:port", up to
// starting the receiver or sender, undone at once: NORM reports the failures libzmq asserts on.
int TryNorm(const std::string& address, bool send) {
  std::string network = address;
  NormNodeId localId = NORM_NODE_ANY;
  const size_t comma = network.find(',');
  if (comma != std::string::npos) {
    localId = static_cast<NormNodeId>(atoi(network.substr(0, comma).c_str()));
    network = network.substr(comma + 1);
  }
  std::string interfaceName;
  const size_t semicolon = network.find(';');
  if (semicolon != std::string::npos) {
    interfaceName = network.substr(0, semicolon);
    network = network.substr(semicolon + 1);
  }
  const size_t colon = network.rfind(':');
  if (colon == std::string::npos) return EINVAL;
  const std::string host = network.substr(0, colon);
  // NORM looks a name up (gethostbyname) when the session starts: here, blocking the JS thread
  // for up to the resolver's timeout, then again on libzmq's I/O thread, which aborts when that
  // lookup fails. Only numeric addresses are let through.
  if (!IsNumericAddress(host)) return EINVAL;
  const auto port = static_cast<unsigned short>(atoi(network.c_str() + colon + 1));

  NormInstanceHandle instance = NormCreateInstance();
  if (instance == NORM_INSTANCE_INVALID) return errno != 0 ? errno : ENOMEM;
  int error = 0;
  NormSessionHandle session = NormCreateSession(instance, host.c_str(), port, localId);
  if (session == NORM_SESSION_INVALID) {
    error = errno != 0 ? errno : EINVAL;
  } else {
    if (!NormIsUnicastAddress(host.c_str())) {
      NormSetRxPortReuse(session, true);
      NormSetLoopback(session, true);
      if (!interfaceName.empty()) NormSetMulticastInterface(session, interfaceName.c_str());
    }
    errno = 0;
    const bool started =
        send ? NormStartSender(session, NormGetRandomSessionId(), 2 * 1024 * 1024, 1400, 16, 4)
             : NormStartReceiver(session, 2 * 1024 * 1024);
    if (!started) error = errno != 0 ? errno : EINVAL;
  }
  NormDestroyInstance(instance);  // the session with it
  return error;
}
#endif

}  // namespace

int TryTransport(void* socket, const std::string& endpoint) {
  const size_t scheme = endpoint.find("://");
  if (scheme == std::string::npos) return 0;
  const std::string transport = endpoint.substr(0, scheme);
  if (transport != "pgm" && transport != "epgm" && transport != "norm") return 0;
  bool send = false;
  if (!MulticastRole(socket, send)) return 0;
  const std::string address = endpoint.substr(scheme + 3);
  if (transport != "norm") return TryPgm(transport == "pgm", address, send);
#ifdef ZMQ_NATIVE_NORM
  return TryNorm(address, send);
#else
  return 0;
#endif
}

}  // namespace zmqn
