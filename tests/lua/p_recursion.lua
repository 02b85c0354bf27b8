local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3))
local function perms(a, n, out)
  n = n or #a
  out = out or {}
  if n <= 1 then out[#out + 1] = table.concat(a) else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      perms(a, n - 1, out)
      a[n], a[i] = a[i], a[n]
    end
  end
  return out
end
local p = perms({"a", "b", "c"})
table.sort(p)
print(#p, table.concat(p, " "))
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print(depth(10000))
local function tail(n, acc) if n == 0 then return acc end return tail(n - 1, acc + 1) end
print(tail(1000000, 0))
