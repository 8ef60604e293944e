"""The one-folder app's entry point: the same `main` as the `telereader` command."""

from telereader.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
