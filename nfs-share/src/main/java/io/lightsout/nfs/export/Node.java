package io.lightsout.nfs.export;

import java.nio.file.Path;

/** A file of an export that a handle or name resolved to, with the attributes read while resolving it. */
public record Node(Path path, Attrs attrs) {}
