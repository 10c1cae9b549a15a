-- wrk script: GET /api/v1/me as one of the prepared attendees, their tokens in rotation (as in
-- booking/book.lua): the cost of an authenticated call that does next to nothing else.
--   TOKENS_FILE  one access token a line
-- The last line written is "RESULT {json}": rate, latency, answers 200 and anything else (an
-- error the suite reports and expects to be 0).
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE") or "tokens.txt") do tokens[#tokens + 1] = line end

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

counter, ok, other, other_sample = 0, 0, 0, ""
function init()
  math.randomseed(id * 7919 + os.time())
  counter = math.random(1, #tokens)
end

request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/me",
    {["Accept"] = "application/json", ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1]})
end

response = function(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    other = other + 1
    if other_sample == "" then other_sample = status .. " " .. string.sub(body, 1, 200) end
  end
end

done = function(summary, latency, requests)
  local k, o, sample = 0, 0, ""
  for _, t in ipairs(threads) do
    k = k + t:get("ok"); o = o + t:get("other")
    if sample == "" then sample = t:get("other_sample") end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "req_per_s": %.1f, ' ..
    '"ok": %d, "other": %d, "socket_errors": %d, "timeouts": %d, "p50_ms": %.2f, ' ..
    '"p99_ms": %.2f, "other_sample": %q}\n',
    summary.requests, seconds, summary.requests / seconds, k, o,
    e.connect + e.read + e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, sample))
end
