// Security: CURVE keys and Z85, certificate files, and the ZAP authenticator (docs/security.md).
export {curveKeyPair, curvePublic, z85Decode, z85Encode, type CurveKey} from "./keys"
export {
  createCertificate,
  loadCertificate,
  loadCertificates,
  type Certificate,
  type CertificateError,
  type CertificateFiles,
} from "./certificates"
