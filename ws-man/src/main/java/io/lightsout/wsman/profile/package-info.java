/**
 * What the device profiles share: the power model (where {@code UNKNOWN} and {@code AUTH_FAILED} are states, never
 * guesses), CIM power actions, job references and method failures.
 */
package io.lightsout.wsman.profile;
