"""Reference for `bench`'s contour entry: rosenbrock sampled on a 1000x1000 grid over [-2,2]x[-1,3],
30 log-spaced levels, filled bands + contour lines + axes, rendered (Agg) into a 1280x720 RGBA buffer.
Prints the median of 15 runs after 3 warm-ups. See docs/bench/contour_matplotlib.md."""
import time
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.colors import LogNorm


def once():
    x = np.linspace(-2, 2, 1000)
    y = np.linspace(-1, 3, 1000)
    X, Y = np.meshgrid(x, y)
    Z = (1 - X) ** 2 + 100 * (Y - X ** 2) ** 2
    levels = np.geomspace(max(Z.min(), 1e-3), Z.max(), 30)
    fig = plt.figure(figsize=(12.8, 7.2), dpi=100)
    ax = fig.add_subplot()
    ax.contourf(X, Y, Z, levels=levels, norm=LogNorm(), cmap="viridis")
    ax.contour(X, Y, Z, levels=levels, norm=LogNorm(), colors="k", linewidths=0.5)
    fig.canvas.draw()
    buf = fig.canvas.buffer_rgba()
    plt.close(fig)
    return buf


def main():
    for _ in range(3):
        once()
    times = []
    for _ in range(15):
        t0 = time.perf_counter()
        once()
        times.append(time.perf_counter() - t0)
    times.sort()
    print({"median_seconds": round(times[len(times) // 2], 3), "min_seconds": round(times[0], 3),
           "matplotlib": matplotlib.__version__, "numpy": np.__version__})


if __name__ == "__main__":
    main()
