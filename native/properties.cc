// Received messages with their metadata properties (zmq_msg_gets): User-Id, Peer-Address,
// Socket-Type, Routing-Id and what the ZAP handler added. The opt-in receive path; the default
// one (native/socket.cc) never reads properties. Runs on the JS thread.
#include "properties.h"

#include <zmq.h>

#include <string>
#include <vector>

#include "errors.h"
#include "message.h"
#include "socket.h"
#include "tagged.h"

namespace zmqn {

// receiveWithProperties(socket, names) → [frames, values] for one whole message, values[i]
// being property names[i] (a string) or null where the message has none; undefined when no
// message is ready. Every frame of a message comes through the same connection, so the
// properties are read from the first.
static Napi::Value ReceiveWithProperties(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  auto* socket = Unwrapped<Socket>(env, info[0]);
  if (socket == nullptr || !info[1].IsArray()) {
    Throw(Napi::TypeError::New(
        env, "receiveWithProperties(socket, names): a native Socket and an array"));
    return Napi::Value();
  }
  if (!socket->EnsureOpen(env)) return Napi::Value();
  auto given = info[1].As<Napi::Array>();
  std::vector<std::string> names;
  for (uint32_t i = 0; i < given.Length(); i++) {
    // An empty name: a terminating worker, whose property reads fail (errors.h).
    const Napi::Value name = given.Get(i);
    if (!name.IsString()) {
      Throw(Napi::TypeError::New(env, "receiveWithProperties: property names must be strings"));
      return Napi::Value();
    }
    names.push_back(name.As<Napi::String>().Utf8Value());
  }
  Napi::Array frames;
  Napi::Array values;
  for (uint32_t index = 0;; index++) {
    zmq_msg_t msg;
    zmq_msg_init(&msg);
    if (zmq_msg_recv(&msg, socket->Handle(), ZMQ_DONTWAIT) < 0) {
      const int error = zmq_errno();
      zmq_msg_close(&msg);
      // The parts of a multipart message arrive together: EAGAIN only before the first.
      if (error == EAGAIN && index == 0) return env.Undefined();
      Throw(ZmqError(env, error));
      return Napi::Value();
    }
    const bool more = zmq_msg_more(&msg);
    if (index == 0) {
      frames = Napi::Array::New(env, more ? 2 : 1);
      values = Napi::Array::New(env, names.size());
      for (uint32_t i = 0; i < names.size(); i++) {
        const char* value = zmq_msg_gets(&msg, names[i].c_str());
        values.Set(i, value != nullptr ? Napi::Value(Napi::String::New(env, value)) : env.Null());
      }
    }
    frames.Set(index, FrameToBuffer(env, &msg));
    if (!more) break;
  }
  auto result = Napi::Array::New(env, 2);
  result.Set(0u, frames);
  result.Set(1u, values);
  return result;
}

void DefineProperties(Napi::Env env, Napi::Object exports) {
  exports.Set("receiveWithProperties",
              Napi::Function::New<ReceiveWithProperties>(env, "receiveWithProperties"));
}

}  // namespace zmqn
