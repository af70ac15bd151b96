-- wrk: POST /threads as the patient, each request with an Idempotency-Key of its own (per wrk
-- thread and counter, so no two requests share one and none is answered as a repeat)
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
local prefix
function init(args)
  prefix = tostring(os.time()) .. "-" .. tostring(tid)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"to":"dr.smith","category":"GENERAL","subject":"Consulta de seguimiento — ¿resultados?",'
  .. '"body":"' .. string.rep("Buenos días, quería preguntar por mis análisis. ", 12) .. '","readReceipt":true}'

function request()
  counter = counter + 1
  wrk.headers["Idempotency-Key"] = prefix .. "-" .. counter
  return wrk.format()
end
