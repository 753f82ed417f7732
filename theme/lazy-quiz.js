// Fetches mdbook-quiz's 1.4 MB bundle when the chapter's quiz comes near the screen instead of
// with the page (the lazy-quiz preprocessor made its <script> inert). The bundle starts its
// quizzes on DOMContentLoaded, which has passed by then, so that event is sent to it again.
(() => {
    const tag = document.querySelector('script.lazy-quiz');
    const quiz = document.querySelector('.quiz-placeholder');
    if (!tag || !quiz) return;
    let requested = false;
    const load = () => {
        if (requested) return;
        requested = true;
        observer.disconnect();
        const script = document.createElement('script');
        script.src = tag.dataset.src;
        script.onload = () => window.dispatchEvent(new Event('DOMContentLoaded'));
        document.body.appendChild(script);
    };
    const observer = new IntersectionObserver(
        entries => entries.some(entry => entry.isIntersecting) && load(),
        { rootMargin: '1000px 0px' },
    );
    observer.observe(quiz);
})();
