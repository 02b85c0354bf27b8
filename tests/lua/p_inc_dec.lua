local balance = 100
local function deposit(n) balance = balance + n; return balance end
local function withdraw(n)
  if n > balance then error("insufficient funds", 2) end
  balance = balance - n
  return balance
end
print(deposit(50), withdraw(30))
local ok, e = pcall(withdraw, 1000)
print(ok, e, balance)
