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
