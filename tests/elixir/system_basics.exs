# System: argv, environment variables (put/get/fetch/delete), clocks and
# units, version, at_exit functions run when the script ends (last
# registered first).
IO.inspect(System.argv(), label: "argv")
IO.inspect(System.get_env("EUBEAM_SYSTEM_TEST_UNSET"), label: "unset")
IO.inspect(System.get_env("EUBEAM_SYSTEM_TEST_UNSET", "default"), label: "default")
System.put_env("EUBEAM_SYSTEM_TEST", "value")
IO.inspect(System.get_env("EUBEAM_SYSTEM_TEST"), label: "put")
IO.inspect(System.fetch_env("EUBEAM_SYSTEM_TEST"), label: "fetch")
IO.inspect(Map.get(System.get_env(), "EUBEAM_SYSTEM_TEST"), label: "in get_env/0")
System.put_env(%{"EUBEAM_A" => "1", "EUBEAM_B" => "2"})
IO.inspect({System.get_env("EUBEAM_A"), System.get_env("EUBEAM_B")}, label: "put_env/1")
System.delete_env("EUBEAM_SYSTEM_TEST")
IO.inspect(System.fetch_env("EUBEAM_SYSTEM_TEST"), label: "deleted")

try do
  System.fetch_env!("EUBEAM_SYSTEM_TEST")
rescue
  e in System.EnvError -> IO.puts(Exception.message(e))
end

IO.inspect(System.convert_time_unit(1500, :millisecond, :second), label: "ms -> s")
IO.inspect(System.convert_time_unit(2, :second, :microsecond), label: "s -> us")
t0 = System.monotonic_time(:millisecond)
Process.sleep(20)
IO.inspect(System.monotonic_time(:millisecond) - t0 >= 20, label: "monotonic")
IO.inspect(System.os_time(:second) > 1_600_000_000, label: "os_time")
a = System.unique_integer([:positive, :monotonic])
b = System.unique_integer([:positive, :monotonic])
IO.inspect(b > a and a > 0, label: "unique")
IO.inspect(System.version(), label: "version")
IO.inspect(System.endianness(), label: "endianness")
IO.inspect(is_binary(System.tmp_dir()), label: "tmp_dir")
IO.inspect(String.to_integer(System.pid()) > 0, label: "pid")
System.at_exit(fn status -> IO.puts("first registered, status #{status}") end)
System.at_exit(fn _ -> IO.puts("last registered") end)
IO.puts("end of script")
