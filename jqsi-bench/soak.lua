-- wrk script of soak.sh: rotates over the widget's pages and feeds and checks every response.
--
-- Each valid program version the soak writes has one activity titled "Soak version N". A response is consistent
-- when it is a 200, names a version in X-Jqsi-Program-Version, and shows exactly one N: the content of one version
-- and no other. Across the run, one version hash must always come with the same N; done() prints that mapping
-- ("map HASH N"), which soak.sh compares with what /healthz reported after each replacement.
--
-- wrk runs one Lua state per thread: each thread keeps its own counts in globals, which done() reads through
-- thread:get (numbers and strings only, hence the mapping as one string).

local paths = {
  "/widget/", "/widget/?lang=en", "/widget/feed.ics", "/widget/feed.json", "/widget/feed.jsonld",
  "/widget/activities/loin-de-bachar-2020",
}
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  i = id                 -- each thread starts elsewhere in the rotation
  ok = 0                 -- 200 and consistent
  not_ok_status = 0      -- anything but 200 (a 3xx included: none is expected here)
  server_errors = 0      -- 5xx, also counted in not_ok_status
  no_version = 0         -- a 200 without the header
  inconsistent = 0       -- no marker, or markers of two versions
  conflicts = 0          -- a version hash seen with two different markers
  first_problem = ""
  mapping = ""           -- "hash=N;" for each version hash this thread saw
  seen = {}
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

local function note(problem)
  if first_problem == "" then
    first_problem = problem
  end
end

function response(status, headers, body)
  if status ~= 200 then
    not_ok_status = not_ok_status + 1
    if status >= 500 then
      server_errors = server_errors + 1
    end
    note("HTTP " .. status)
    return
  end
  local version = headers["X-Jqsi-Program-Version"] or headers["x-jqsi-program-version"]
  if version == nil then
    no_version = no_version + 1
    note("no X-Jqsi-Program-Version")
    return
  end
  local marker = nil
  for n in string.gmatch(body, "Soak version (%d+)") do
    if marker ~= nil and marker ~= n then
      inconsistent = inconsistent + 1
      note("version " .. version .. " shows markers " .. marker .. " and " .. n)
      return
    end
    marker = n
  end
  if marker == nil then
    inconsistent = inconsistent + 1
    note("version " .. version .. " shows no marker")
    return
  end
  local known = seen[version]
  if known == nil then
    seen[version] = marker
    mapping = mapping .. version .. "=" .. marker .. ";"
  elseif known ~= marker then
    conflicts = conflicts + 1
    note("version " .. version .. " showed " .. known .. " and now " .. marker)
    return
  end
  ok = ok + 1
end

function done(summary, latency, requests)
  local totals = { ok = 0, not_ok_status = 0, server_errors = 0, no_version = 0, inconsistent = 0, conflicts = 0 }
  local markers = {}
  for _, thread in ipairs(threads) do
    for key, _ in pairs(totals) do
      totals[key] = totals[key] + thread:get(key)
    end
    local problem = thread:get("first_problem")
    if problem ~= "" then
      io.write("problem " .. problem .. "\n")
    end
    for version, marker in string.gmatch(thread:get("mapping"), "(%x+)=(%d+);") do
      if markers[version] ~= nil and markers[version] ~= marker then
        totals.conflicts = totals.conflicts + 1
        io.write("problem version " .. version .. " showed " .. markers[version] .. " and " .. marker .. "\n")
      end
      markers[version] = marker
    end
  end
  for key, value in pairs(totals) do
    io.write("count " .. key .. " " .. value .. "\n")
  end
  for version, marker in pairs(markers) do
    io.write("map " .. version .. " " .. marker .. "\n")
  end
  local e = summary.errors
  io.write(string.format("socket connect %d read %d write %d timeout %d status %d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
  io.write(string.format("total requests %d seconds %.1f\n", summary.requests, summary.duration / 1e6))
end
