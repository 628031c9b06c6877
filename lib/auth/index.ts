// Security: CURVE keys and Z85, certificate files, and the ZAP authenticator (docs/security.md).
export {curveKeyPair, curvePublic, z85Decode, z85Encode, type CurveKey, type CurveKeyPair} from "./keys"
export {
  createCertificate,
  loadCertificate,
  loadCertificates,
  type Certificate,
  type CertificateError,
  type CertificateFiles,
} from "./certificates"
export {type AuthDecision, type AuthPolicy, type CurvePolicy} from "./policy"
export {type AuthRequest, type Mechanism, type ZapStatus} from "./zap"
export {Authenticator, type AuthEvent, type AuthenticatorOptions} from "./authenticator"
