b = <<1, 2, 3>>
IO.inspect(b)
<<first, rest::binary>> = b
IO.inspect({first, rest})
IO.inspect(<<256::16>>)
<<x::16, y::8>> = <<1, 2, 3>>
IO.inspect({x, y})
IO.inspect(<<"abc", 0>>)
"he" <> tail = "hello"
IO.inspect(tail)
IO.inspect(byte_size(<<1, 2, 3, 4>>))
IO.inspect(<<?a, ?b>>)
IO.inspect(<<1.5::float>>)
<<a::binary-size(2), _::binary>> = "abcdef"
IO.inspect(a)
IO.inspect(is_binary("x"))
