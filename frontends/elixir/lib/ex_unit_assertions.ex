defmodule ExUnit.Assertions do
  # The function half of ExUnit's assertions; the macro forms (`assert`
  # with an operator or a match, `refute`, `assert_receive`, `catch_*`) are
  # expanded by the compiler (lower/exunit.rs) into code that raises from
  # the test itself and calls the helpers below to build the error.

  @no_value :ex_unit_no_meaningful_value

  def assert(value, message) when is_binary(message), do: assert(value, message: message)

  def assert(value, opts) when is_list(opts) do
    if value do
      value
    else
      raise ExUnit.AssertionError, opts
    end
  end

  def refute(value, message), do: not assert(!value, message)

  def flunk(message \\ "Flunked!") when is_binary(message), do: assert(false, message: message)

  def assert_raise(exception, message, function) when is_function(function) do
    error = assert_raise(exception, function)
    got = Exception.message(error)

    match? =
      cond do
        is_binary(message) -> got == message
        true -> Regex.match?(message, got)
      end

    unless match? do
      flunk(
        "Wrong message for #{inspect(exception)}\n" <>
          "expected:\n  #{inspect(message)}\n" <> "actual:\n" <> "  #{inspect(got)}"
      )
    end

    error
  end

  def assert_raise(exception, function) when is_function(function) do
    result =
      try do
        function.()
        :__exu_nothing__
      rescue
        error ->
          name = error.__struct__

          cond do
            name == exception ->
              {:ok, error}

            name == ExUnit.AssertionError ->
              reraise(error, __STACKTRACE__)

            true ->
              message =
                "Expected exception #{inspect(exception)} " <>
                  "but got #{inspect(name)} (#{Exception.message(error)})"

              reraise ExUnit.AssertionError, [message: message], __STACKTRACE__
          end
      end

    case result do
      {:ok, error} -> error
      _ -> flunk("Expected exception #{inspect(exception)} but nothing was raised")
    end
  end

  def assert_in_delta(value1, value2, delta, message \\ nil) do
    if delta < 0 do
      raise ArgumentError, "delta must always be a positive number, got: #{inspect(delta)}"
    end

    diff = abs(value1 - value2)

    message =
      message ||
        "Expected the difference between #{inspect(value1)} and " <>
          "#{inspect(value2)} (#{inspect(diff)}) to be less than or equal to #{inspect(delta)}"

    assert(diff <= delta, message)
  end

  def refute_in_delta(value1, value2, delta, message \\ nil) do
    diff = abs(value1 - value2)

    message =
      if message do
        message <>
          " (difference between #{inspect(value1)} " <>
          "and #{inspect(value2)} is less than #{inspect(delta)})"
      else
        "Expected the difference between #{inspect(value1)} and " <>
          "#{inspect(value2)} (#{inspect(diff)}) to be more than #{inspect(delta)}"
      end

    refute(diff < delta, message)
  end

  def __equal__?(left, right), do: left === right

  # The error of a failed `assert left op right` / `refute left op right`.
  def __operator_error__(:assert, op, left, right, expr) do
    message = "Assertion with #{op} failed"

    if op in [:<, :>, :!==, :!=] and __equal__?(left, right) do
      ExUnit.AssertionError.exception(
        left: left,
        expr: expr,
        message: message <> ", both sides are exactly equal"
      )
    else
      ExUnit.AssertionError.exception(left: left, right: right, expr: expr, message: message)
    end
  end

  def __operator_error__(:refute, op, left, right, expr) do
    message = "Refute with #{op} failed"

    if op in [:<=, :>=, :===, :==, :=~] and __equal__?(left, right) do
      ExUnit.AssertionError.exception(
        left: left,
        expr: expr,
        message: message <> ", both sides are exactly equal"
      )
    else
      ExUnit.AssertionError.exception(left: left, right: right, expr: expr, message: message)
    end
  end

  # The receive timeouts the runner put in the test's process (ExUnit's
  # `assert_receive_timeout`/`refute_receive_timeout`, 100 ms by default).
  def __timeout__(key) do
    case :erlang.get({:ex_unit, key}) do
      :undefined -> 100
      t -> t
    end
  end

  # The error of an `assert_receive` that got no matching message.
  def __receive_error__(timeout, pattern, expr) do
    {:messages, messages} = :erlang.process_info(self(), :messages)
    length = length(messages)
    mailbox = Enum.take(messages, -10)

    note =
      cond do
        length == 0 -> "\nThe process mailbox is empty."
        length == 1 -> "\nShowing 1 of 1 message in the mailbox"
        length > 10 -> "\nShowing 10 of #{length} messages in the mailbox"
        true -> "\nShowing #{length} of #{length} messages in the mailbox"
      end

    ExUnit.AssertionError.exception(
      left: {:__exu_code__, pattern},
      expr: expr,
      message: "Assertion failed, no matching message after #{timeout}ms" <> note,
      context: {:mailbox, mailbox}
    )
  end

  def __no_value__, do: @no_value
end
