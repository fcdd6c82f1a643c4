/**
 * The BMC lab: simulated iDRAC and AMT WS-Man endpoints written from the protocol documents, independent of
 * the ws-man client's classes. Used by tests, {@code demo} and benchmarks.
 */
package io.lightsout.lab;
