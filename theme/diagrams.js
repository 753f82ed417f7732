// Renders the page's mermaid diagrams. mermaid is ~2.6 MB, so it is fetched only by pages that
// have a diagram; diagrams are drawn in the reader's theme and redrawn when the theme changes.
(() => {
    const blocks = Array.from(document.querySelectorAll('pre.mermaid'));
    if (blocks.length === 0) {
        return;
    }
    const sources = blocks.map(block => block.textContent);
    const darkThemes = ['coal', 'navy', 'ayu'];
    const isDark = () => darkThemes.some(t => document.documentElement.classList.contains(t));
    let drawnIn = null;

    function draw() {
        const theme = isDark() ? 'dark' : 'default';
        if (theme === drawnIn) {
            return;
        }
        drawnIn = theme;
        blocks.forEach((block, i) => {
            block.removeAttribute('data-processed');
            block.textContent = sources[i];
        });
        // mermaid's dark edge labels (#ccc on #585858) reach 4.43:1, under WCAG AA's 4.5:1.
        const themeVariables = theme === 'dark' ? { edgeLabelBackground: '#404040' } : {};
        // A fixed seed: mermaid draws some shapes with random wobbles, and the book's build
        // (tests/browser/postbuild) needs a diagram's light and dark drawings to be the same.
        mermaid.initialize({ startOnLoad: false, theme, themeVariables, handDrawnSeed: 1 });
        // The browser tests wait for this mark before they look at a page's colours.
        mermaid.run({ nodes: blocks }).then(() => {
            if (drawnIn === theme) {
                document.documentElement.dataset.diagrams = theme;
            }
        });
    }

    const script = document.createElement('script');
    script.src = path_to_root + 'assets/mermaid.min.js';
    script.onload = () => {
        draw();
        // mdBook switches themes by changing the class of <html>.
        new MutationObserver(draw).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
    };
    document.head.appendChild(script);
})();
