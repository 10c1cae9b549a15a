-- wrk script: each connection books 1 or 2 seats of one event as one of the prepared attendees.
-- tokens.txt holds one access token a line; EVENT_ID comes from the environment.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE") or "tokens.txt") do tokens[#tokens + 1] = line end
local event = os.getenv("EVENT_ID")
local counter = 0

request = function()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local body = string.format('{"eventId": %s, "quantity": %d}', event, (counter % 2) + 1)
  return wrk.format("POST", "/api/v1/bookings",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

local statuses = {}
response = function(status)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("p50_ms=%.2f p99_ms=%.2f req_per_s=%.1f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
