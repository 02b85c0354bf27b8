import gleam/option.{None, Some}
import gleeunit
import gleeunit/should
import shapes.{Circle, Rectangle, Square}

pub fn main() -> Nil {
  gleeunit.main()
}

// Passing tests.

pub fn area_of_square_test() {
  shapes.area(Square(2.0))
  |> should.equal(4.0)
}

pub fn parse_circle_test() {
  shapes.parse("circle 1.5")
  |> should.be_ok
  |> should.equal(Circle(1.5))
}

pub fn parse_unknown_test() {
  shapes.parse("hexagon")
  |> should.be_error
  |> should.equal("unknown shape: hexagon")
}

pub fn largest_test() {
  shapes.largest([Square(1.0), Rectangle(2.0, 3.0), Circle(0.5)])
  |> should.be_some
  |> should.equal(Rectangle(2.0, 3.0))
  shapes.largest([]) |> should.be_none
  should.be_true(shapes.area(Circle(1.0)) >. 2.0)
  should.be_false(shapes.area(Circle(1.0)) >. 4.0)
  should.not_equal(Square(1.0), Square(2.0))
}

pub fn let_assert_passing_test() {
  let assert Ok(Square(side)) = shapes.parse("square 3.0")
  side |> should.equal(3.0)
}

// Deliberately failing tests: one of each kind.

pub fn equal_fails_test() {
  shapes.area(Rectangle(2.0, 3.0))
  |> should.equal(5.0)
}

pub fn not_equal_fails_test() {
  [Square(1.0), Circle(2.0)]
  |> should.not_equal([Square(1.0), Circle(2.0)])
}

pub fn be_ok_fails_test() {
  shapes.parse("circle wide")
  |> should.be_ok
}

pub fn be_error_fails_test() {
  shapes.parse("square 2.0")
  |> should.be_error
}

pub fn be_some_fails_test() {
  shapes.largest([])
  |> should.be_some
}

pub fn be_none_fails_test() {
  shapes.largest([Circle(1.0)])
  |> should.be_none
}

pub fn be_true_fails_test() {
  should.be_true(shapes.area(Square(1.0)) >. 1.0)
}

pub fn be_false_fails_test() {
  should.be_false(shapes.area(Square(2.0)) == 4.0)
}

pub fn fail_test() {
  should.fail()
}

pub fn let_assert_fails_test() {
  let assert Ok(Circle(radius)) = shapes.parse("square 2.0")
  radius |> should.equal(2.0)
}

pub fn let_assert_message_fails_test() {
  let assert [first, ..] = [] as "the list should not be empty"
  first |> should.equal(Some(1))
}

pub fn panic_fails_test() {
  panic as "this test panics on purpose"
}

pub fn todo_fails_test() {
  todo as "write this test"
}

pub fn returning_a_value_passes_test() {
  None
}

fn private_helper_test() {
  Nil
}

pub fn private_functions_are_not_run_test() {
  private_helper_test()
}
