package io.lightsout.lab;

/** Host power as the lab holds it; transitions settle after their delay (see {@link io.lightsout.lab.model.PowerModel}). */
public enum PowerState {
    ON, OFF
}
