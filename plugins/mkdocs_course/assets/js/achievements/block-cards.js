// Each block's card on the achievements page: its status, its badge (in colour once earned,
// greyed before) and, once passed, the badge downloads.
import { actionButton, runAction, statusMessages } from "../action-button.js";
import { formatDate } from "../dates.js";
import { el } from "../dom.js";
import { passOf } from "../badges/eligibility.js";
import { message } from "../messages.js";
import { messagesLocale } from "../message-formats.js";

/**
 * A score as the locale writes a percentage ("80%", "80 %", "٨٠٪").
 * @param {number} score from 0 to 100
 * @returns {string}
 */
function formatPercent(score) {
  return new Intl.NumberFormat(messagesLocale(), { style: "percent", maximumFractionDigits: 2 }).format((Number(score) || 0) / 100);
}

function statusText(entry, locale) {
  if (entry?.passed) {
    const score = formatPercent(entry.bestScore);
    if (!entry.passedAt) return message("achievements.passed", { score });
    return message("achievements.passed_on", { score, date: formatDate(entry.passedAt, locale) });
  }
  if (!entry?.attempts) return message("achievements.not_passed");
  return message("achievements.not_passed_best", { score: formatPercent(entry.bestScore) });
}

function badgeArtwork(block, earned, absolute) {
  const label = message(earned ? "achievements.badge_earned" : "achievements.badge_not_earned", { title: block.title });
  const image = el("img", { src: absolute(block.badgeUrl), alt: label, width: "600", height: "600" });
  return earned ? [image] : [image, el("p", {}, message("achievements.earn_badge_hint"))];
}

function badgeDownloads(block, makeBadge) {
  const { nodes, say } = statusMessages();
  const number = block.number;
  const png = actionButton(message("achievements.download_badge"), { primary: true, label: message("achievements.download_badge_label", { number }) });
  const svg = actionButton(message("achievements.download_svg"), { label: message("achievements.download_svg_label", { number }) });
  const failure = (error) => message("achievements.badge_not_made", { error: error.message });
  const making = message("achievements.making_badge");
  // Where a badge made without a name says how to add one (badges/actions.js fills it).
  const notice = el("div", { "aria-live": "polite" });
  png.addEventListener("click", () => runAction(png, say, making, () => makeBadge(block, "png", notice), failure));
  svg.addEventListener("click", () => runAction(svg, say, making, () => makeBadge(block, "svg", notice), failure));
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
