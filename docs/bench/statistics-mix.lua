-- wrk script: every request asks /v1/statistics for another table of a fixed mix, so the server
-- answers uncached at the HTTP level (no If-None-Match) and, on the first pass through the mix,
-- computes each table afresh. 8 breakdowns x 5 filters x 3 formats = 120 distinct queries.
local breakdowns = {
  "year,country_of_identification", "sex,year", "citizenship,year", "exploitation,sex",
  "age_band,sex,year", "exploitation,sex,age_band", "country_of_exploitation,year",
  "year,country_of_identification,sex,age_band"
}
local filters = { "", "&sex=female", "&sex=male", "&year=2022,2023", "&status=confirmed" }
local formats = { "json", "csv", "jsonstat" }

local paths = {}
for _, b in ipairs(breakdowns) do
  for _, f in ipairs(filters) do
    for _, fmt in ipairs(formats) do
      paths[#paths + 1] = "/v1/statistics?by=" .. b .. f .. "&format=" .. fmt
    end
  end
end

local counter = 0
function setup(thread)
  thread:set("offset", counter * 7)
  counter = counter + 1
end

function init(args)
  i = offset or 0
end

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

function done(summary, latency, requests)
  io.write(string.format("distinct queries in the mix: %d\n", #paths))
end
