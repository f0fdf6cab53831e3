package dev.descent.math;

/**
 * SplitMix64 (Steele, Lea &amp; Flood 2014; the generator behind {@code java.util.SplittableRandom}),
 * written out here so that a NumPy script can reproduce every draw with plain integer arithmetic:
 *
 * <pre>
 *   state ← state + 0x9E3779B97F4A7C15 (mod 2⁶⁴)
 *   z ← state;  z ← (z ^ (z >>> 30))·0xBF58476D1CE4E5B9;  z ← (z ^ (z >>> 27))·0x94D049BB133111EB
 *   next = z ^ (z >>> 31)
 *   uniform = (next >>> 11)·2⁻⁵³            (in [0, 1))
 *   below(k) = floor(uniform·k)              (in 0..k−1)
 *   gaussian = sqrt(−2·ln(1 − u₁))·cos(2π·u₂) (Box–Muller, two uniforms per draw)
 * </pre>
 */
public final class SplitMix64 {

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** floor(uniform·k): a whole number in 0..k−1. */
    public int below(int k) {
        return (int) (nextDouble() * k);
    }

    /** A standard normal draw by Box–Muller from two uniforms. */
    public double nextGaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
