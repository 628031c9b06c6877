// bind and unbind off the JS thread: libzmq resolves a host name inside zmq_bind, so the call
// runs on libuv's thread pool and the event loop never waits for DNS. While one runs the
// socket belongs to that thread, as in zeromq v6: other operations are refused with EBUSY
// (Socket::EnsureOpen), options wait for the call to return, the socket's poll ignores its
// wake-ups, and closing the socket waits for it too (lib/ defers a close() until it settles).
#pragma once

#include <napi.h>

#include <string>

namespace zmqn {

class Socket;

using EndpointCall = int (*)(void*, const char*);

// Starts `call(socket, address)` on the thread pool (EINTR retried; `starts`: the call may start a
// multicast engine, tried first as transport-trial.h says); the returned promise settles on the
// JS thread: undefined, or libzmq's error naming the address.
Napi::Value StartEndpointWork(Napi::Env env, Socket* socket, Napi::Object owner, EndpointCall call,
                              std::string address, bool starts);

}  // namespace zmqn
