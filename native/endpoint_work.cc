// bind and unbind off the JS thread (see endpoint_work.h).
#include "endpoint_work.h"

#include <zmq.h>

#include "errors.h"
#include "interrupted.h"
#include "socket.h"
#include "transport-trial.h"

namespace zmqn {

namespace {

class EndpointWork : public Napi::AsyncWorker {
 public:
  EndpointWork(Napi::Env env, napi_deferred deferred, Socket* socket, Napi::Object owner,
               EndpointCall call, std::string address, bool starts)
      : Napi::AsyncWorker(env, "zmq-native:endpoint"),
        deferred_(deferred),
        owner_(Napi::Persistent(owner)),
        socket_(socket),
        call_(call),
        address_(std::move(address)),
        starts_(starts) {}

 protected:
  // Runs on a thread-pool thread: only libzmq, under the socket's endpoint lock.
  void Execute() override {
    auto lock = socket_->LockForEndpointWork();
    void* handle = socket_->Handle();
    if (handle == nullptr) {
      error_ = EBADF;
      return;
    }
    if (starts_ && (error_ = TryTransport(handle, address_)) != 0) return;
    if (RetryInterrupted([&] { return call_(handle, address_.c_str()); }) != 0)
      error_ = zmq_errno();
  }

  void OnOK() override {
    auto env = Env();
    socket_->EndEndpointWork();
    if (error_ == 0) {
      napi_resolve_deferred(env, deferred_, env.Undefined());
      return;
    }
    auto error = ZmqError(env, error_);
    error.Set("address", address_);
    napi_reject_deferred(env, deferred_, error.Value());
  }

 private:
  napi_deferred deferred_;
  // The JS socket: it cannot be collected, and so not closed by its finalizer, while the call
  // runs.
  Napi::ObjectReference owner_;
  Socket* socket_;
  EndpointCall call_;
  std::string address_;
  bool starts_;
  int error_ = 0;
};

}  // namespace

Napi::Value StartEndpointWork(Napi::Env env, Socket* socket, Napi::Object owner, EndpointCall call,
                              std::string address, bool starts) {
  auto pending = NewPromise(env);
  if (!pending) return Napi::Value();
  auto* work =
      new EndpointWork(env, pending->deferred, socket, owner, call, std::move(address), starts);
  socket->BeginEndpointWork();
  work->Queue();
  return Napi::Value(env, pending->promise);
}

}  // namespace zmqn
