// "Download badge" on the quiz result after a pass. Loaded only once a block is passed; the
// badge code itself loads only when the button is pressed.
import { runAction, statusMessages } from "../action-button.js";
import { el } from "../dom.js";

/**
 * The badge offer for a passed block, or null when the block has no badge.
 * @param {{course: object, blockId: string, store: object, siteRoot: URL}} context
 * @returns {HTMLElement|null}
 */
export function badgeOffer({ course, blockId, store, siteRoot }) {
  const block = course.blocks.find((candidate) => candidate.id === blockId);
  if (!block?.badgeUrl) return null;
  const absolute = (url) => new URL(url, siteRoot).href;
  const { nodes, say } = statusMessages();
  const download = el("button", { type: "button", class: "md-button" }, "Download badge");
  download.addEventListener("click", () =>
    runAction(download, say, "Making your badge…", async () => {
      const { downloadBadge } = await import("./actions.js");
      const made = await downloadBadge({
        courseData: course, block, record: store.get(),
        svgUrl: absolute(block.badgeUrl), credentialUrl: absolute(block.credentialUrl),
      });
      return `Your badge is saved in your downloads as ${made.filename}.`;
    }, (error) => `The badge could not be made: ${error.message}`),
  );
  const allBadges = course.achievementsUrl
    ? [" ", el("a", { href: absolute(course.achievementsUrl) }, "All your badges and achievements")]
    : [];
  return el("div", { class: "course-quiz__badge" }, el("p", {}, "You have earned the badge for this block.", ...allBadges), download, ...nodes);
}
