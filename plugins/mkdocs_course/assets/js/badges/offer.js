// The way on after a pass, on the quiz result: the block's badge ("Download badge") and the next
// block, or, once every block is passed, the achievements page with the statement. Loaded only
// once a block is passed; the badge code itself loads only when the button is pressed.
import { runAction, statusMessages } from "../action-button.js";
import { el } from "../dom.js";
import { message } from "../messages.js";
import { formatList } from "../message-formats.js";
import { isPass } from "../record-passes.js";

// The badge button for a passed block, with its announced status and, after it, the notice a
// badge without a name gets; none when the block has no badge.
function badgeButton({ course, block, store, absolute, siteRoot }) {
  if (!block.badgeUrl) return { controls: [], notice: [] };
  const { nodes, say } = statusMessages();
  // Where a badge made before the learner gave a name says how to add one (actions.js).
  const notice = el("div", { class: "course-quiz__badge-notice", "aria-live": "polite" });
  const download = el("button", { type: "button", class: "md-button" }, message("badge.download"));
  download.addEventListener("click", () =>
    runAction(download, say, message("badge.making"), async () => {
      const { downloadBadge } = await import("./actions.js");
      const made = await downloadBadge({
        courseData: course, block, record: store.get(),
        svgUrl: absolute(block.badgeUrl), credentialUrl: absolute(block.credentialUrl),
        notice, siteRoot,
      });
      return message("badge.saved", { filename: made.filename });
    }, (error) => message("badge.failed", { error: error.message })),
  );
  return { controls: [download, " ", ...nodes], notice: [notice] };
}

// The next block to pass: the first after this one, else the first before it; null when all are.
function nextBlock(blocks, index, passed) {
  const after = [...blocks.slice(index + 1), ...blocks.slice(0, index)];
  return after.find((block) => !passed(block)) ?? null;
}

/**
 * What a learner who passed a block does next: download its badge, and go on to the next block
 * (the primary button), with the blocks still to pass named; or, when every block is passed, get
 * the statement from the achievements page.
 * @param {{course: object, blockId: string, store: object, siteRoot: URL}} context
 * @returns {HTMLElement}
 */
export function passOffer({ course, blockId, store, siteRoot }) {
  const absolute = (url) => new URL(url, siteRoot).href;
  const record = store.get();
  const passed = (block) => block.id === blockId || isPass(record.blocks[block.id]);
  const index = course.blocks.findIndex((candidate) => candidate.id === blockId);
  const block = course.blocks[index];
  const achievements = course.achievementsUrl ? absolute(course.achievementsUrl) : null;
  const allBadges = achievements ? [" ", el("a", { href: achievements }, message("badge.all_achievements"))] : [];
  const offer = el("div", { class: "course-quiz__next" });
  if (block?.badgeUrl) offer.append(el("p", {}, message("badge.earned"), ...allBadges));
  const next = block ? nextBlock(course.blocks, index, passed) : null;
  if (next) {
    const remaining = course.blocks.filter((candidate) => !passed(candidate)).map((candidate) => candidate.title);
    offer.append(el("p", {}, message("badge.still_to_pass", { blocks: formatList(remaining) })));
    const badge = badgeButton({ course, block, store, absolute, siteRoot });
    const nextLink = el("a", { href: absolute(next.url), class: "md-button md-button--primary" }, message("badge.next_block", { title: next.title }));
    offer.append(el("p", {}, nextLink, " ", ...badge.controls), ...badge.notice);
  } else {
    const statement = achievements ? [" ", el("a", { href: achievements }, message("badge.get_statement"))] : [];
    offer.append(el("p", {}, el("strong", {}, message("badge.passed_every_block")), ...statement));
    if (block) {
      const badge = badgeButton({ course, block, store, absolute, siteRoot });
      offer.append(el("p", {}, ...badge.controls), ...badge.notice);
    }
  }
  return offer;
}
