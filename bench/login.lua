-- POST /auth/login for one demo user, over and over (see login.sh).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email": "%s", "password": "%s"}', os.getenv("BENCH_EMAIL"), os.getenv("BENCH_PASSWORD"))

done = function(summary, latency, requests)
  local codes = summary.errors.status
  io.write(string.format("non-2xx/3xx responses: %d\n", codes))
end
