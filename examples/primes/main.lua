-- Primes three ways: trial division, a quicksort of a scrambled list, and
-- a sieve over a table of crossed-out numbers.
local function isqrt(n)
  local k = 1
  while k * k <= n do k = k + 1 end
  return k - 1
end

local function is_prime(n)
  if n < 2 then return false end
  for d = 2, isqrt(n) do
    if n % d == 0 then return false end
  end
  return true
end

local function qsort(xs)
  if #xs == 0 then return {} end
  local p, lo, hi = xs[1], {}, {}
  for i = 2, #xs do
    local x = xs[i]
    if x < p then lo[#lo + 1] = x else hi[#hi + 1] = x end
  end
  local out = qsort(lo)
  out[#out + 1] = p
  for _, x in ipairs(qsort(hi)) do out[#out + 1] = x end
  return out
end

local function sieve(n)
  local crossed = {}
  for p = 2, isqrt(n) do
    if not crossed[p] then
      for m = p * p, n, p do crossed[m] = true end
    end
  end
  local primes = {}
  for x = 2, n do
    if not crossed[x] then primes[#primes + 1] = x end
  end
  return primes
end

local function list(xs, n)
  local parts = {}
  for i = 1, math.min(n or #xs, #xs) do parts[#parts + 1] = tostring(xs[i]) end
  return "[" .. table.concat(parts, ",") .. "]"
end

local small = {}
for x = 1, 50 do
  if is_prime(x) then small[#small + 1] = x end
end
print("primes below 50: " .. list(small))

local scrambled = {}
for x = 1, 100 do scrambled[#scrambled + 1] = x * 37 % 101 end
local sorted = qsort(scrambled)
local check = {table.unpack(scrambled)}
table.sort(check)
local same = true
for i = 1, #sorted do same = same and sorted[i] == check[i] end
print(string.format("sorted: first %s, last %d, same as lists:sort %s",
  list(sorted, 5), sorted[#sorted], tostring(same)))

local primes = sieve(20000)
print(string.format("primes up to 20000: %d, the last %d", #primes, primes[#primes]))
local is_p = {}
for _, p in ipairs(primes) do is_p[p] = true end
local twins = {}
for i = 1, 60 do
  local p = primes[i]
  if is_p[p + 2] and #twins < 8 then twins[#twins + 1] = "{" .. p .. "," .. (p + 2) .. "}" end
end
print("twin primes: [" .. table.concat(twins, ",") .. "]")
