from telereader.cli import main

raise SystemExit(main())
