//// Erlang nodes (the runtime's distribution).

import gleam/erlang/atom.{type Atom}

pub type Node

/// This node.
@external(erlang, "erlang", "node")
pub fn self() -> Node

/// The nodes connected to this one.
@external(erlang, "erlang", "nodes")
pub fn visible() -> List(Node)

pub type ConnectError {
  FailedToConnect
  LocalNodeIsNotAlive
}

@external(erlang, "gleam_erlang_ffi", "connect_node")
pub fn connect(node: Atom) -> Result(Node, ConnectError)

@external(erlang, "gleam_erlang_ffi", "identity")
pub fn name(node: Node) -> Atom
