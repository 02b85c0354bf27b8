# A bank account as a process: deposits, withdrawals that may be refused,
# a statement, and an idle timeout that closes the account.
defmodule BankAccount do
  def main do
    account = spawn(fn -> account(0, []) end)
    :io.format("~p~n", [request(account, {:deposit, 100})])
    :io.format("~p~n", [request(account, {:withdraw, 30})])
    :io.format("~p~n", [request(account, {:withdraw, 500})])
    :io.format("~p~n", [request(account, {:deposit, -5})])
    :io.format("~p~n", [request(account, :balance)])
    :io.format("statement: ~p~n", [request(account, :statement)])
    ref = Process.monitor(account)

    receive do
      {:DOWN, ^ref, :process, ^account, reason} -> :io.format("account closed: ~p~n", [reason])
    after
      2000 -> IO.puts("still open")
    end

    :io.format("after closing: ~p~n", [request(account, :balance)])
  end

  # Sends a request and waits for the answer, or gives up after 500 ms.
  defp request(account, req) do
    ref = make_ref()
    send(account, {self(), ref, req})

    receive do
      {^ref, reply} -> reply
    after
      500 -> :no_answer
    end
  end

  defp account(balance, history) do
    receive do
      {from, ref, {:deposit, n}} when is_integer(n) and n > 0 ->
        send(from, {ref, {:ok, balance + n}})
        account(balance + n, [{:deposit, n} | history])

      {from, ref, {:withdraw, n}} when is_integer(n) and n > 0 and n <= balance ->
        send(from, {ref, {:ok, balance - n}})
        account(balance - n, [{:withdraw, n} | history])

      {from, ref, {:withdraw, n}} when is_integer(n) and n > 0 ->
        send(from, {ref, {:error, {:insufficient_funds, balance}}})
        account(balance, history)

      {from, ref, :balance} ->
        send(from, {ref, balance})
        account(balance, history)

      {from, ref, :statement} ->
        send(from, {ref, Enum.reverse(history)})
        account(balance, history)

      {from, ref, other} ->
        send(from, {ref, {:error, {:bad_request, other}}})
        account(balance, history)
    after
      500 -> exit({:idle, balance})
    end
  end
end

BankAccount.main()
