// Small fixes to mdBook's markup that screen readers and keyboard users need (found by axe-core
// in the end-to-end tests).
(() => {
    // The sidebar toggle is a <label> that acts as a button; say so, so its aria-label counts.
    document.getElementById('mdbook-sidebar-toggle')?.setAttribute('role', 'button');

    // A code block wider than the page scrolls sideways; keyboard users must be able to focus it.
    const focusWide = () => document.querySelectorAll('pre > code').forEach(code => {
        if (code.scrollWidth > code.clientWidth) {
            code.setAttribute('tabindex', '0');
        }
    });
    focusWide();
    window.addEventListener('resize', focusWide);
})();
