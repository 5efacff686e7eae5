// Bakes a signed credential into an SVG badge as Open Badges 3.0 says for VC-JWT: the openbadges
// namespace on the root, and as the root's first child an empty <openbadges:credential> whose
// `verify` attribute holds the compact JWS.

export const OB3_NS = "https://purl.imsglobal.org/ob/v3p0";
const XMLNS = "http://www.w3.org/2000/xmlns/";
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * @param {string} svgText  the badge artwork
 * @param {string} token  the credential as a compact JWS (signing.js)
 * @returns {string} the SVG document with the credential embedded (any earlier one replaced)
 */
export function bakeSvg(svgText, token) {
  if (!COMPACT_JWS.test(token)) throw new Error("the credential to bake is not a compact JWS");
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const root = doc.documentElement;
  if (doc.getElementsByTagName("parsererror").length || root.localName !== "svg") {
    throw new Error("the badge artwork is not an SVG document");
  }
  for (const old of [...root.getElementsByTagNameNS(OB3_NS, "credential")]) old.remove();
  root.setAttributeNS(XMLNS, "xmlns:openbadges", OB3_NS);
  const element = doc.createElementNS(OB3_NS, "openbadges:credential");
  element.setAttribute("verify", token);
  root.insertBefore(element, root.firstChild);
  return new XMLSerializer().serializeToString(doc);
}
