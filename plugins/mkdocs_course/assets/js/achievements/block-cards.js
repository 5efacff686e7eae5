// Each block's card on the achievements page: its status, its badge (in colour once earned,
// greyed before) and, once passed, the badge downloads.
import { runAction, statusMessages } from "../action-button.js";
import { formatDate } from "../dates.js";
import { el, screenReaderText } from "../dom.js";
import { passOf } from "../badges/eligibility.js";

const button = (text, primary, ...hidden) =>
  el("button", { type: "button", class: `md-button${primary ? " md-button--primary" : ""}` }, text, ...hidden);

function statusText(entry, locale) {
  if (entry?.passed) {
    const when = entry.passedAt ? ` on ${formatDate(entry.passedAt, locale)}.` : ".";
    return `Passed with a best score of ${entry.bestScore}%${when}`;
  }
  return "Not passed yet" + (entry?.attempts ? ` (best score so far ${entry.bestScore || 0}%).` : ".");
}

function badgeArtwork(block, earned, absolute) {
  const label = `${earned ? "Badge earned" : "Badge not earned yet"}: ${block.title}`;
  const image = el("img", { src: absolute(block.badgeUrl), alt: label, width: "600", height: "600" });
  return earned ? [image] : [image, el("p", {}, "Pass the quiz to earn this badge.")];
}

function badgeDownloads(block, makeBadge) {
  const { nodes, say } = statusMessages();
  const png = button("Download badge", true, screenReaderText(` for block ${block.number}`));
  const svg = button("Download SVG", false, screenReaderText(` badge for block ${block.number}`));
  const failure = (error) => `The badge could not be made: ${error.message}`;
  // Where a badge made without a name says how to add one (badges/actions.js fills it).
  const notice = el("div", { "aria-live": "polite" });
  png.addEventListener("click", () => runAction(png, say, "Making your badge…", () => makeBadge(block, "png", notice), failure));
  svg.addEventListener("click", () => runAction(svg, say, "Making your badge…", () => makeBadge(block, "svg", notice), failure));
  return [el("div", { class: "course-achievements__actions" }, png, " ", svg), ...nodes, notice];
}

/**
 * Shows one block's card as the record says.
 * @param {HTMLElement} card the block's `li[data-block-id]` written by the build
 * @param {object} block the block from the course data
 * @param {object} record the learner's record
 * @param {{locale?: string, absolute: (url: string) => string,
 *   makeBadge: (block: object, format: string, notice: HTMLElement) => Promise<string>}} tools
 */
export function renderBlockCard(card, block, record, { locale, absolute, makeBadge }) {
  const entry = record.blocks[block.id];
  const earned = Boolean(passOf(record, block.id));
  card.classList.toggle("course-passed", Boolean(entry?.passed));
  card.querySelector("[data-block-status]")?.replaceChildren(
    el("span", { "aria-hidden": "true" }, entry?.passed ? "✓ " : "○ "),
    statusText(entry, locale),
  );
  const artwork = card.querySelector("[data-block-badge]");
  if (artwork && block.badgeUrl) {
    artwork.classList.toggle("course-badge--locked", !earned);
    artwork.replaceChildren(...badgeArtwork(block, earned, absolute));
  }
  const actions = card.querySelector("[data-block-actions]");
  actions?.replaceChildren(...(earned && block.badgeUrl ? badgeDownloads(block, makeBadge) : []));
}

/** What a card shows, as a key: a card is drawn again only when it changes (focus stays put). */
export function blockCardKey(block, record) {
  const entry = record.blocks[block.id];
  return JSON.stringify([entry?.passed, entry?.bestScore, entry?.passedAt, entry?.attempts, Boolean(passOf(record, block.id))]);
}
