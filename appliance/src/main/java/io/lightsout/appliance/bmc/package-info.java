/**
 * The BMC driver SPI. A {@link io.lightsout.appliance.bmc.BmcCommand} is one of a sealed set of records; a
 * {@link io.lightsout.appliance.bmc.BmcDriver} per {@link io.lightsout.appliance.bmc.NodeType} says which it
 * supports and executes them with an exhaustive switch; the {@link io.lightsout.appliance.bmc.DriverRegistry} picks
 * the driver; the {@link io.lightsout.appliance.bmc.BmcExecutor} is the only way callers reach a driver and adds
 * the support check, the per-BMC / per-site / global limits and a timeout on every call.
 * <p>
 * Power state is a model in which {@link io.lightsout.appliance.bmc.PowerState#UNKNOWN} and
 * {@link io.lightsout.appliance.bmc.PowerState#AUTH_FAILED} are states that drivers report, never guesses.
 */
package io.lightsout.appliance.bmc;
