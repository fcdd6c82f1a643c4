package io.lightsout.appliance.power.campaign;

/** Why a campaign target failed. */
public enum FailureReason {
    /** The BMC (or, for WoL, the local network stack) never accepted a power-on: unreachable, timed out, busy. */
    NO_ANSWER,
    /** The BMC rejected the appliance's credentials; not retried (lockout). */
    AUTH_FAILED,
    /** The BMC answered with an error to every power-on. */
    BMC_ERROR,
    /** Power-on was accepted but the node was not seen on before the deadline. */
    NOT_VERIFIED_BY_DEADLINE,
    /** The campaign's method rule or the node's driver cannot wake this node. */
    NOT_SUPPORTED,
    /**
     * The node was deleted while the window it was a target of was open (before a resumed window picked it up
     * again): it is not contacted any more, and this is its final status in that window.
     */
    NODE_DELETED
}
