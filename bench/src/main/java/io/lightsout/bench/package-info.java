/** Benchmarks run by {@code bin/lightsout bench ...}; they print figures and ratios, they assert nothing. */
package io.lightsout.bench;
