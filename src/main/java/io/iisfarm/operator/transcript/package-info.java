/**
 * Recorded hosts: what a host printed to the operator's commands, kept as a text transcript (one file per host,
 * docs/transcripts.md), recorded by {@code audit --record} with every machineKey, cipher value and password
 * replaced, and served back over WinRM by {@code simulate --replay} and the tests.
 */
package io.iisfarm.operator.transcript;
