/**
 * The lab's BMC-less machines: each simulated machine listens for wake-on-LAN magic packets on its own loopback
 * address, "boots" after a delay when a valid one arrives (its MAC, its SecureOn password if it has one) and then
 * answers TCP connections on a verification port, like an operating system that came up. Written from the
 * magic-packet definition (AMD's Magic Packet white paper, etherwake's man page), not from the appliance's sender.
 */
package io.lightsout.lab.wol;
