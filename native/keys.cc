// CURVE keys and libzmq's Z85 encoding: key pairs, a secret key's public key, Z85 both ways.
// lib/auth/keys.ts validates every argument (lengths, alphabet) before calling these; here
// only the types are checked, so that no call can read a value as what it is not.
#include "keys.h"

#include <zmq.h>

#include <string>
#include <vector>

#include "errors.h"

namespace zmqn {

// curveKeyPair() → { publicKey, secretKey } as Z85 text.
static Napi::Value CurveKeyPair(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  char publicKey[41], secretKey[41];
  if (zmq_curve_keypair(publicKey, secretKey) != 0) {
    ThrowLastError(env);
    return Napi::Value();
  }
  auto result = Napi::Object::New(env);
  result.Set("publicKey", publicKey);
  result.Set("secretKey", secretKey);
  return result;
}

// curvePublic(secretKey: 40 Z85 characters) → the public key as Z85 text.
static bool ArgumentIs(const Napi::CallbackInfo& info, bool is, const char* expected) {
  if (!is) Throw(Napi::TypeError::New(info.Env(), std::string("Expected ") + expected));
  return is;
}

static Napi::Value CurvePublic(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!ArgumentIs(info, info[0].IsString(), "a Z85 secret key")) return Napi::Value();
  const std::string secretKey = info[0].As<Napi::String>().Utf8Value();
  char publicKey[41];
  if (zmq_curve_public(publicKey, secretKey.c_str()) != 0) {
    ThrowLastError(env);
    return Napi::Value();
  }
  return Napi::String::New(env, publicKey);
}

// z85Encode(bytes: Buffer, length a multiple of 4) → Z85 text.
static Napi::Value Z85Encode(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!ArgumentIs(info, info[0].IsBuffer(), "a Buffer")) return Napi::Value();
  auto bytes = info[0].As<Napi::Buffer<uint8_t>>();
  std::vector<char> text(bytes.Length() / 4 * 5 + 1);
  if (zmq_z85_encode(text.data(), bytes.Data(), bytes.Length()) == nullptr) {
    ThrowLastError(env);
    return Napi::Value();
  }
  return Napi::String::New(env, text.data(), text.size() - 1);
}

// z85Decode(text: ASCII, length a multiple of 5) → Buffer, or null when libzmq rejects the
// text (a character outside the alphabet, or a group above 2^32 - 1).
static Napi::Value Z85Decode(const Napi::CallbackInfo& info) {
  auto env = info.Env();
  if (!ArgumentIs(info, info[0].IsString(), "Z85 text")) return Napi::Value();
  const std::string text = info[0].As<Napi::String>().Utf8Value();
  auto bytes = Napi::Buffer<uint8_t>::New(env, text.size() / 5 * 4);
  if (bytes.IsEmpty()) return Napi::Value();  // A terminating worker (errors.h).
  if (zmq_z85_decode(bytes.Data(), text.c_str()) == nullptr) return env.Null();
  return bytes;
}

void DefineKeys(Napi::Env env, Napi::Object exports) {
  exports.Set("curveKeyPair", Napi::Function::New<CurveKeyPair>(env, "curveKeyPair"));
  exports.Set("curvePublic", Napi::Function::New<CurvePublic>(env, "curvePublic"));
  exports.Set("z85Encode", Napi::Function::New<Z85Encode>(env, "z85Encode"));
  exports.Set("z85Decode", Napi::Function::New<Z85Decode>(env, "z85Decode"));
}

}  // namespace zmqn
