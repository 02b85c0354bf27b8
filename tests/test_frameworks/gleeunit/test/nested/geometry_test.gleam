import gleeunit/should
import shapes.{Circle, Square}

pub fn circle_area_test() {
  shapes.area(Circle(2.0))
  |> should.equal(12.0)
}

pub fn square_area_fails_test() {
  shapes.area(Square(3.0))
  |> should.equal(6.0)
}
