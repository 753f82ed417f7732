// Small fixes to mdBook's markup that screen readers and keyboard users need (found by axe-core
// in the end-to-end tests).
(() => {
    // The sidebar toggle is a <label> that acts as a button; say so, so its aria-label counts.
    document.getElementById('mdbook-sidebar-toggle')?.setAttribute('role', 'button');

    // Code wider than the page scrolls sideways; keyboard users must be able to focus it to
    // scroll. Quizzes draw their code later, so look again whenever the page changes.
    let queued = false;
    const focusWide = () => {
        queued = false;
        document.querySelectorAll('pre, pre > code').forEach(block => {
            if (block.scrollWidth > block.clientWidth && !block.hasAttribute('tabindex')) {
                block.setAttribute('tabindex', '0');
            }
        });
    };
    const queue = () => {
        if (!queued) {
            queued = true;
            requestAnimationFrame(focusWide);
        }
    };
    focusWide();
    window.addEventListener('resize', queue);
    new MutationObserver(queue).observe(document.body, { childList: true, subtree: true });
})();

// A skip link, the first thing Tab reaches: past the menu bar and the table of contents (whose
// every chapter and section is a stop) straight to the chapter.
(() => {
    const main = document.querySelector('#mdbook-content main');
    if (!main) {
        return;
    }
    main.id ||= 'mdbook-main';
    main.setAttribute('tabindex', '-1');
    const skip = document.createElement('a');
    skip.className = 'skip-link';
    skip.href = `#${main.id}`;
    skip.textContent = 'Skip to content';
    skip.addEventListener('click', event => {
        event.preventDefault();
        main.focus();
    });
    document.body.prepend(skip);
    // mdBook's table of contents moves the browser's Tab starting point to the current section
    // in the sidebar: the page's first Tab, while nothing has the focus, goes to the skip link.
    let tabbed = false;
    document.addEventListener('keydown', event => {
        if (event.key !== 'Tab' || tabbed) {
            return;
        }
        tabbed = true;
        if (!event.shiftKey && (document.activeElement === document.body || !document.activeElement)) {
            event.preventDefault();
            skip.focus();
        }
    });
})();

// A diagram or code block that scrolls sideways takes the keyboard's focus so that ← and →
// scroll it: they must not also go to the previous or next chapter (mdBook's shortcuts, which
// listen on the document).
document.addEventListener('keydown', event => {
    if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && event.target instanceof Element
        && event.target.matches('.diagram, pre[tabindex], pre > code[tabindex]')) {
        event.stopPropagation();
    }
}, true);
