import gleam/list
import shapes.{Circle, Square}

// `assert`, which gleeunit's README recommends over `gleeunit/should`.

pub fn assert_passes_test() {
  assert shapes.area(Square(2.0)) == 4.0
  assert list.contains([1, 2, 3], 2)
}

pub fn assert_comparison_fails_test() {
  let expected = 10.0
  assert shapes.area(Circle(1.0)) == expected
}

pub fn assert_literal_side_fails_test() {
  assert shapes.area(Square(3.0)) <. 5.0
}

pub fn assert_call_fails_test() {
  let items = [1, 2, 3]
  assert list.contains(items, 4) as "4 should be in the list"
}

pub fn assert_and_fails_test() {
  let small = shapes.area(Square(1.0)) <. 0.5
  assert small && shapes.area(Square(2.0)) == 4.0
}

pub fn assert_or_fails_test() {
  assert list.is_empty([1]) || False
}

pub fn assert_expression_fails_test() {
  let ok = False
  assert ok
}
