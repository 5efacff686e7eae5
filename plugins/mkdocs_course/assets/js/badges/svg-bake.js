// Bakes a credential into an SVG badge as Open Badges 3.0 says: the openbadges namespace on the
// root and <openbadges:credential> holding the JSON in CDATA as the root's first child.

export const OB3_NS = "https://purl.imsglobal.org/ob/v3p0";
const XMLNS = "http://www.w3.org/2000/xmlns/";

/** @returns {string} the SVG document with `credential` embedded (any earlier one replaced). */
export function bakeSvg(svgText, credential) {
  const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const root = doc.documentElement;
  if (doc.getElementsByTagName("parsererror").length || root.localName !== "svg") {
    throw new Error("the badge artwork is not an SVG document");
  }
  for (const old of [...root.getElementsByTagNameNS(OB3_NS, "credential")]) old.remove();
  root.setAttributeNS(XMLNS, "xmlns:openbadges", OB3_NS);
  const element = doc.createElementNS(OB3_NS, "openbadges:credential");
  // "]]>" can only occur inside a JSON string, where ">" may be written \u003e.
  const json = JSON.stringify(credential).replaceAll("]]>", "]]\\u003e");
  element.appendChild(doc.createCDATASection(json));
  root.insertBefore(element, root.firstChild);
  return new XMLSerializer().serializeToString(doc);
}
