/**
 * Fleet power: the power-action policy (read the state first, refuse what is unsafe, one action in flight per
 * node), wake-on-LAN ({@code wol}) and overnight wake campaigns ({@code campaign}).
 */
package io.lightsout.appliance.power;
