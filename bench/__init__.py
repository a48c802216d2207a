"""`make bench`: throughput and latency of Pakt's hot paths as ratios against bare baselines."""
