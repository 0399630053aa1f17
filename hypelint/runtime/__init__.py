"""Running over many files: the batch runner (``runner``), worker processes
(``parallel``), the results cache (``cache``), the start-up cache
(``startup_cache``), progress (``progress``), files written whole or not
at all (``atomic``), and the language server's lint thread (``background``)."""
