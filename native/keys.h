// CURVE keys and libzmq's Z85 encoding: key pairs, a secret key's public key, Z85 both ways.
#pragma once

#include <napi.h>

namespace zmqn {

// Adds curveKeyPair, curvePublic, z85Encode and z85Decode to the addon's exports.
void DefineKeys(Napi::Env env, Napi::Object exports);

}  // namespace zmqn
