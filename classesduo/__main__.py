from classesduo.cli import main

raise SystemExit(main())
