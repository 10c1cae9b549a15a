-- wrk script: each request books 1 or 2 seats as one of the prepared attendees.
--   TOKENS_FILE  one access token a line
--   EVENT_ID     the one (hot) event, or
--   EVENTS_FILE  one event id a line: each request picks one at random (no single hot row)
-- The last line written is "RESULT {json}": rate, latency and how every answer was classified
-- (201 booked, 409 SOLD_OUT refused, anything else is an error the benchmark must report).
local tokens, events = {}, {}
for line in io.lines(os.getenv("TOKENS_FILE") or "tokens.txt") do tokens[#tokens + 1] = line end
if os.getenv("EVENTS_FILE") then
  for line in io.lines(os.getenv("EVENTS_FILE")) do events[#events + 1] = line end
else
  events[1] = os.getenv("EVENT_ID")
end

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

counter, booked, sold_out, other, other_sample = 0, 0, 0, 0, ""
function init()
  math.randomseed(id * 7919 + os.time())
  counter = math.random(1, #tokens)
end

request = function()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  local event = events[#events == 1 and 1 or math.random(1, #events)]
  local body = string.format('{"eventId": %s, "quantity": %d}', event, (counter % 2) + 1)
  return wrk.format("POST", "/api/v1/bookings",
    {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

response = function(status, headers, body)
  if status == 201 then
    booked = booked + 1
  elseif status == 409 and string.find(body, '"SOLD_OUT"', 1, true) then
    sold_out = sold_out + 1
  else
    other = other + 1
    if other_sample == "" then other_sample = status .. " " .. string.sub(body, 1, 200) end
  end
end

done = function(summary, latency, requests)
  local b, s, o, sample = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    b = b + t:get("booked"); s = s + t:get("sold_out"); o = o + t:get("other")
    if sample == "" then sample = t:get("other_sample") end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "req_per_s": %.1f, ' ..
    '"booked": %d, "booked_per_s": %.1f, "sold_out": %d, "sold_out_per_s": %.1f, "other": %d, ' ..
    '"socket_errors": %d, "timeouts": %d, "p50_ms": %.2f, "p99_ms": %.2f, "other_sample": %q}\n',
    summary.requests, seconds, summary.requests / seconds, b, b / seconds, s, s / seconds, o,
    e.connect + e.read + e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, sample))
end
