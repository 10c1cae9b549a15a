-- wrk script for plain GETs: the last line is "RESULT {json}" with the rate, latency and errors.
--   IDS_FILE (optional) one id a line: each request asks for PATH_PREFIX .. a random id.
local ids = {}
if os.getenv("IDS_FILE") then
  for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
end
local prefix = os.getenv("PATH_PREFIX") or "/api/v1/events/"

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init()
  math.randomseed(id * 104729 + os.time())
end

if #ids > 0 then
  request = function()
    return wrk.format("GET", prefix .. ids[math.random(1, #ids)])
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format('RESULT {"requests": %d, "seconds": %.3f, "req_per_s": %.1f, ' ..
    '"non_2xx": %d, "socket_errors": %d, "timeouts": %d, "p50_ms": %.2f, "p99_ms": %.2f}\n',
    summary.requests, seconds, summary.requests / seconds, e.status,
    e.connect + e.read + e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
