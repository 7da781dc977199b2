-- wrk script for scripts/bench/public-writes.sh: each request is a new resident's citizen voice through
-- public intake — its own Idempotency-Key and its own address (X-Forwarded-For, which Machi believes only
-- because the benchmark names 127.0.0.1 in MACHI_INTAKE_TRUSTED_PROXIES), so the rate limit counts
-- residents as it would behind a proxy. Counts the 201s (acknowledged writes) and everything else.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  created = 0
  other = 0
  n = 0
  math.randomseed(os.time() * 1000 + id)
end

function request()
  n = n + 1
  local key = string.format("bench-%d-%d-%08x%08x", id, n, math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
  local ip = string.format("10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  local body = string.format('{"subject":"計測 %d-%d","body":"負荷計測のための投稿です（架空）。%d-%d"}', id, n, id, n)
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = key,
    ["X-Forwarded-For"] = ip,
  }, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    other = other + 1
    if other <= 3 then
      io.stderr:write("answer " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("ACKNOWLEDGED %d OTHER %d\n", c, o))
end
