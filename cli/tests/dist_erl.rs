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

/// The erl peer is killed and a new one with the same name started: the
/// eubeam node sees `nodedown`, then pings it again and talks to it.
#[test]
fn eubeam_reconnects_to_a_restarted_erl_node() {
    if !have_erl("eubeam_reconnects_to_a_restarted_erl_node") {
        return;
    }
    let dir = erlc_fixtures();
    let sname = unique("erlre");
    let mut first = Some(erl_peer(&dir, &sname));
    let mut second = None;
    let peer = full_name(&sname);
    let out = run_client_then(
        eubeam_client(&unique("eubre"), "reconnect.erl", &[peer]),
        || {
            drop(first.take());
            second = Some(erl_peer(&dir, &sname));
        },
    );
    drop(second);
    assert_eq!(out, expected("reconnect.expected"));
}

/// The same with the roles swapped: erl reconnects to a restarted eubeam.
#[test]
fn erl_reconnects_to_a_restarted_eubeam_node() {
    if !have_erl("erl_reconnects_to_a_restarted_eubeam_node") {
        return;
    }
    let dir = erlc_fixtures();
    let sname = unique("eubre");
    let mut first = Some(eubeam_peer(&sname));
    let mut second = None;
    let peer = full_name(&sname);
    let out = run_client_then(
        {
            let mut c = std::process::Command::new("erl");
            c.args([
                "-sname",
                &unique("erlre"),
                "-setcookie",
                COOKIE,
                "-noshell",
                "-pa",
            ])
            .arg(&*dir)
            .args(["-run", "reconnect", "main", &peer, "-s", "erlang", "halt"]);
            c
        },
        || {
            drop(first.take());
            second = Some(eubeam_peer(&sname));
        },
    );
    drop(second);
    assert_eq!(out, expected("reconnect.expected"));
}
