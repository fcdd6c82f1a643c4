/**
 * Wake-on-LAN: magic packets (AMD Magic Packet; SecureOn password as etherwake sends it), a UDP sender for unicast,
 * subnet-directed and limited broadcast, and token-bucket pacing per subnet and overall.
 */
package io.lightsout.appliance.power.wol;
