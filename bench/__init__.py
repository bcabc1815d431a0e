"""fielder's benchmarks: each `bench_<part>.py` has a `main()` printing one JSON line per figure."""
