//! An eubeam node in a cluster with real `erl` nodes (issue 12): the same
//! client program (`tests/dist/client.erl`: ping, send to a registered
//! process and get the reply, rpc:call, spawn/4, links propagating crashes
//! each way, monitors, `noconnection` when the other node is killed,
//! `nodedown`) gives the output recorded with erl on both sides
//! (`tests/dist/client.expected`), with eubeam on either side.
//! Skipped, with a message, when erl is not installed.

mod common;

use common::dist::*;

#[test]
fn eubeam_node_talks_to_an_erl_node() {
    if !have_erl("eubeam_node_talks_to_an_erl_node") {
        return;
    }
    let dir = erlc_fixtures();
    let mut peers = [erl_peer(&dir, &unique("erlpeer"))];
    let peer = peers[0].name.clone();
    let out = run_client(
        eubeam_client(&unique("eubclient"), "client.erl", &[peer]),
        &mut peers,
    );
    assert_eq!(out, expected("client.expected"));
}

#[test]
fn erl_node_talks_to_an_eubeam_node() {
    if !have_erl("erl_node_talks_to_an_eubeam_node") {
        return;
    }
    let dir = erlc_fixtures();
    let mut peers = [eubeam_peer(&unique("eubpeer"))];
    let peer = peers[0].name.clone();
    let out = run_client(erl_client(&dir, &unique("erlclient"), &peer), &mut peers);
    assert_eq!(out, expected("client.expected"));
}
