"""The live preview behind `presskit serve`: a local HTTP server that reloads the page when the
site is rebuilt (`server`), and a watcher that notices saved files (`watcher`)."""
