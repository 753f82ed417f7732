// Below 620 px the open table of contents pushes the page aside, off the screen (mdBook's
// layout). mdBook closes it when such a page loads, but not when the reader taps one of its
// links to a section of this page (the quiz, say: the section then stays hidden behind it), nor
// when the window narrows with it open (a tablet turned, a window made narrow). Close it then.
(() => {
    const narrow = matchMedia('not all and (min-width: 620px)');
    const checkbox = document.getElementById('mdbook-sidebar-toggle-anchor');
    const sidebar = document.getElementById('mdbook-sidebar');
    if (!checkbox || !sidebar) {
        return;
    }
    const close = () => {
        if (!checkbox.checked) {
            return;
        }
        // mdBook keeps the reader's choice for wide screens: closing for a narrow one keeps it.
        let kept = null;
        try { kept = localStorage.getItem('mdbook-sidebar'); } catch { /* no storage */ }
        checkbox.checked = false;
        checkbox.dispatchEvent(new Event('change'));
        try { if (kept !== null) localStorage.setItem('mdbook-sidebar', kept); } catch { /* no storage */ }
    };
    sidebar.addEventListener('click', event => {
        if (narrow.matches && event.target.closest('a[href]')) {
            close();
        }
    });
    narrow.addEventListener('change', () => narrow.matches && close());
})();
