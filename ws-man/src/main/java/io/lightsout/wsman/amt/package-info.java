/**
 * Intel AMT / DMTF DASH profile (CIM + AMT classes): {@link io.lightsout.wsman.amt.AmtProfile} over pure request
 * builders ({@link io.lightsout.wsman.amt.AmtRequests}) and response mappers ({@link io.lightsout.wsman.amt.AmtMapper}).
 */
package io.lightsout.wsman.amt;
