import type { Page } from 'playwright-core';

/**
 * What sticks out sideways on the page as it is now, or null when nothing
 * does: the document wider than the window (`scrollWidth > innerWidth`), or
 * an open dialog cut off (wider than the window, or its fixed backdrop
 * scrolling sideways: that never widens the document, so it is checked on
 * its own). The report names the widest offender: of the elements whose
 * right edge passes the window's and that no narrower scroll box clips, the
 * deepest of those reaching furthest, with its width and its path.
 */
export async function horizontalOverflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > vw) problems.push(`the page is ${doc.scrollWidth}px wide`);
    for (const dialog of document.querySelectorAll<HTMLElement>('[role="dialog"]')) {
      const r = dialog.getBoundingClientRect();
      const layer = dialog.parentElement;
      const name = dialog.getAttribute('aria-label') ?? dialog.querySelector('h2')?.textContent;
      if (r.left < 0 || r.right > vw + 0.5)
        problems.push(`dialog "${name}" spans ${Math.round(r.left)}..${Math.round(r.right)}px`);
      else if (layer && layer.scrollWidth > layer.clientWidth)
        problems.push(`dialog "${name}" scrolls sideways (${layer.scrollWidth}px)`);
    }
    if (problems.length === 0) return null;

    const describe = (el: Element) => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += `#${el.id}`;
      const cls = [...el.classList].slice(0, 3).join('.');
      if (cls) s += `.${cls}`;
      const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid');
      if (label) s += `[${label}]`;
      return s;
    };
    const path = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && e !== document.body && parts.length < 5;) {
        parts.unshift(describe(e));
        e = e.parentElement;
      }
      return parts.join(' > ');
    };
    // Clipped by a scroll box that itself fits: the user scrolls that box,
    // never the page. Only boxes on the containing-block chain clip: an
    // absolutely placed element skips static ancestors (a visually-hidden
    // header inside a scrolled table escapes a static wrapper's clip), and a
    // fixed layer (a dialog's backdrop) is a window of its own.
    const clipped = (el: Element) => {
      let skipStatic = getComputedStyle(el).position === 'absolute';
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.position === 'fixed') return false;
        if (skipStatic && cs.position === 'static') continue;
        if (cs.overflowX !== 'visible' && a.getBoundingClientRect().right <= vw + 0.5) return true;
        skipStatic = cs.position === 'absolute';
      }
      return false;
    };
    let worst: { el: Element; right: number; width: number } | null = null;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 0.5 || clipped(el)) continue;
      // Later in document order = deeper or after: ties go to the deepest.
      if (!worst || r.right >= worst.right) worst = { el, right: r.right, width: r.width };
    }
    const culprit = worst
      ? `; widest offender: ${path(worst.el)} (${Math.round(worst.width)}px wide, right edge at ${Math.round(worst.right)}px)`
      : '';
    return `${problems.join('; ')} in a ${vw}px window${culprit}`;
  });
}
