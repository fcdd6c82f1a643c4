/**
 * Dell iDRAC / Lifecycle Controller (DCIM) profile: {@link io.lightsout.wsman.idrac.IdracProfile} over pure request
 * builders ({@link io.lightsout.wsman.idrac.IdracRequests}) and response mappers
 * ({@link io.lightsout.wsman.idrac.IdracMapper}).
 */
package io.lightsout.wsman.idrac;
