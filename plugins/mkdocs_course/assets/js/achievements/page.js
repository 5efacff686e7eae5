// The achievements page: each block's card with its badge, the statement of participation once
// every block is passed, and the progress file (save, restore, delete). The badge and PDF code
// loads on the first button press, not with the page.
import { addStylesheet, el } from "../dom.js";
import { message } from "../messages.js";
import { blockCardKey, renderBlockCard } from "./block-cards.js";
import { progressSection } from "./progress-section.js";
import { setAsideSection } from "./set-aside-section.js";
import { statementSection } from "./statement-section.js";

export { openStore } from "../store.js";

const actions = () => import("../badges/actions.js");
const progressActions = () => import("./progress-actions.js");
const statementActions = () => import("../badges/statement-actions.js");

/**
 * Mounts the achievements page's widgets in the parts the build wrote.
 * @param {HTMLElement} node the `[data-course-achievements]` element
 * @param {{course: object, store: object, siteRoot: URL}} context
 * @returns {() => void} shows the page again as the record now says
 */
export function mount(node, { course, store, siteRoot }) {
  addStylesheet(new URL("../../css/achievements.css", import.meta.url).href);
  node.classList.add("course-widget");
  const absolute = (url) => new URL(url, siteRoot).href;
  const badgeUrls = (block) => ({ svgUrl: absolute(block.badgeUrl), credentialUrl: absolute(block.credentialUrl) });
  const makeBadge = async (block, format, notice) => {
    const { downloadBadge } = await actions();
    const badge = await downloadBadge({ courseData: course, block, record: store.get(), format, notice, siteRoot, ...badgeUrls(block) });
    return message("achievements.badge_saved", { number: block.number, filename: badge.filename });
  };
  const makeStatement = async (name) => {
    const { downloadStatement } = await statementActions();
    const record = store.get();
    const made = await downloadStatement({ courseData: course, record, name, svgUrlFor: (block) => absolute(block.badgeUrl) });
    return message("achievements.statement_saved", { filename: made.filename });
  };
  const cardTools = { locale: course.locale, absolute, makeBadge };
  const shownCards = new Map(); // a card is drawn again only when it changes, so focus stays put
  const statementBox = node.querySelector("[data-course-statement]");
  const showStatement = statementBox ? statementSection(statementBox, { course, store, absolute, makeStatement }) : () => {};

  const render = () => {
    const record = store.get();
    for (const card of node.querySelectorAll("li[data-block-id]")) {
      const block = course.blocks.find((candidate) => candidate.id === card.dataset.blockId);
      if (!block || shownCards.get(card) === blockCardKey(block, record)) continue;
      shownCards.set(card, blockCardKey(block, record));
      renderBlockCard(card, block, record, cardTools);
    }
    showStatement(record);
    showSetAside(record);
  };
  // The store announces every save (course:record-saved), so course.js updates the progress bar
  // and navigation itself; other tabs get a storage event.
  const changed = () => render();
  const progressBox = node.querySelector("[data-course-record]");
  let showSetAside = () => {};
  if (progressBox) {
    progressSection(progressBox, { course, store, actions: progressActions, siteUrl: course.siteUrl || siteRoot.href, changed });
    const setAsideBox = el("div", { class: "course-set-aside" });
    progressBox.append(setAsideBox);
    showSetAside = setAsideSection(setAsideBox, { course, store, actions: progressActions });
  }
  render();
  return render;
}
