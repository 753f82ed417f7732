// The book's search index holds each word of code also under its parts (the build rebuilds it:
// tests/browser/postbuild/search.mjs), so `cow.to_mut()` is found by `to_mut`. A query is split
// the same way: `Cow::to_mut` looks for sections with `cow` and `to_mut` (every word must be
// present: book.toml's use-boolean-and), as a reader who types a path means.
(() => {
    const lunr = window.elasticlunr;
    if (!lunr) return;
    const words = lunr.tokenizer;
    const split = function (text) {
        return words(text).flatMap(word => {
            const parts = word.split(/[^\w]+/).filter(Boolean);
            return parts.length > 1 ? parts : [word];
        });
    };
    // elasticlunr keeps its settings (the separator) on the function itself.
    Object.assign(split, words);
    lunr.tokenizer = split;
})();
