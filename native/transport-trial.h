// Multicast transports whose engine libzmq starts after connect/bind returned, on an I/O thread,
// asserting — aborting the process — when that fails (pgm, epgm, norm): tried on the JS thread
// first, so that connect and bind fail with the errno instead.
#pragma once

#include <string>

namespace zmqn {

// 0 when `endpoint` may be given to libzmq's connect or bind on `socket`, else the errno its
// engine would fail with there (EPERM: pgm:// without raw sockets; for norm://, whatever NORM
// reports: EADDRINUSE, ENODEV, EINVAL, ...). Other transports: 0 at once. A trial cannot see
// an engine this process asked for an instant ago that has yet to start: two norm sockets of
// one process connected to one unicast port within that instant still abort.
int TryTransport(void* socket, const std::string& endpoint);

}  // namespace zmqn
