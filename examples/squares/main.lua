-- Luerl runs Lua on the BEAM, but plain Lua has no processes,
-- no spawn, no mailbox, and no message passing of its own.
-- So "concurrency" here is just a sequential loop over the numbers:
local function squares()
local sum = 0
for n = 1, 5 do
sum = sum + n * n -- the work a BEAM worker would do, inline
end
return sum
end
print(squares()) --> 55
-- To get *real* concurrency you must cross back into the host:
-- the embedding Erlang/Elixir app spawns the processes and runs
-- a small Lua chunk inside each one via luerl:do/2, then collects
-- the results on the BEAM side. The parallelism lives in Erlang,
-- not in the Lua code.
