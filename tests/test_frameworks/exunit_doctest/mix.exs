defmodule Doctested.MixProject do
  use Mix.Project
  def project, do: [app: :doctested, version: "0.1.0", elixir: "~> 1.14", deps: []]
end
