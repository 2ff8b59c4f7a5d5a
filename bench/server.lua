-- wrk script for bench/server.sh: cycles through the request paths listed one per line in
-- the file named by the environment variable BENCH_PATHS, with the session cookie and the
-- justification every case read carries. Each wrk thread starts at its own place in the
-- list, so the connections do not ask for the same page at the same moment.
-- With BENCH_STATUS set, it also counts the answers by status (costs a Lua call per answer,
-- so only the diagnostic run uses it).
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE") or ""
wrk.headers["X-Corridor-Why"] = os.getenv("BENCH_WHY") or "load benchmark"

local threads = {}
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

local i
function init(args)
  i = (id * 7) % #paths
  statuses = {}
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

if os.getenv("BENCH_STATUS") then
  function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
  end

  function done(summary, latency, requests)
    local total = {}
    for _, t in ipairs(threads) do
      for status, n in pairs(t:get("statuses")) do total[status] = (total[status] or 0) + n end
    end
    for status, n in pairs(total) do io.write(string.format("status %d: %d\n", status, n)) end
  end
end
