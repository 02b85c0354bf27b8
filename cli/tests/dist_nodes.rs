//! Two and three eubeam nodes on one machine, no BEAM involved (issue 12):
//! the client programs of `tests/dist/` print what erl printed for them
//! with every node on erl (`client.expected`, `trio.expected`).
//! These need an epmd: the host's, or `eubeam epmd` started on demand.

mod common;

use common::dist::*;

#[test]
fn two_eubeam_nodes() {
    let mut peers = [eubeam_peer(&unique("peer"))];
    let peer = peers[0].name.clone();
    let out = run_client(
        eubeam_client(&unique("client"), "client.erl", &[peer]),
        &mut peers,
    );
    assert_eq!(out, expected("client.expected"));
}

#[test]
fn three_eubeam_nodes() {
    let _b = eubeam_peer(&unique("nodeb"));
    let mut c = [eubeam_peer(&unique("nodec"))];
    let args = [_b.name.clone(), c[0].name.clone()];
    let out = run_client(eubeam_client(&unique("nodea"), "trio.erl", &args), &mut c);
    assert_eq!(out, expected("trio.expected"));
}
