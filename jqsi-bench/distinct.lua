-- wrk script of load.sh: a different filter combination of the widget's list on every request (issue 23, target 1),
-- so that almost no request is answered from the widget's cache of rendered pages: what crawlers, first visits and
-- every new choice in the filter form cost.
--
-- Each request combines an edition (or all), a region (or none), a kind (or none), a date range (or none), a word
-- (or none) and a language, from a counter that each thread starts elsewhere (and each run, from the clock):
-- 6 x 18 x 10 x 12 x 8 x 2 = 207,360 first pages, far more than a run of a few seconds asks for, and the widget's
-- cache (32 MiB) holds about 2,000 of them. Their cards are shared: a page renders only those no page showed before
-- (WidgetSettings.cardBytes, issue 23). Every combination is a valid request: wrk counts anything but a 2xx or
-- 3xx as "Non-2xx" (load.sh prints it), which should stay absent.

local editions = {"jqsi-2019", "jqsi-2020", "jqsi-2021", "jqsi-2022", "jqsi-2023", "all"}
local regions = {"", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
  "16", "17"}
local kinds = {"", "conference", "screening", "concert", "exhibition", "quiz", "panel", "discussion", "workshop",
  "publication"}
local words = {"", "solidarite", "refugies", "climat", "egalite", "femmes", "paix", "justice"}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  -- Threads start far apart in the sequence, so that they do not ask for the same pages, and each run elsewhere
  -- than the one before (a few seconds earlier), whose pages the cache may still hold.
  n = id * 100000 + (os.time() % 100000) * 2000
end

local function pick(list, k)
  return list[(k % #list) + 1], math.floor(k / #list)
end

function request()
  n = n + 1
  local k = n
  local edition, region, kind, word, lang
  edition, k = pick(editions, k)
  region, k = pick(regions, k)
  kind, k = pick(kinds, k)
  local dates = k % 12
  k = math.floor(k / 12)
  word, k = pick(words, k)
  lang, k = pick({"fr", "en"}, k)
  local path = "/widget/?edition=" .. edition .. "&lang=" .. lang
  if region ~= "" then path = path .. "&region=" .. region end
  if kind ~= "" then path = path .. "&kind=" .. kind end
  if dates > 0 then
    -- November of the edition's year, or of 2021 for all editions: a window of 1 to 11 days.
    local year = edition == "all" and "2021" or string.sub(edition, 6)
    path = path .. string.format("&from=%s-11-%02d&to=%s-11-%02d", year, dates, year, dates + dates)
  end
  if word ~= "" then path = path .. "&q=" .. word end
  return wrk.format("GET", path)
end

-- load.sh reads this after its warm-up: the average response, headers included, that /fixed/page?bytes= matches.
function done(summary, latency, requests)
  if summary.requests > 0 then
    io.write(string.format("bytes per response: %d\n", math.floor(summary.bytes / summary.requests)))
  end
end
