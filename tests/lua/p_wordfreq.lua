local text = [[the cat sat on the mat the cat ran]]
local freq = {}
for w in text:gmatch("%a+") do freq[w] = (freq[w] or 0) + 1 end
local words = {}
for w in pairs(freq) do words[#words + 1] = w end
table.sort(words, function(a, b) if freq[a] ~= freq[b] then return freq[a] > freq[b] end return a < b end)
for _, w in ipairs(words) do print(w, freq[w]) end
