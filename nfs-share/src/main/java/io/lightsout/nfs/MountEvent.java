package io.lightsout.nfs;

import java.net.InetAddress;
import java.time.Instant;

/**
 * One MOUNT request, granted or not.
 *
 * @param at      when it was answered
 * @param client  the client's source address (what the export's client list was checked against)
 * @param path    the path asked for, as sent (e.g. {@code /iso/rhel9})
 * @param granted whether a file handle was handed out
 * @param reason  why not, when refused ({@code "no such export"}, {@code "client not allowed"}, ...); empty when
 *                granted
 */
public record MountEvent(Instant at, InetAddress client, String path, boolean granted, String reason) {}
