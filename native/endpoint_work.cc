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
  EndpointWork(Napi::Env env, Socket* socket, Napi::Object owner, EndpointCall call,
               std::string address, bool starts)
      : Napi::AsyncWorker(env, "zmq-native:endpoint"),
        deferred_(Napi::Promise::Deferred::New(env)),
        owner_(Napi::Persistent(owner)),
        socket_(socket),
        call_(call),
        address_(std::move(address)),
        starts_(starts) {}

  Napi::Promise Promise() const { return deferred_.Promise(); }

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
      deferred_.Resolve(env.Undefined());
      return;
    }
    auto error = ZmqError(env, error_);
    error.Set("address", address_);
    deferred_.Reject(error.Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
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
  auto* work = new EndpointWork(env, socket, owner, call, std::move(address), starts);
  auto promise = work->Promise();
  socket->BeginEndpointWork();
  work->Queue();
  return promise;
}

}  // namespace zmqn
