pub type Shape {
  Circle(radius: Int)
  Square(side: Int)
}

pub fn area(s: Shape) -> Int {
  case s {
    Circle(r) -> 3 * r * r
    Square(a) -> a * a
  }
}
