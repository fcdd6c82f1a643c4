package io.lightsout.nfs;

/**
 * Told about every MOUNT request the share answers, so that the appliance can record who mounted what in its
 * activity log.
 *
 * <p>Called on the share's worker thread after the reply is decided; an implementation must return quickly and
 * must not throw (an exception is logged and otherwise ignored). It is never called with a file handle or any
 * credential.
 */
@FunctionalInterface
public interface MountListener {

    /** A client asked to mount {@code event.path()}. */
    void mount(MountEvent event);

    /** A listener that ignores every event. */
    MountListener NONE = event -> { };
}
