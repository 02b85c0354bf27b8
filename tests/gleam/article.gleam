import gleam/erlang/process.{type Subject}
import gleam/int
import gleam/io
import gleam/list
pub fn run() -> Int {
// A Subject is a typed channel: it only ever carries Int here.
let inbox: Subject(Int) = process.new_subject()
// spawn one process per number; each sends back its square.
list.each([1, 2, 3, 4, 5], fn(n) {
process.spawn(fn() { process.send(inbox, n * n) })
})
// receive 5 typed messages and fold them into a sum.
list.fold([1, 2, 3, 4, 5], 0, fn(sum, _i) {
case process.receive(inbox, within: 1000) {
Ok(square) -> sum + square
Error(_) -> sum
}
})
}
pub fn main() {
io.println(int.to_string(run()))
// prints "55"
}
