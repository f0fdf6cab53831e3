"""Reference for `bench`'s basin entry: Adam (torch's rule, lr 0.05) from a 512x512 grid over [-5,5]^2
on himmelblau for 500 steps, vectorised with NumPy; prints the counts within 1e-2 of each minimum
and the time. Descent's counts must equal these (see docs/bench.md)."""
import time
import numpy as np

MINIMA = [(3.0, 2.0), (-2.805118086952745, 3.131312518250573),
          (-3.779310253377747, -3.283185991286170), (3.584428340330492, -1.848126526964404)]

def grad(x, y):
    a = x * x + y - 11
    b = x + y * y - 7
    return 4 * x * a + 2 * b, 2 * a + 4 * y * b

def main(n=512, steps=500, lr=0.05, b1=0.9, b2=0.999, eps=1e-8):
    g = np.linspace(-5, 5, n)
    x, y = np.meshgrid(g, g)
    x = x.ravel().copy(); y = y.ravel().copy()
    t0 = time.perf_counter()
    p = np.stack([x, y]); m = np.zeros_like(p); v = np.zeros_like(p)
    for t in range(1, steps + 1):
        gx, gy = grad(p[0], p[1]); gr = np.stack([gx, gy])
        m = b1 * m + (1 - b1) * gr
        v = b2 * v + (1 - b2) * gr * gr
        bc1 = 1 - b1 ** t; bc2 = 1 - b2 ** t
        p = p - (lr / bc1) * m / (np.sqrt(v) / np.sqrt(bc2) + eps)
    dt = time.perf_counter() - t0
    counts = [int(np.sum(np.hypot(p[0] - mx, p[1] - my) <= 1e-2)) for mx, my in MINIMA]
    print({"seconds": round(dt, 3), "counts": counts, "not_converged": n * n - sum(counts)})

if __name__ == "__main__":
    main()
