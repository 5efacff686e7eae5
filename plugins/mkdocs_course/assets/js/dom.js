// Builds DOM from trusted structure and plain text: strings become text nodes, never HTML.
export const el = (tag, attrs, ...kids) => {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  e.append(...kids);
  return e;
};
