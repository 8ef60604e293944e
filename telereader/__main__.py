from telereader.cli import main

if __name__ == "__main__":  # worker processes import this module too and must not run it
    raise SystemExit(main())
