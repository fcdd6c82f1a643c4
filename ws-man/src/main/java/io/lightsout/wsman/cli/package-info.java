/** The {@code lightsout wsman} command: raw WS-Man calls from the shell. */
package io.lightsout.wsman.cli;
