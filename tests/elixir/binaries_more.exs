b = <<1, 2, 3, 4>>
IO.inspect(byte_size(b))
<<x::16, y::16>> = b
IO.inspect({x, y})
<<a::4, rest::bitstring>> = <<0xAB>>
IO.inspect({a, rest})
IO.inspect(<<1::size(1), 0::size(7)>>)
IO.inspect(<<256::16-little>>)
IO.inspect(<<-1::signed-8>>)
<<v::signed-8>> = <<255>>
IO.inspect(v)
IO.inspect(<<3.5::float-64>>)
<<f::float>> = <<3.5::float-64>>
IO.inspect(f)
IO.inspect(<<"abc", 0>>)
IO.inspect(<<"héllo"::utf8>>)
<<c::utf8, _::binary>> = "é!"
IO.inspect(c)
IO.inspect(:binary.bin_to_list("abc"))
IO.inspect(:binary.list_to_bin([65, 66]))
IO.inspect(Base.encode16("hi"))
IO.inspect(Base.encode64("hello"))
IO.inspect(Base.decode64!("aGVsbG8="))
defmodule Parse do
  def fields(<<len::8, name::binary-size(len), rest::binary>>), do: [name | fields(rest)]
  def fields(<<>>), do: []
end
IO.inspect(Parse.fields(<<3, "abc", 2, "de">>))
IO.inspect(for <<byte <- "abc">>, do: byte)
IO.inspect(:erlang.term_to_binary(:a) |> byte_size())
IO.inspect(bit_size(<<1::3>>))
IO.inspect(is_bitstring(<<1::3>>))
IO.inspect(is_binary(<<1::3>>))
