// Numbers the lines of listings whose verified output cites them ("panicked at src/main.rs:14"),
// in the numbering of the whole program the reader copies and runs: hidden lines count, so
// line 14 is the line marked 14 whether the hidden lines are shown or not. The
// listing-markers preprocessor marks those listings with <div class="listing-lines">, giving
// the lines shown while hidden lines are collapsed and the program's length.
(() => {
    const ranges = text => (text || '').split(',').flatMap(part => {
        const [a, b] = part.trim().split('-').map(Number);
        if (!a) return [];
        const out = [];
        for (let n = a; n <= (b || a); n++) out.push(n);
        return out;
    });
    document.querySelectorAll('div.listing-lines').forEach(marker => {
        let pre = marker.nextElementSibling;
        while (pre && pre.tagName !== 'PRE') pre = pre.nextElementSibling;
        const code = pre && pre.querySelector('code');
        if (!code) return;
        const shown = ranges(marker.dataset.shown);
        const total = Number(marker.dataset.total);
        const gutter = document.createElement('span');
        gutter.className = 'line-numbers';
        gutter.setAttribute('aria-hidden', 'true');
        pre.classList.add('numbered');
        pre.insertBefore(gutter, code);
        // The gutter takes the code's font and padding, again whenever the code's box changes:
        // its top padding grows at narrow widths, and on a page whose exercise scripts mark a
        // starter after this one ran, to make room for the buttons' strip.
        const fit = () => {
            const style = getComputedStyle(code);
            for (const p of ['fontFamily', 'fontSize', 'lineHeight', 'paddingTop', 'paddingBottom']) {
                gutter.style[p] = style[p];
            }
        };
        fit();
        new ResizeObserver(fit).observe(code, { box: 'border-box' });
        let edited = false;
        const render = () => {
            const expanded = !code.classList.contains('hide-boring');
            const lines = code.textContent.replace(/\n$/, '').split('\n').length;
            const numbers = !expanded ? shown
                : Array.from({ length: edited ? lines : total }, (_, i) => i + 1);
            gutter.textContent = numbers.join('\n');
        };
        render();
        new MutationObserver(render).observe(code, { attributes: true, attributeFilter: ['class'] });
        code.addEventListener('input', () => { edited = true; render(); });
    });
})();
