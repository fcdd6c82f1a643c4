/** The {@code nfs-share} command. */
package io.lightsout.nfs.cli;
