# MapSet's elements are inspected with charlists: :as_lists.
IO.inspect(MapSet.new([?a]))
IO.inspect(MapSet.new([[?a, ?b], 'xy', 1]))
IO.inspect({'ab', MapSet.new(['cd'])})
IO.inspect([MapSet.new([1])], charlists: :as_lists)
