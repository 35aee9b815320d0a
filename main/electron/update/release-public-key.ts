/**
 * The release key's public half (Ed25519, SPKI PEM): every update artifact
 * must carry a `kioskSignature` by its private half (see
 * update-signature.ts). The private key never enters this repository: it is
 * held by the release signing machine. This placeholder's private half was
 * discarded, so until a deployment builds in its own release key no update
 * can be installed (fails safe).
 */
export const RELEASE_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAZ75oaGXZnoCqGb86JeObwjlSyjIFKcqjr1KrJkI1ay8=
-----END PUBLIC KEY-----
`;
