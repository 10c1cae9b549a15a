# One row of docs/BENCHMARKS.md's suite table from a result file of bench/run.sh:
#   jq -r -f bench/lib/suite-row.jq bench/results/<timestamp>.json >> docs/BENCHMARKS.md
"| \(.run.timestamp) | \(.run.commit) | \(.run.mode) \(.run.duration) | " +
    "\(.hot_sale.clients_16.booked_per_s) / \(.baseline.pgbench_hot_16.tps | round) = **\(.ratios.hot_16_vs_pgbench_16)** | " +
    "\(.ratios.hot_1000_vs_hot_16) | \(.hot_sale.clients_16.p50_ms | round)/\(.hot_sale.clients_16.p99_ms | round) · " +
    "\(.hot_sale.clients_1000.p50_ms | round)/\(.hot_sale.clients_1000.p99_ms | round) | \(.ratios.sold_out_vs_health) | " +
    "\(.ratios.catalog_vs_health) · \(.ratios.search_vs_health) · \(.ratios.event_vs_health) | " +
    "\(.ratios.many_16_vs_pgbench_many_16) | \(.footprint.start_to_ready_s | round) s, " +
    "\(.footprint.idle_rss_mib) / \(.footprint.rss_peak_1000_clients_mib) MiB | " +
    "\(.invariants.errors_other_than_sold_out) / \(.invariants.oversold_events) | " +
    "\(.hot_sale.clients_16.cpu.load_generator) of \(.hot_sale.clients_16.cpu.cores) | \(.run.machine), load \(.run.load_average_after) | " +
    "\(.hot_sale.clients_16.booked_per_s) / \(.baseline.pgbench_hot_best.tps // null | if . == null then "–" else round end) = **\(.ratios.hot_16_vs_pgbench_hot_best)** | " +
    "\([.baseline.pgbench_hot_1, .baseline.pgbench_hot_16, .baseline.pgbench_hot_64] | map(.tps // null | if . == null then "–" else (round | tostring) end) | join(" · ")) | " +
    "\(.ratios.me_vs_health) | " +
    "\(.cpu_per_booking.hot_16_server_ms) · \(.cpu_per_booking.many_16_server_ms) = **\(.cpu_per_booking.hot_vs_many)** |"
