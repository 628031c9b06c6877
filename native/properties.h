// Received messages with their metadata properties (zmq_msg_gets): User-Id, Peer-Address,
// Socket-Type, Routing-Id and what the ZAP handler added. The opt-in receive path; the default
// one (native/socket.cc) never reads properties.
#pragma once

#include <napi.h>

namespace zmqn {

// Adds receiveWithProperties to the addon's exports.
void DefineProperties(Napi::Env env, Napi::Object exports);

}  // namespace zmqn
