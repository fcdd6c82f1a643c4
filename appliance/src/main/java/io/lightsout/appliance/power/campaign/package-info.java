/**
 * Overnight wake campaigns: a window, targets, a wake method per node, pacing, verification, retries only for the
 * silent, an after-window action, and a report. The engine is built around a per-target state record that a
 * {@link io.lightsout.appliance.power.campaign.CampaignStore} persists after every transition, so that a run
 * interrupted by a crash resumes without waking verified nodes again and without repeating a destructive action.
 */
package io.lightsout.appliance.power.campaign;
