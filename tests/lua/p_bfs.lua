local graph = {a = {"b", "c"}, b = {"d"}, c = {"d", "e"}, d = {"f"}, e = {"f"}, f = {}}
local function bfs(start, goal)
  local queue, head = {{start}}, 1
  local seen = {[start] = true}
  while queue[head] do
    local path = queue[head]; head = head + 1
    local node = path[#path]
    if node == goal then return path end
    for _, nb in ipairs(graph[node]) do
      if not seen[nb] then
        seen[nb] = true
        local np = {table.unpack(path)}
        np[#np + 1] = nb
        queue[#queue + 1] = np
      end
    end
  end
end
print(table.concat(bfs("a", "f"), "->"))
