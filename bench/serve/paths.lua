-- wrk script: GET each path of the file named by $PATHS in turn (one per line).
local paths = {}
local i = 0

init = function(args)
  local f = assert(io.open(os.getenv("PATHS"), "r"))
  for line in f:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  f:close()
  assert(#paths > 0, "no paths")
end

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
