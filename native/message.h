// Moves message bytes between JS values and libzmq messages: outgoing frames from strings and
// binary views (large ones without copying), incoming frames as Buffers (large ones wrapping
// libzmq's memory).
#pragma once

#include <napi.h>
#include <uv.h>
#include <zmq.h>

#include "util/cross-thread-queue.h"

namespace zmqn {

// Frames at least this large travel without copying, in both directions.
constexpr size_t kZeroCopyThreshold = 8192;

// References to JS buffers whose bytes libzmq borrowed. libzmq lets go of them on its I/O
// threads; the references may only be deleted on the JS thread, so each borrowed buffer holds a
// sender of a cross-thread queue (util/cross-thread-queue.h) that returns its reference there.
class ReleaseQueue {
 public:
  void Start(Napi::Env env);
  // JS thread, at environment teardown, after the sockets closed: waits up to timeoutMs for
  // libzmq to give back the buffers it still borrows (a closed socket drops its queue on an I/O
  // thread, a moment later). True when none is left.
  bool AwaitReturns(int timeoutMs);
  // JS thread, at environment teardown. Later releases from libzmq are dropped (the
  // references die with the environment).
  void Stop();
  // lendable(arrayBuffer) → boolean, from lib/lending.ts: whether a large frame's ArrayBuffer
  // may be lent to libzmq, making sure (where it says yes) that it cannot be detached while
  // lent. Until it is set, nothing is lent.
  void SetLendable(Napi::Function lendable);

 private:
  // Each buffer libzmq borrows holds one sender until it is returned.
  CrossThreadQueue<napi_ref> returns_;
  // Whether large frames may be lent to libzmq at all. Only the main thread's environment does:
  // a worker's memory is freed when the worker ends, while the default context — shared with
  // the main thread and other workers, so not terminated then — may still hold a frame (in an
  // I/O thread's encoder, or over inproc in another thread's socket, read there without a
  // copy). Workers copy instead. The main thread's environment ends with the process.
  bool lend_ = false;
  Napi::FunctionReference lendable_;

  friend int InitBytes(Napi::Env, ReleaseQueue&, napi_value, napi_value, void*, size_t, zmq_msg_t*);
};

// Result of preparing an outgoing frame.
// Failed: libzmq could not allocate the frame (ENOMEM); msg was not initialised.
enum class FrameStatus { Ok, Unsupported, Failed };

// Fills msg with value's bytes: null/undefined (empty), string (UTF-8), any TypedArray,
// DataView or ArrayBuffer. Anything else is Unsupported, for the caller to report.
FrameStatus InitFrame(Napi::Env env, ReleaseQueue& releases, napi_value value, zmq_msg_t* msg);

// The bytes a TypedArray (a Buffer: the common case) views, in one N-API call; false, with no
// exception pending, for anything else.
bool TypedArrayBytes(napi_env env, napi_value value, void** data, size_t* length,
                     napi_value* arrayBuffer);
// The bytes a DataView views; false, with no exception pending, for anything else.
bool DataViewBytes(napi_env env, napi_value value, void** data, size_t* length,
                   napi_value* arrayBuffer);

// Fills msg from value when it is a TypedArray (a Buffer: the common case, one N-API call);
// Unsupported, with msg untouched, for anything else; Failed (ENOMEM) when allocation failed.
FrameStatus InitTypedArrayFrame(Napi::Env env, ReleaseQueue& releases, napi_value value,
                                zmq_msg_t* msg);

// A Buffer holding the frame's bytes; takes ownership of msg's content.
Napi::Value FrameToBuffer(Napi::Env env, zmq_msg_t* msg);

// Several received frames as one Buffer (a "slab"), closing every msg: an Int32 header —
// the frame count, then per frame (length << 1 | more) for a frame copied into the slab, or
// (-1 - more) for a large frame handed over as its own zero-copy Buffer, stored in order
// into `large` — followed by the copied bytes. One allocation for a batch of small frames
// instead of one per frame; lib/socket.ts cuts the slab into views.
Napi::Value FramesToSlab(Napi::Env env, zmq_msg_t* msgs, const bool* more, size_t count,
                         napi_value large);

}  // namespace zmqn
