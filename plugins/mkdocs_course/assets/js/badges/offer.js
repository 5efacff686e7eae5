// "Download badge" on the quiz result after a pass. Loaded only once a block is passed; the
// badge code itself loads only when the button is pressed.
import { el } from "../course.js";

export function badgeOffer({ course, blockId, store, site }) {
  const b = course.blocks.find((x) => x.id === blockId);
  if (!b?.badgeUrl) return "";
  const say = el("p", { role: "status" });
  const btn = el("button", { type: "button", class: "md-button" }, "Download badge");
  const abs = (u) => new URL(u, site).href;
  btn.onclick = async () => {
    if (btn.getAttribute("aria-disabled")) return;
    btn.setAttribute("aria-disabled", "true");
    say.textContent = "Making your badge…";
    try {
      const { downloadBadge } = await import("./actions.js");
      const made = await downloadBadge({ courseData: course, block: b, record: store.get(), svgUrl: abs(b.badgeUrl), credentialUrl: abs(b.credentialUrl) });
      say.textContent = `Your badge is saved in your downloads as ${made.filename}.`;
    } catch (e) {
      say.textContent = `The badge could not be made: ${e.message}`;
    }
    btn.removeAttribute("aria-disabled");
  };
  const more = course.achievementsUrl ? [" ", el("a", { href: abs(course.achievementsUrl) }, "All your badges and achievements")] : [];
  return el("div", { class: "course-quiz__badge" }, el("p", {}, "You have earned the badge for this block.", ...more), btn, say);
}
