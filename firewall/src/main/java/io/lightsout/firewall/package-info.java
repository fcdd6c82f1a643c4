/**
 * The nftables ruleset model and renderer for the appliance's listeners. Not built yet; its issue comes in
 * a later wave.
 */
package io.lightsout.firewall;
