document.querySelectorAll('a[href^="http"]').forEach((a) => { a.rel = 'noopener'; });
