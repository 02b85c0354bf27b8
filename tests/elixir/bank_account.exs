defmodule Bank.Account do
  defstruct id: nil, owner: "", balance: 0, history: []

  defmodule InsufficientFunds do
    defexception [:needed, :available]
    def message(e), do: "insufficient funds: need #{e.needed}, have #{e.available}"
  end

  def new(id, owner), do: %__MODULE__{id: id, owner: owner}

  def deposit(%__MODULE__{} = acc, amount) when amount > 0 do
    %{acc | balance: acc.balance + amount, history: [{:deposit, amount} | acc.history]}
  end

  def withdraw(%__MODULE__{balance: b} = acc, amount) when amount > b do
    raise InsufficientFunds, needed: amount, available: b
  end

  def withdraw(acc, amount) do
    %{acc | balance: acc.balance - amount, history: [{:withdraw, amount} | acc.history]}
  end
end

defmodule Bank.Server do
  use GenServer
  alias Bank.Account

  def start_link(_), do: GenServer.start_link(__MODULE__, %{}, name: __MODULE__)
  def open(id, owner), do: GenServer.call(__MODULE__, {:open, id, owner})
  def deposit(id, amt), do: GenServer.call(__MODULE__, {:deposit, id, amt})
  def withdraw(id, amt), do: GenServer.call(__MODULE__, {:withdraw, id, amt})
  def balance(id), do: GenServer.call(__MODULE__, {:balance, id})

  def init(accounts), do: {:ok, accounts}

  def handle_call({:open, id, owner}, _from, accs) do
    {:reply, :ok, Map.put(accs, id, Account.new(id, owner))}
  end

  def handle_call({:deposit, id, amt}, _from, accs) do
    acc = Account.deposit(accs[id], amt)
    {:reply, {:ok, acc.balance}, Map.put(accs, id, acc)}
  end

  def handle_call({:withdraw, id, amt}, _from, accs) do
    try do
      acc = Account.withdraw(accs[id], amt)
      {:reply, {:ok, acc.balance}, Map.put(accs, id, acc)}
    rescue
      e in Account.InsufficientFunds -> {:reply, {:error, Exception.message(e)}, accs}
    end
  end

  def handle_call({:balance, id}, _from, accs) do
    {:reply, accs[id] && accs[id].balance, accs}
  end
end

{:ok, _} = Bank.Server.start_link([])
:ok = Bank.Server.open(1, "ann")
IO.inspect(Bank.Server.deposit(1, 100))
IO.inspect(Bank.Server.withdraw(1, 30))
IO.inspect(Bank.Server.withdraw(1, 500))
IO.inspect(Bank.Server.balance(1))
IO.inspect(Bank.Server.balance(2))
acc = Bank.Account.new(9, "zed") |> Bank.Account.deposit(5) |> Bank.Account.withdraw(2)
IO.inspect(acc)
