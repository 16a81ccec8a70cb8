-- Request mixes for ./twork bench, run by wrk 4.x (Debian package "wrk"):
--   wrk -t2 -c32 -d20s -s bench/points.lua http://127.0.0.1:PORT -- SCENARIO AUTH FIRST LAST HEAVY DEEP_PAGE RUN
-- SCENARIO: balance, transactions, deep, earn, redeem, sync10, sync100, mixed, whoami
-- AUTH: base64(ck:cs); FIRST..LAST: the members to pick from at random; HEAVY: a member with a long history and
-- DEEP_PAGE one of its last pages; RUN: digits unique to this run, so order ids and sync item ids never repeat.
-- done() prints one line "RESULT {json}" that ./twork bench reads.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  scenario = args[1]
  local auth = "Basic " .. args[2]
  first = tonumber(args[3])
  last = tonumber(args[4])
  heavy = tonumber(args[5])
  deep_page = tonumber(args[6])
  run = args[7]
  counter = 0
  math.randomseed(os.time() * 1000 + tid)
  prefix = "/wp-json/twork/v1/points"
  get_headers = { ["Authorization"] = auth }
  json_headers = { ["Authorization"] = auth, ["Content-Type"] = "application/json" }
end

local function member()
  return math.random(first, last)
end

local function unique()
  counter = counter + 1
  return run .. string.format("%02d", tid) .. string.format("%09d", counter)
end

local function balance()
  return wrk.format("GET", prefix .. "/balance/" .. member(), get_headers)
end

local function transactions()
  return wrk.format("GET", prefix .. "/transactions/" .. member() .. "?page=1&per_page=20", get_headers)
end

local function deep()
  local page = math.random(math.max(1, deep_page - 4), deep_page)
  return wrk.format("GET", prefix .. "/transactions/" .. heavy .. "?page=" .. page .. "&per_page=20", get_headers)
end

local function earn()
  local body = '{"user_id": ' .. member() .. ', "points": ' .. math.random(1, 200)
      .. ', "order_id": "B' .. unique() .. '", "description": "Benchmark order"}'
  return wrk.format("POST", prefix .. "/earn", json_headers, body)
end

local function redeem()
  local body = '{"user_id": ' .. member() .. ', "points": 1, "description": "Benchmark redemption ' .. unique() .. '"}'
  return wrk.format("POST", prefix .. "/redeem", json_headers, body)
end

local function sync(items)
  local parts = {}
  for i = 1, items do
    parts[i] = '{"id": "' .. unique() .. '", "type": "earn", "points": ' .. math.random(1, 20)
        .. ', "description": "Benchmark check-in"}'
  end
  local body = '{"user_id": ' .. member() .. ', "transactions": [' .. table.concat(parts, ", ") .. ']}'
  return wrk.format("POST", prefix .. "/sync", json_headers, body)
end

local function whoami()
  return wrk.format("GET", prefix .. "/auth/whoami", get_headers)
end

-- 70% reads: balance 45%, first page 25%; writes: earn 15%, redeem 10%, 10-item sync 5%.
local function mixed()
  local r = math.random()
  if r < 0.45 then return balance() end
  if r < 0.70 then return transactions() end
  if r < 0.85 then return earn() end
  if r < 0.95 then return redeem() end
  return sync(10)
end

local builders = {
  balance = balance, transactions = transactions, deep = deep, earn = earn, redeem = redeem,
  sync10 = function() return sync(10) end, sync100 = function() return sync(100) end,
  mixed = mixed, whoami = whoami,
}

function request()
  return builders[scenario]()
end

function done(summary, latency, requests)
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d,'
    .. ' "status_errors": %d, "timeouts": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end
