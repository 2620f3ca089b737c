-- wrk script of `bench serve`: every request POSTs the same JSON body, read once per thread from the file named after
-- `--` on wrk's command line: wrk -t2 -c32 -d15s --latency -s bench/peer/post.lua URL -- body.json
function init(args)
   local file = assert(io.open(args[1], "rb"))
   wrk.method = "POST"
   wrk.body = file:read("*a")
   wrk.headers["Content-Type"] = "application/json"
   file:close()
end
