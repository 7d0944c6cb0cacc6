-- wrk script: POST /api/transactions with bodies of fresh transfers, each body exactly once
-- (written by ApiFreshPosts' last argument: body-<b>-<s>.json = sender s's b-th body). The senders
-- are split between wrk's threads; a thread posts all first bodies, then all second ones, so each
-- sender's nonces arrive in sequence, and stops once every one of its bodies is answered (its
-- other connections wait meanwhile: a GET /api/node/status each second, counted apart). wrk runs
-- for its whole -d whatever the threads do, so the burst is timed here: from the first body sent to
-- the last answer (wall clock through `date`, once at each end of each thread).
--   FRESH_DIR=dir FRESH_SENDERS=150 FRESH_BODIES=2 FRESH_THREADS=2 wrk -t2 -c8 -d60s -s api-fresh.lua URL
local dir = os.getenv("FRESH_DIR")
local senders = tonumber(os.getenv("FRESH_SENDERS"))
local perSender = tonumber(os.getenv("FRESH_BODIES"))
local nthreads = tonumber(os.getenv("FRESH_THREADS") or "2")
local created = {}

function setup(thread)
  thread:set("tid", #created)
  table.insert(created, thread)
end

local requests, sent, fillerRequest
-- globals, read by done() through thread:get
answered, fullyAccepted, refused, filler, startedNs, endedNs = 0, 0, 0, 0, 0, 0

local function nowNs()
  local p = io.popen("date +%s%N")
  local ns = tonumber(p:read("*l"))
  p:close()
  return ns
end

function init(args)
  requests = {}
  for b = 0, perSender - 1 do
    for s = tid, senders - 1, nthreads do
      local f = assert(io.open(dir .. "/body-" .. b .. "-" .. s .. ".json", "rb"))
      requests[#requests + 1] = wrk.format("POST", "/api/transactions",
        {["content-type"] = "application/json"}, f:read("*a"))
      f:close()
    end
  end
  fillerRequest = wrk.format("GET", "/api/node/status")
  sent = 0
end

-- wrk calls request() once on the first thread's state before any connection, to check the
-- request (wrk.c, script_verify_request): that call must not use up a body
local checked = false

function request()
  if tid == 0 and not checked then
    checked = true
    return fillerRequest
  end
  if sent < #requests then
    if sent == 0 then
      startedNs = nowNs()
    end
    sent = sent + 1
    return requests[sent]
  end
  return fillerRequest
end

function delay()
  return sent < #requests and 0 or 1000
end

function response(status, headers, body)
  if not body:find('"accept"', 1, true) then
    if status == 200 then
      filler = filler + 1
      return
    end
    io.stderr:write(status .. " " .. body:sub(1, 400) .. "\n") -- a POST refused whole
  end
  answered = answered + 1
  if status == 200 and body:find('"excess":[]', 1, true) and body:find('"invalid":[]', 1, true) then
    fullyAccepted = fullyAccepted + 1
  else
    refused = refused + 1
    if refused <= 3 then io.stderr:write(status .. " " .. body:sub(-400) .. "\n") end
  end
  if answered == #requests then
    endedNs = nowNs()
    wrk.thread:stop()
  end
end

function done(summary, latency, _)
  local posts, accepted, bad, fill, first, last = 0, 0, 0, 0, math.huge, 0
  for _, t in ipairs(created) do
    first = math.min(first, t:get("startedNs"))
    last = math.max(last, t:get("endedNs"))
    posts = posts + t:get("answered")
    accepted = accepted + t:get("fullyAccepted")
    bad = bad + t:get("refused")
    fill = fill + t:get("filler")
  end
  for _, t in ipairs(created) do
    if t:get("endedNs") == 0 then
      io.write("wrk: a thread did not get all its answers within -d: no figure\n")
      return
    end
  end
  local seconds = (last - first) / 1e9
  io.write(string.format(
    "wrk: %d POSTs of fresh transfers in %.2f s: %.0f req/s, %d bodies wholly accepted (%d not),"
      .. " %d filler GETs; latency p50 %.1f ms, p99 %.1f ms (all requests)\n",
    posts, seconds, posts / seconds, accepted, bad, fill,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("burst window (date +%%s%%N): %.0f %.0f\n", first, last))
end
